// @vitest-environment jsdom
/**
 * Person cards on a heavy page (issue 19, failure 1): the directory answers and the marking of
 * every mention take a while there, and a mention hovered meanwhile must show its card on that one
 * hover, as a user hovers once and waits.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import demoDirectory from '../../fixtures/directory/demo-directory.json' with { type: 'json' };
import { readAndAnnotate } from '@/lib/content/annotate';
import { PeopleCache } from '@/lib/content/people-cache';
import type { ContentBatch, PageContext } from '@/lib/features/feature';
import { personCards } from '@/lib/features/person-cards';
import { DEFAULT_SETTINGS } from '@/lib/settings-defaults';
import { github } from '@/lib/tools/github/adapter';
import { githubIssue } from '../../bench/synthetic-pages';

/** How long the background takes to answer on a heavy page (a real one answers hundreds of handles). */
const ANSWER_MS = 40;

const people = demoDirectory.people as Array<{ id: string; name: string; handles: Record<string, string | string[]> }>;
const personByGithub = new Map(people.flatMap((p) => [p.handles.github ?? []].flat().map((h) => [h.toLowerCase(), p] as const)));

/** The background's answers, from the demo directory, after a delay. */
function answerLikeTheBackground(): void {
  fakeBrowser.runtime.onMessage.addListener(((message: { type: string; json: string }) => {
    const request = JSON.parse(message.json) as { handles?: string[]; id?: string };
    const later = <T,>(data: T) => new Promise((resolve) => setTimeout(() => resolve({ ok: true, data }), ANSWER_MS));
    if (message.type === 'resolve-people') {
      const found = Object.fromEntries(request.handles!.flatMap((h) => (personByGithub.has(h.toLowerCase()) ? [[h, { id: personByGithub.get(h.toLowerCase())!.id, name: personByGithub.get(h.toLowerCase())!.name }]] : [])));
      return later({ people: found });
    }
    if (message.type === 'person-card') {
      const person = people.find((p) => p.id === request.id)!;
      return later({ card: { id: person.id, name: person.name, profiles: [] } });
    }
    return undefined;
  }) as never);
}

const controller = new AbortController();
afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
});

describe('person cards on a heavy page', () => {
  it('show on the first hover of each mention, while the page is still being marked', async () => {
    answerLikeTheBackground();
    const html = githubIssue(300, 3);
    document.documentElement.innerHTML = html.replace(/^<!doctype html><html lang="en">|<\/html>$/g, '');
    history.replaceState(null, '', '/acme/open-handbook/issues/1');
    const listeners: Array<(batch: ContentBatch) => void> = [];
    const page: PageContext = {
      adapter: github,
      url: new URL(location.href),
      doc: document,
      win: window,
      kind: 'issue',
      place: 'public',
      settings: DEFAULT_SETTINGS,
      people: new PeopleCache('github', location.origin),
      onContent: (listener) => listeners.push(listener),
    };
    // As the page session does: the whole document read and annotated, then the feature started and handed it.
    const read = readAndAnnotate(github, document);
    expect(read.mentions.length).toBe(900);
    await personCards.init(page, controller.signal);
    for (const listener of listeners) listener({ roots: [document], ...read });

    // Twelve mentions spread over the page, each hovered once, as soon as the page is read.
    const picks = Array.from({ length: 12 }, (_, i) => read.mentions[Math.floor((i * (read.mentions.length - 1)) / 11)]!);
    const shown: string[] = [];
    for (const { element, handle } of picks) {
      element.dispatchEvent(new MouseEvent('pointerover', { bubbles: true }));
      const expected = personByGithub.get(handle.toLowerCase())!.name;
      await vi
        .waitFor(() => expect(document.querySelector('[data-daylight="person-card"]')?.shadowRoot?.textContent).toContain(expected), { timeout: 2000, interval: 10 })
        .then(() => shown.push(handle), () => undefined);
      element.dispatchEvent(new MouseEvent('pointerout', { bubbles: true, relatedTarget: document.body }));
    }
    expect(shown).toEqual(picks.map((m) => m.handle));
    // Parsing and reading a 300-post page in jsdom takes seconds on a loaded machine.
  }, 30_000);
});
