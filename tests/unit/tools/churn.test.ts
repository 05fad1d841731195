/**
 * Markup churn (issue 19): every saved page also mutated the way real releases change markup
 * (CSS-module class hashes renamed, data-testids removed, wrappers added around posts and links,
 * attribute order shuffled). Nothing throws, the host page is untouched, what can no longer be read
 * becomes unknown or none (never a wrong value), and Diagnostics names the roles that stopped matching.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { stoppedMatching, summarise } from '@/components/SelectorHealth';
import { annotate, CONTENT_MARKER_NAMES } from '@/lib/content/annotate';
import { matchSelectors } from '@/lib/content/selector-report';
import type { PageReportRecord } from '@/lib/db';
import type { Adapter, PlaceReading } from '@/lib/tools/adapter';
import { pageRecords } from '@/lib/tools/records';
import { adapterFor } from '@/lib/tools/registry';
import { fixtureHtml, loadFixtureCatalog, type FixtureEntry } from '../../harness/fixture-catalog';

type Mutation = (doc: Document, adapter: Adapter) => void;

/** A hashed CSS-module or Primer React class (`Avatar-module__avatarLink__LpV3I`, `prc-PageLayout-Header-0of-R`). */
const HASHED = /^((?:[A-Za-z0-9]+-module__[A-Za-z0-9]+(?:__|--))|(?:prc-[A-Za-z]+-[A-Za-z]+-))[A-Za-z0-9_-]{4,6}$/;

const MUTATIONS: Record<string, Mutation> = {
  'class hashes renamed': (doc) => {
    for (const el of doc.querySelectorAll('[class]')) {
      const renamed = [...el.classList].map((name) => name.replace(HASHED, (_all, stem: string) => `${stem}zQ9x1`));
      el.setAttribute('class', renamed.join(' '));
    }
  },
  'data-testids removed': (doc) => {
    for (const el of doc.querySelectorAll('[data-testid]')) el.removeAttribute('data-testid');
  },
  'wrappers around posts and links': (doc, adapter) => {
    for (const post of doc.querySelectorAll(adapter.postSelector)) {
      const wrapper = doc.createElement(post.tagName === 'LI' ? 'li' : 'div');
      wrapper.className = 'release-wrapper';
      post.replaceWith(wrapper);
      wrapper.append(post);
    }
    for (const link of doc.querySelectorAll('body a[href]')) {
      const wrapper = doc.createElement('span');
      wrapper.className = 'release-link-wrapper';
      link.replaceWith(wrapper);
      wrapper.append(link);
    }
  },
  'attribute order shuffled': (doc) => {
    for (const el of doc.querySelectorAll('*')) {
      const attributes = [...el.attributes].map((a) => [a.name, a.value] as const).reverse();
      for (const [name] of attributes) el.removeAttribute(name);
      for (const [name, value] of attributes) el.setAttribute(name, value);
    }
  },
};
MUTATIONS['all at once'] = (doc, adapter) => {
  for (const [name, mutate] of Object.entries(MUTATIONS)) if (name !== 'all at once') mutate(doc, adapter);
};

const parse = (entry: FixtureEntry) => new JSDOM(fixtureHtml(entry), { url: entry.url }).window.document;

function resolvePlace(reading: PlaceReading, api: Record<string, unknown> = {}) {
  let current = reading;
  for (let depth = 0; depth < 3 && current.lookup; depth += 1) {
    if (!(current.lookup.path in api)) return current.place;
    current = current.lookup.read(api[current.lookup.path]);
  }
  return current.place;
}

/** What an adapter reads on a page, in the form the checks compare. */
function reading(adapter: Adapter, entry: FixtureEntry, doc: Document) {
  const url = new URL(entry.url);
  return {
    kind: adapter.kind(url, doc),
    place: resolvePlace(adapter.place(url, doc), entry.api),
    viewer: adapter.viewer(doc),
    title: adapter.title(url, doc),
    mentions: adapter.mentions(doc).map((m) => m.handle),
    posts: adapter.posts(doc).map((p) => ({ id: p.id, author: p.author })),
  };
}

/** `part` is `whole` with some items left out: nothing added, nothing changed. */
function isSubMultiset(part: readonly string[], whole: readonly string[]): boolean {
  const left = new Map<string, number>();
  for (const item of whole) left.set(item, (left.get(item) ?? 0) + 1);
  return part.every((item) => {
    const count = left.get(item) ?? 0;
    left.set(item, count - 1);
    return count > 0;
  });
}

/** The page as the host sees it: Daylight's markers left out. */
function hostView(doc: Document): string {
  const copy = doc.documentElement.cloneNode(true) as Element;
  for (const name of CONTENT_MARKER_NAMES) for (const el of copy.querySelectorAll(`[${name}]`)) el.removeAttribute(name);
  return copy.outerHTML;
}

const report = (adapter: Adapter, doc: Document, at: number): PageReportRecord => ({
  tool: adapter.id,
  origin: 'https://example.test',
  kind: 'other',
  place: 'unknown',
  detected: true,
  path: '/',
  matched: matchSelectors(doc, adapter.selectors),
  at,
});

describe.each(loadFixtureCatalog().map((e) => [`${e.tool}/${e.file}`, e] as const))('%s after a release', (_name, entry) => {
  const adapter = adapterFor(entry.tool);
  const original = parse(entry);
  const before = reading(adapter, entry, original);
  const beforeReport = report(adapter, original, 1);

  it.each(Object.keys(MUTATIONS))('%s: nothing throws, the page is untouched, nothing is read wrong, Diagnostics names what stopped matching', (mutation) => {
    const doc = parse(entry);
    MUTATIONS[mutation]!(doc, adapter);
    const host = hostView(doc);
    let after!: ReturnType<typeof reading>;
    expect(() => {
      after = reading(adapter, entry, doc);
      annotate(adapter, doc);
      pageRecords(adapter, new URL(entry.url), doc);
      adapter.composers(doc);
      for (const post of adapter.posts(doc)) {
        adapter.reaction(post.element);
        adapter.reply(post.element, doc);
      }
    }).not.toThrow();
    expect(hostView(doc)).toBe(host);

    // Each field is what it was, or unknown / none.
    expect([before.kind, 'other']).toContain(after.kind);
    expect([before.place, 'unknown']).toContain(after.place);
    expect([before.viewer, null]).toContain(after.viewer);
    expect([before.title, '']).toContain(after.title);
    expect(isSubMultiset(after.mentions, before.mentions), `mentions ${after.mentions.join(',')}`).toBe(true);
    const authors = new Map(before.posts.map((p) => [p.id, p.author]));
    for (const post of after.posts) {
      expect(authors.has(post.id), `post ${post.id}`).toBe(true);
      expect([authors.get(post.id), null]).toContain(post.author);
    }

    // What was lost shows in Diagnostics as roles that matched on the page before and not after.
    const lost =
      after.kind !== before.kind ||
      after.place !== before.place ||
      after.viewer !== before.viewer ||
      after.title !== before.title ||
      after.mentions.length < before.mentions.length ||
      after.posts.length < before.posts.length ||
      after.posts.some((p) => p.author === null && authors.get(p.id) !== null);
    const stopped = stoppedMatching(summarise([report(adapter, doc, 2), beforeReport], adapter.selectors));
    if (lost) expect(stopped.length, `${mutation} lost ${JSON.stringify({ before, after })} with every role still matching`).toBeGreaterThan(0);
    // Each check parses and reads a whole page in jsdom twice over: about a second alone, several under load.
  }, 20_000);
});
