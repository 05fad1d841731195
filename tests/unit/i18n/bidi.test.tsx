// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConflictList } from '@/components/ConflictList';
import { PeopleTable } from '@/components/PeopleTable';
import { SearchResultItem } from '@/components/SearchResultItem';
import type { SearchRecordRow, StoredPerson } from '@/lib/db';
import { warningWords } from '@/lib/openness/warning-words';
import type { SearchHit } from '@/lib/search/search';
import { PersonCardView } from '@/lib/ui/person-card';
import { PrivateWarningBanner } from '@/lib/ui/private-warning';
import { WorkingHoursHint } from '@/lib/ui/working-hours-hint';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * Names, titles and messages from the tools and the directory, in right-to-left scripts, beside
 * Daylight's own words: each must sit in an element that isolates its direction (<bdi>, or
 * dir="auto" on an element that holds only data), so an Arabic name does not pull the English
 * around it out of order ("… is outside working hours" must not end up before the name).
 */
const ARABIC = 'ليلى حداد';
const HEBREW = 'דנה לוי';

function isolation(root: ParentNode, text: string): Element {
  const holders = [...root.querySelectorAll('*')].filter((element) => [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.includes(text)));
  expect(holders, `"${text}" is rendered`).not.toHaveLength(0);
  const holder = holders[0]!;
  const isolate = holder.closest('bdi, [dir="auto"]');
  expect(isolate, `"${text}" in <${holder.tagName.toLowerCase()}> is isolated`).not.toBeNull();
  return isolate!;
}

/** The isolate holds the data and none of Daylight's words. */
function expectIsolated(root: ParentNode, text: string, daylightWords: string) {
  const isolate = isolation(root, text);
  expect(isolate.textContent).toContain(text);
  expect(isolate.textContent).not.toContain(daylightWords);
  expect(root.textContent ?? (root as Element).innerHTML).toContain(daylightWords);
}

describe('text from the tools is isolated beside Daylight’s words', () => {
  let container: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    document.body.replaceChildren();
  });

  it('the working-hours hint: an Arabic name before "is outside working hours"', () => {
    const hint = new WorkingHoursHint();
    hint.show([{ name: ARABIC, where: '02:14 in Manila', wait: 'about 7 hours' }], container);
    document.body.append(hint.host);
    expectIsolated(hint.host.shadowRoot!, ARABIC, 'is outside working hours');
  });

  it('the person card: a Hebrew name and an Arabic team', () => {
    const anchor = document.createElement('a');
    document.body.append(anchor);
    const view = new PersonCardView('github', (_tool, href) => href);
    view.show({ id: 'dana', name: HEBREW, team: ARABIC, profiles: [{ tool: 'gitlab', key: 'gitlab', handle: 'דנה', url: null }] }, anchor);
    const card = view.element!.shadowRoot!;
    expectIsolated(card, HEBREW, 'Copy');
    expectIsolated(card, ARABIC, 'Copy');
    expectIsolated(card, 'דנה', 'Copy');
    view.hide();
  });

  it('the private-place warning: who can see it, in the page’s Hebrew, and a reason in Arabic', () => {
    const anchor = document.createElement('div');
    document.body.append(anchor);
    const banner = new PrivateWarningBanner(warningWords('private', HEBREW, 'channel'), [ARABIC], '', { onReason: vi.fn(), onException: vi.fn() }, anchor, new AbortController().signal);
    document.body.append(banner.host);
    banner.render(null);
    const shadow = banner.host.shadowRoot!;
    expectIsolated(shadow, HEBREW, 'Posting privately');
    expectIsolated(shadow, ARABIC, 'Keep it private for:');
    banner.render(ARABIC);
    expectIsolated(shadow, ARABIC, 'kept private');
  });

  it('a search result: an Arabic title, a Hebrew author and channel', () => {
    const record = { key: 'k', tool: 'slack', type: 'post', kind: 'channel', title: ARABIC, url: 'https://acme.slack.com/x', author: 'dana', authorName: HEBREW, container: `#${HEBREW}`, private: false, time: null, firstSeen: 0, lastSeen: 0 } as unknown as SearchRecordRow;
    const hit: SearchHit = { record, title: [{ text: ARABIC, hit: false }], snippet: [], score: 1 };
    act(() => root.render(<ul><SearchResultItem hit={hit} href={null} id="r0" active={false} onOpen={vi.fn()} onArchive={vi.fn()} onPointer={vi.fn()} /></ul>));
    expectIsolated(container, ARABIC, 'Archive');
    expectIsolated(container, HEBREW, 'Archive');
    expectIsolated(container, `#${HEBREW}`, 'Archive');
  });

  it('the people table and a conflict: names, teams and messages', () => {
    const people: StoredPerson[] = [{ id: 'dana', name: HEBREW, team: ARABIC, handles: { github: 'dana' }, handleKeys: [], updatedAt: 0 }];
    act(() => root.render(<>
      <PeopleTable people={people} conflicts={[]} onEdit={vi.fn()} onArchive={vi.fn()} />
      <ConflictList conflicts={[{ kind: 'duplicate-handle', personIds: ['dana'], message: `${ARABIC} ↔ ${HEBREW}`, fix: HEBREW } as never]} limit={5} />
    </>));
    expectIsolated(container, HEBREW, 'Edit');
    expectIsolated(container, ARABIC, 'Edit');
    expectIsolated(container, `${ARABIC} ↔ ${HEBREW}`, 'Fix:');
  });
});
