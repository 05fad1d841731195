import { browser } from 'wxt/browser';
import { post } from '../content/messages';
import { captureVerdict } from '../search/capture-rules';
import { markedMentions } from '../content/annotate';
import { NearViewport } from '../content/near-viewport';
import { IdleQueue } from '../dom/idle-queue';
import { packCapture } from '../search/capture-wire';
import type { CaptureRecord } from '../search/record';
import { buildRecords, pageFacts, readPostContent, type PageFacts, type PostContent } from '../tools/records';
import type { PostReading } from '../tools/adapter';
import type { Feature } from './feature';
import { FEATURE_DESCRIPTIONS } from './catalog';

/** Captures wait for the page to stop changing this long… */
export const CAPTURE_QUIET_MS = 800;
/** …but a page that never stops (a busy channel) is still captured this often. */
export const CAPTURE_MAX_WAIT_MS = 5_000;

/** Whether a post record says the same as when it was last sent (field by field: no strings built). */
function same(a: CaptureRecord, b: CaptureRecord | undefined): boolean {
  return (
    b !== undefined &&
    a.text === b.text &&
    a.author === b.author &&
    a.time === b.time &&
    a.title === b.title &&
    a.container === b.container &&
    a.place === b.place &&
    a.url === b.url &&
    a.mentions.length === b.mentions.length &&
    a.mentions.every((handle, i) => handle === b.mentions[i])
  );
}

/** The last address counted as a visit in this tab: a feature restart on the same page is not a new visit. */
let visited: string | undefined;

/** A post's key among the records: its permalink, else its id on the page. */
const keyOf = (post: PostReading) => post.permalink ?? post.id;

/**
 * page-capture: sends what the user has seen (the page, and each post or message with its
 * permalink once any of it has been on screen) to the background for cross-tool search, once the
 * page has settled and again as it changes or more of it comes into view. Posts never scrolled to
 * are not read: search covers what the user saw, and a long thread costs only what was looked at.
 * Nothing is sent while capture is paused, from excluded pages, or from incognito windows.
 */
export const pageCapture: Feature = {
  id: 'page-capture',
  description: FEATURE_DESCRIPTIONS['page-capture'],
  init(page, signal) {
    if (browser.extension?.inIncognitoContext === true) return;
    if (!captureVerdict(page.url, page.settings).capture) return;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    let pendingSince: number | undefined;
    // Records are read in idle time, a post at a time: reading 500 posts at once is a long task.
    const idle = new IdleQueue(signal);
    /** The capture being read; a newer one makes older readings stop. */
    let reading = 0;
    let building = false;
    /** The posts as the last pass over the whole document read them, while nothing changed since. */
    let knownPosts: PostReading[] | undefined;
    /** What each post showed when it was last read, until a batch says it changed. */
    const contents = new WeakMap<Element, { key: string; content: PostContent }>();
    /** What was last sent of each post record: a post that did not change is not sent again. */
    const sent = new Map<string, CaptureRecord>();
    /** The posts (by key) that have been on screen since this page opened: only they are captured. */
    const seen = new Set<string>();
    /** The key each watched post element showed when it was last read (list rows get recycled). */
    const watched = new WeakMap<Element, string>();
    const onScreen = new NearViewport(
      page.win,
      (elements) => {
        let more = false;
        for (const element of elements) {
          const key = watched.get(element);
          if (key !== undefined && !seen.has(key)) {
            seen.add(key);
            more = true;
          }
        }
        if (more) changed();
      },
      { verticalPercent: 0 },
      signal,
    );

    const deliver = (records: CaptureRecord[]) => {
      building = false;
      const visit = visited !== page.url.href;
      visited = page.url.href;
      const fresh = records.filter((record) => record.type === 'page' || !same(record, sent.get(record.key)));
      for (const record of fresh) sent.set(record.key, record);
      post('search-capture', packCapture(fresh, visit)).catch(() => {
        for (const record of fresh) sent.delete(record.key); // sent again with the next capture
      }); // the background reports full storage itself
    };
    /** A post's text and mentions: as last read while it did not change, or read now. */
    const contentOf = (item: PostReading, facts: PageFacts): PostContent => {
      const key = keyOf(item);
      const known = contents.get(item.element);
      if (known?.key === key) return known.content;
      const content = readPostContent(item, facts);
      contents.set(item.element, { key, content });
      return content;
    };
    const send = () => {
      clearTimeout(quiet);
      pendingSince = undefined;
      if (signal.aborted) return;
      const ticket = ++reading;
      building = true;
      idle.add(() => {
        if (ticket !== reading) return;
        // The mentions were marked by the annotation: read from the markers, not the adapter.
        const facts = { ...pageFacts(page.adapter, page.url, page.doc, page.place, knownPosts), mentions: markedMentions };
        const read: Array<PostContent | undefined> = [];
        facts.posts.forEach((item, i) => {
          if (!seen.has(keyOf(item))) return;
          idle.add(() => {
            if (ticket === reading) read[i] = contentOf(item, facts);
          });
        });
        idle.add(() => ticket === reading && deliver(buildRecords(facts, read)));
      });
    };
    /** Something to capture changed: send once the page is quiet, or at the latest after the maximum wait. */
    const changed = () => {
      const now = Date.now();
      pendingSince ??= now;
      clearTimeout(quiet);
      if (now - pendingSince >= CAPTURE_MAX_WAIT_MS) send();
      else quiet = setTimeout(send, CAPTURE_QUIET_MS);
    };
    page.onContent((batch) => {
      knownPosts = batch.roots.length === 1 && batch.roots[0] === page.doc ? [...batch.posts] : undefined;
      for (const item of batch.posts) {
        contents.delete(item.element);
        const key = keyOf(item);
        if (seen.has(key)) continue;
        watched.set(item.element, key);
        onScreen.watch(item.element);
      }
      changed();
    }, signal);
    // Leaving the page before it settled (or was read) still captures what was seen, at once.
    page.win.addEventListener(
      'pagehide',
      () => {
        if (pendingSince === undefined && !building) return;
        clearTimeout(quiet);
        pendingSince = undefined;
        reading += 1;
        const facts = pageFacts(page.adapter, page.url, page.doc, page.place);
        deliver(buildRecords(facts, facts.posts.map((item) => (seen.has(keyOf(item)) ? contentOf(item, facts) : undefined))));
      },
      { signal },
    );
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(quiet);
      },
      { once: true },
    );
  },
};
