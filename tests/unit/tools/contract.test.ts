/**
 * The adapter contract, run over every adapter and every saved page of every tool
 * (tests/fixtures/<tool>/fixtures.json says what a correct reading of each page is).
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { annotate } from '@/lib/content/annotate';
import type { PlaceReading } from '@/lib/tools/adapter';
import type { Place } from '@/lib/tools/page';
import { pageRecords } from '@/lib/tools/records';
import { adapters } from '@/lib/tools/registry';
import { fixtureHtml, loadFixtureCatalog, type FixtureEntry } from '../../harness/fixture-catalog';

const catalog = loadFixtureCatalog();
const parse = (entry: FixtureEntry, html = fixtureHtml(entry)) => new JSDOM(html, { url: entry.url }).window.document;
/** Read-only tests share one parsed copy of each page; tests that change the page parse their own. */
const parsed = new Map<FixtureEntry, Document>();
const load = (entry: FixtureEntry) => parsed.get(entry) ?? parsed.set(entry, parse(entry)).get(entry)!;

/** Follow the adapter's API lookups with the answers saved beside the fixture. */
function resolvePlace(reading: PlaceReading, api: Record<string, unknown> = {}): Place {
  let current = reading;
  for (let depth = 0; depth < 3 && current.lookup; depth += 1) {
    if (!(current.lookup.path in api)) return current.place;
    current = current.lookup.read(api[current.lookup.path]);
  }
  return current.place;
}

/** A delete action in fixtures.json is a selector, or `selector = "text"` for a control found by its text. */
function deleteControls(doc: Document, action: string): Element[] {
  const [, selector = action, text] = /^(.*?) = "(.*?)"/.exec(action) ?? [];
  const found = [...doc.querySelectorAll(selector)];
  return text === undefined ? found : found.filter((el) => el.textContent?.trim() === text);
}

describe.each(adapters)('$name adapter', (adapter) => {
  const own = catalog.filter((e) => e.tool === adapter.id);
  const foreign = catalog.filter((e) => e.tool !== adapter.id);

  it('has saved pages to be tested on', () => {
    expect(own.length).toBeGreaterThanOrEqual(3);
  });

  it.each(catalog.map((e) => [`${e.tool}/${e.file}`, e] as const))('detect on %s', (_name, entry) => {
    expect(adapter.detect(load(entry))).toBe(entry.tool === adapter.id);
  });

  describe.each(own.map((e) => [e.file, e] as const))('on %s', (_file, entry) => {
    const doc = load(entry);
    const url = new URL(entry.url);

    it('reads the page kind and place', () => {
      expect(adapter.kind(url, doc)).toBe(entry.kind);
      expect(resolvePlace(adapter.place(url, doc), entry.api)).toBe(entry.place);
    });

    it('reads the viewer', () => {
      expect(adapter.viewer(doc)).toBe(entry.viewer ?? null);
    });

    it('finds every person mention, and nothing else', () => {
      expect(adapter.mentions(doc).map((m) => m.handle)).toEqual(entry.mentions);
    });

    it('finds every post with its id and author', () => {
      const posts = adapter.posts(doc);
      expect(posts.map((p) => ({ id: p.id, author: p.author }))).toEqual(entry.posts);
      // One post, one element: a post read twice would get two Thank hosts with one id.
      expect(new Set(posts.map((p) => p.id)).size).toBe(posts.length);
      expect(new Set(posts.map((p) => p.element)).size).toBe(posts.length);
    });

    it('finds the visible composers, not the decoys', () => {
      expect(adapter.composers(doc)).toHaveLength(entry.composers);
    });

    it.each(entry.deleteActions.map((a) => [a]))('recognises the delete action %s', (action) => {
      const controls = deleteControls(doc, action);
      expect(controls.length).toBeGreaterThan(0);
      for (const control of controls) expect(adapter.deleteAction(control)).not.toBeNull();
    });

    it.each(entry.deleteActions.map((a) => [a]))('offers the tool’s alternative to the delete action %s', (action) => {
      const expected = entry.alternatives[action];
      expect(expected, `fixtures.json: alternatives for ${action}`).toBeDefined();
      for (const control of deleteControls(doc, action)) {
        const alternative = adapter.archiveAlternative(adapter.deleteAction(control)!, doc);
        expect(alternative?.label).toBe(expected!.label);
        expect(alternative?.hint.length).toBeGreaterThan(20);
        if (expected!.control === null) expect(alternative?.control).toBeNull();
        else {
          const targets = deleteControls(doc, expected!.control);
          expect(targets.length).toBeGreaterThan(0);
          expect(targets.some((t) => alternative?.control === t || alternative?.control?.contains(t))).toBe(true);
        }
      }
    });

    it('does not take ordinary links and buttons for delete actions', () => {
      for (const el of doc.querySelectorAll('a[href], button')) {
        const action = adapter.deleteAction(el);
        if (action) expect(entry.deleteActions.some((a) => deleteControls(doc, a).includes(action.element))).toBe(true);
      }
    });

    it('extracts bounded search records for the page and each post', () => {
      const records = pageRecords(adapter, url, doc);
      const [page, ...posts] = records;
      expect(page).toMatchObject({ type: 'page', tool: adapter.id, kind: entry.kind, title: entry.title });
      if (entry.container !== undefined) expect(page?.container).toBe(entry.container);
      expect(posts.map((p) => p.author)).toEqual(entry.posts.map((p) => p.author));
      expect(new Set(records.map((r) => r.key)).size).toBe(records.length);
      for (const record of records) expect(record.text.length).toBeLessThanOrEqual(20_000);
    });

    it('annotates idempotently', () => {
      const fresh = parse(entry);
      const first = annotate(adapter, fresh);
      const once = fresh.documentElement.outerHTML;
      expect(annotate(adapter, fresh)).toEqual(first);
      expect(fresh.documentElement.outerHTML).toBe(once);
      expect([...fresh.querySelectorAll('[data-daylight-handle]')].map((e) => e.getAttribute('data-daylight-handle'))).toEqual(entry.mentions);
    });
  });

  it.each(foreign.map((e) => [`${e.tool}/${e.file}`, e] as const))('reads the foreign page %s as nothing, without throwing', (_name, entry) => {
    const doc = load(entry);
    const url = new URL(entry.url);
    expect(adapter.place(url, doc).place).toBe('unknown');
    expect(adapter.viewer(doc)).toBeNull();
    expect(adapter.mentions(doc)).toEqual([]);
    expect(adapter.posts(doc)).toEqual([]);
    expect(adapter.composers(doc)).toEqual([]);
    expect(() => pageRecords(adapter, url, doc)).not.toThrow();
  });

  it.each(own.map((e) => [e.file, e] as const))('survives %s cut off half-way', (_file, entry) => {
    const html = fixtureHtml(entry);
    const doc = parse(entry, html.slice(0, Math.floor(html.length / 2)));
    const url = new URL(entry.url);
    expect(() => {
      adapter.kind(url, doc);
      adapter.place(url, doc);
      adapter.viewer(doc);
      annotate(adapter, doc);
      adapter.composers(doc);
      pageRecords(adapter, url, doc);
    }).not.toThrow();
  });
});

/**
 * What a feature could hand to `reaction()` and `reply()`: every element that any tool's adapter takes
 * for a post (each adapter's `postSelector`, so the page's own posts too), and the page's composers.
 * Read once per page: every other adapter is checked against the same elements.
 */
const ANY_POST = adapters.map((a) => a.postSelector).join(', ');
const candidates = new Map<FixtureEntry, Element[]>();
function postsAndComposers(entry: FixtureEntry): Element[] {
  let found = candidates.get(entry);
  if (!found) {
    const doc = load(entry);
    const own = adapters.find((a) => a.id === entry.tool)!;
    found = [...new Set([...doc.querySelectorAll(ANY_POST), ...own.composers(doc).flatMap((c) => [c.editor, c.container])])];
    candidates.set(entry, found);
  }
  return found;
}

describe.each(adapters)('$name reaction and reply readings', (adapter) => {
  it.each(catalog.filter((e) => e.tool !== adapter.id).map((e) => [`${e.tool}/${e.file}`, e] as const))('are neutral on the foreign page %s', (_name, entry) => {
    const doc = load(entry);
    const elements = postsAndComposers(entry);
    expect(elements.length).toBeGreaterThan(0);
    for (const el of elements) {
      expect(adapter.reaction(el)).toBeNull();
      const reply = adapter.reply(el, doc);
      expect(reply === null || (reply.composer === null && reply.open === null)).toBe(true);
    }
  });

  it.each(catalog.filter((e) => e.tool === adapter.id).map((e) => [e.file, e] as const))('never throw on %s cut off half-way', (_file, entry) => {
    const html = fixtureHtml(entry);
    const doc = parse(entry, html.slice(0, Math.floor(html.length / 2)));
    expect(() => {
      for (const post of adapter.posts(doc)) {
        adapter.reaction(post.element);
        adapter.reply(post.element, doc);
      }
    }).not.toThrow();
  });
});
