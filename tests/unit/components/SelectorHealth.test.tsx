// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { SelectorHealth } from '@/components/SelectorHealth';
import { matchSelectors } from '@/lib/content/selector-report';
import type { PageReportRecord } from '@/lib/db';
import { github } from '@/lib/tools/github/adapter';
import { fixture, fixtureHtml } from '../../harness/fixture-catalog';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => document.body.replaceChildren());

/** A report as a settled page sends it: what github's table finds on a saved page. */
function report(file: string, at: number): PageReportRecord {
  const doc = new DOMParser().parseFromString(fixtureHtml(fixture('github', file)), 'text/html');
  return { tool: 'github', origin: 'https://github.com', kind: 'issue', place: 'public', detected: true, path: '/', matched: matchSelectors(doc, github.selectors), at };
}

function render(reports: PageReportRecord[]): HTMLElement {
  const host = document.body.appendChild(document.createElement('div'));
  act(() => createRoot(host).render(<SelectorHealth reports={reports} />));
  return host;
}

describe('Diagnostics selector table', () => {
  // A React issue visited first, then a classic pull request: the React roles stopped matching.
  const host = () => render([report('issue-react-public.html', 1), report('pull-request-classic-public.html', 2)]);

  it('counts each alternative separately and says which generation matched on the latest page', () => {
    const page = host();
    const title = page.querySelector('tr[data-selector="title"]')!;
    expect(title.textContent).toContain('matched by classic');
    expect(title.textContent).toContain('2 of 2');
    const react = page.querySelector('tr[data-alternative="title.0"]')!;
    expect(react.textContent).toContain('bdi[data-testid="issue-title"]');
    expect(react.textContent).toContain('react-2025');
    expect(react.textContent).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(react.textContent).toContain('1 of 2');
    expect(react.textContent).toContain('not found');
    expect(page.querySelector('tr[data-alternative="title.1"]')!.textContent).toContain('1 of 2');
  });

  it('names the roles that matched before and not on the latest page', () => {
    const page = host();
    const stopped = page.querySelector('[data-testid="stopped-matching"]')!.textContent!;
    for (const role of ['reactIssueBody', 'reactComment', 'reactCommentAuthor']) {
      expect(stopped).toContain(role);
      expect(page.querySelector(`tr[data-selector="${role}"]`)!.getAttribute('data-stopped')).toBe('true');
    }
    expect(stopped).not.toContain('classicPost');
    expect(page.querySelector('details[data-tool="github"]')!.hasAttribute('open')).toBe(true);
  });
});
