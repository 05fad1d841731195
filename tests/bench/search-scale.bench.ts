/**
 * Issue 14's table at 100,000 and 1,000,000 records, in headless Chromium with real IndexedDB (a
 * persistent profile), every figure beside its target, with MiniSearch and plain Fuse.js measured in
 * the same run on the same records and queries:
 * - recall@10 per query class (relevance.ts: one word, several words, prefix as typed, misspelled,
 *   tool: and from: filtered; ground truth by predicates over the corpus), on the popup's path;
 * - query time per class on the popup's path (runSearch: postings blocks read from IndexedDB, the
 *   index, Fuse's re-rank, reading the shown records), in an extension page that loaded the index as
 *   the popup does;
 * - the popup opened cold: first results of a typed query, and the answer of the whole index;
 * - the popup's JavaScript heap after that first full answer (CDP Runtime.getHeapUsage, before and
 *   after a collection);
 * - index and records on disk (navigator.storage.estimate and the profile folder) beside the raw text;
 * - the capture of a 200-message page with that many stored (the background's ingest, and as a
 *   message from Daylight's content script in a GitHub tab).
 * The database is seeded through the extension's own writer code in its own origin (records packed
 * into chunks, the index built in two tiers and stored as the background's rebuild stores it), not
 * through page visits.
 *
 * SIZES (default "100000,1000000"), PER_CLASS (judged queries per class, default 30), RUNS (popup
 * openings and captures, default 3), FUSE_PER_CLASS (plain Fuse.js at 100,000, default 2). At
 * 1,000,000 MiniSearch is given MINISEARCH_BUDGET_S seconds (default 30) to index and plain Fuse.js
 * one query: the figures say where they stop. SKIP_LIBRARIES=1 leaves them out.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchDaylight } from '../harness/chromium';
import { captureAsMessage } from './capture-message';
import { pageBundle } from './page-bundle';
import { median } from './trace';

const SIZES = (process.env.SIZES ?? '100000,1000000').split(',').map(Number);
const PER_CLASS = Number(process.env.PER_CLASS ?? 30);
const RUNS = Number(process.env.RUNS ?? 3);
const FUSE_PER_CLASS = Number(process.env.FUSE_PER_CLASS ?? 2);
const MINISEARCH_BUDGET_S = Number(process.env.MINISEARCH_BUDGET_S ?? 30);
const CLASSES = ['one word', 'several words', 'prefix as typed', 'misspelled', 'tool: filtered', 'from: filtered'];
const NOW = Date.UTC(2026, 5, 1);

/** Targets by size: [100,000, 1,000,000]. */
const TARGET = {
  recall: 0.95,
  p95: (n: number) => (n > 100_000 ? 30 : 10),
  cold: (n: number) => (n > 100_000 ? 300 : 150),
  heapMb: (n: number) => (n > 100_000 ? 250 : 80),
  diskGb: 1,
  captureMs: 50,
};

interface WireQuery {
  kind: string;
  text: string;
  words: string;
  tool?: string;
  author?: string;
}

type Times = Record<string, number[]>;
interface EngineResult {
  name: string;
  recall: Record<string, number[]>;
  ms: Times;
  note?: string;
}

async function bundle(): Promise<string> {
  return pageBundle(`
    import Fuse from 'fuse.js';
    import MiniSearch from 'minisearch';
    import { makeCorpus } from './tests/bench/search-corpus';
    import { judgedQueries, recallAt10 } from './tests/bench/relevance';
    import { githubIssue } from './tests/bench/synthetic-pages';
    import { openDatabase } from './lib/db';
    import { chunkStoredRecords } from './lib/search/record-store';
    import { SegmentBuilder } from './lib/search/segment';
    import { indexedDoc } from './lib/search/stored-record';
    import { putSegments, segmentWrite } from './lib/search/posting-blocks';
    import { RECENT_DOCS, ingestRecords } from './lib/search/index-store';
    import { CANDIDATES, indexQuery, loadSearchIndexInTiers, rankCandidates, runSearch } from './lib/search/search';
    import { readBlocks } from './lib/search/posting-blocks';
    import { fromFilter } from './lib/search/authors';
    import { parseQuery } from './lib/search/query';
    import { pageRecords } from './lib/tools/records';
    import { packCapture } from './lib/search/capture-wire';
    import { github } from './lib/tools/github/adapter';
    Object.assign(window, { bench: { Fuse, MiniSearch, makeCorpus, judgedQueries, recallAt10, githubIssue, openDatabase, chunkStoredRecords, SegmentBuilder, indexedDoc, putSegments, segmentWrite, RECENT_DOCS, ingestRecords, loadSearchIndexInTiers, runSearch, parseQuery, CANDIDATES, indexQuery, rankCandidates, readBlocks, fromFilter, pageRecords, packCapture, github } });
    globalThis.__name = (fn) => fn;`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bundle's window, typed by its use in each evaluate
type AnyWindow = any;

/**
 * Generate the corpus (kept on the page's window for the libraries) and the judged queries, then
 * store the records and the index, each step in an evaluate of its own so the page holds at most
 * the corpus between them.
 */
async function seed(page: Page, n: number): Promise<{ queries: WireQuery[]; rawMb: number; seedS: number; storeS: number; indexS: number }> {
  const generated = await page.evaluate(
    ({ n, perClass, now }) => {
      const w = window as AnyWindow;
      const t = performance.now();
      w.records = w.bench.makeCorpus(n, 42, now).records;
      w.judged = w.bench.judgedQueries(w.records, perClass);
      let raw = 0;
      for (const r of w.records) raw += r.title.length + r.text.length + r.container.length + (r.author?.length ?? 0);
      // Without their relevant documents (a million records: tens of thousands per query): recall is computed on this page.
      const queries = w.judged.map((q: AnyWindow) => ({ kind: q.kind, text: q.text, words: q.words, tool: q.tool, author: q.author }));
      return { queries, rawMb: raw / 1e6, seedS: (performance.now() - t) / 1000 };
    },
    { n, perClass: PER_CLASS, now: NOW },
  );
  console.log(`  corpus and ${generated.queries.length} judged queries ${f1(generated.seedS)} s`);
  // Records into chunks, as the background stores them (documents numbered from 1 in corpus order).
  const storeS = await page.evaluate(async () => {
    const w = window as AnyWindow;
    const b = w.bench;
    const records = w.records;
    const t = performance.now();
    const db = b.openDatabase();
    const BATCH = 20_000;
    for (let from = 0; from < records.length; from += BATCH) {
      const rows = records.slice(from, from + BATCH).map((r: object, i: number) => ({ ...r, doc: from + i + 1, chunk: 0 }));
      const chunks = b.chunkStoredRecords(rows);
      await db.transaction('rw', db.searchChunks, () => db.searchChunks.bulkPut(chunks));
      for (let i = 0; i < rows.length; i += 1) records[from + i].chunk = rows[i].chunk;
    }
    db.close();
    return (performance.now() - t) / 1000;
  });
  console.log(`  records stored ${f1(storeS)} s`);
  // The index in the background's two tiers (index-store.ts rebuildIndex): the recently seen, and everything older.
  const indexS = await page.evaluate(async () => {
    const w = window as AnyWindow;
    const b = w.bench;
    const records = w.records;
    const t = performance.now();
    const order = records.map((_: unknown, i: number) => i).sort((x: number, y: number) => records[y].lastSeen - records[x].lastSeen);
    const recent = new Set(order.slice(0, b.RECENT_DOCS));
    const db = b.openDatabase();
    for (const [id, inTier] of [[2, true], [1, false]] as const) {
      const builder = new b.SegmentBuilder();
      records.forEach((r: { chunk: number }, i: number) => recent.has(i) === inTier && builder.add(b.indexedDoc({ ...r, doc: i + 1, chunk: r.chunk })));
      const write = b.segmentWrite(id, builder.build());
      await db.transaction('rw', db.searchSegments, db.searchPostings, () => b.putSegments(db, [write]));
    }
    db.close();
    return (performance.now() - t) / 1000;
  });
  console.log(`  index built and stored ${f1(indexS)} s`);
  return { ...generated, storeS, indexS };
}

/** MiniSearch and plain Fuse.js over the corpus the seeding page holds; where they cannot, where they stopped. */
async function libraries(page: Page, n: number): Promise<EngineResult[]> {
  return page.evaluate(
    async ({ n, fusePerClass, budgetS }) => {
      const w = window as AnyWindow;
      const b = w.bench;
      const records = w.records;
      const judged = w.judged;
      const engines: EngineResult[] = [];
      const classOf = (m: Record<string, number[]>, kind: string) => (m[kind] ??= []);
      // MiniSearch as the relevance bench runs it; at a size it cannot index within the budget, where it stopped.
      {
        let mini = new b.MiniSearch({ idField: 'id', fields: ['title', 'container', 'text', 'author'], storeFields: ['tool', 'author'] });
        const started = performance.now();
        let added = 0;
        while (added < records.length && performance.now() - started < budgetS * 1000) {
          const part = records.slice(added, added + 10_000).map((r: AnyWindow, i: number) => ({ id: added + i, title: r.title, container: r.container, text: r.text, author: r.author ?? '', tool: r.tool }));
          mini.addAll(part);
          added += part.length;
        }
        const buildS = (performance.now() - started) / 1000;
        const result: EngineResult = { name: 'MiniSearch', recall: {}, ms: {} };
        if (added < records.length) {
          const heap = (performance as AnyWindow).memory?.usedJSHeapSize ?? 0;
          result.note = `indexed ${added.toLocaleString()} of ${records.length.toLocaleString()} records in ${buildS.toFixed(0)} s (page heap then ${(heap / 2 ** 20).toFixed(0)} MB with the corpus), then stopped: no queries`;
        } else {
          result.note = `build ${buildS.toFixed(1)} s in memory`;
          for (const q of judged) {
            const t0 = performance.now();
            const top = mini
              .search(q.words, { boost: { title: 2, author: 0.5 }, fuzzy: 0.2, prefix: true, combineWith: 'AND', filter: (r: AnyWindow) => (q.tool === undefined || r.tool === q.tool) && (q.author === undefined || r.author === q.author) })
              .slice(0, 10)
              .map((r: AnyWindow) => Number(r.id));
            classOf(result.ms, q.kind).push(performance.now() - t0);
            classOf(result.recall, q.kind).push(b.recallAt10(q, top));
          }
        }
        mini = null;
        engines.push(result);
      }
      // Plain Fuse.js scans every record per query: a few per class at 100,000, one query at a million.
      {
        const t0 = performance.now();
        const fuse = new b.Fuse(records, { keys: [{ name: 'title', weight: 0.6 }, { name: 'text', weight: 0.3 }, { name: 'author', weight: 0.1 }], threshold: 0.3, ignoreLocation: true });
        const result: EngineResult = { name: 'Fuse.js', recall: {}, ms: {}, note: `index ${((performance.now() - t0) / 1000).toFixed(1)} s` };
        const kinds = [...new Set(judged.map((q: AnyWindow) => q.kind))] as string[];
        const chosen = n > 100_000 ? [judged[0]] : kinds.flatMap((kind) => judged.filter((q: AnyWindow) => q.kind === kind).slice(0, fusePerClass));
        if (n > 100_000) result.note += `; one query only at this size (${chosen[0].kind})`;
        for (const q of chosen) {
          const t1 = performance.now();
          const filtered = q.tool !== undefined || q.author !== undefined;
          const top = fuse
            .search(q.words, filtered ? undefined : { limit: 10 })
            .filter(({ item }: AnyWindow) => (q.tool === undefined || item.tool === q.tool) && (q.author === undefined || item.author === q.author))
            .slice(0, 10)
            .map((r: AnyWindow) => r.refIndex);
          classOf(result.ms, q.kind).push(performance.now() - t1);
          classOf(result.recall, q.kind).push(b.recallAt10(q, top));
        }
        engines.push(result);
      }
      return engines;
    },
    { n, fusePerClass: FUSE_PER_CLASS, budgetS: n > 100_000 ? MINISEARCH_BUDGET_S : 3600 },
  );
}

/** Daylight on the popup's path, in a fresh extension page that loaded the index as the popup does. */
async function daylightQueries(page: Page, queries: WireQuery[]): Promise<{ ms: Times; tops: number[][]; loadMs: number; memory: Times }> {
  return page.evaluate(async (queries) => {
    const b = (window as AnyWindow).bench;
    const db = b.openDatabase();
    const t = performance.now();
    const index = await b.loadSearchIndexInTiers(db).all();
    const loadMs = performance.now() - t;
    const people = async () => [];
    const ms: Record<string, number[]> = {};
    const tops: number[][] = [];
    // Warm-up on other text than the measured queries.
    for (const text of ['release notes', 'standup', 'rollback pla', 'tool:slack review']) await b.runSearch(db, index, b.parseQuery(text), people);
    for (const q of queries) {
      const t0 = performance.now();
      const outcome = await b.runSearch(db, index, b.parseQuery(q.text), people);
      (ms[q.kind] ??= []).push(performance.now() - t0);
      tops.push(outcome.hits.slice(0, 10).map((h: AnyWindow) => h.record.doc - 1));
    }
    // The in-memory part alone (the issue's "in memory" figure): the index and the re-rank, once the query's postings blocks are read.
    const memory: Record<string, number[]> = {};
    for (const q of queries) {
      const query = b.parseQuery(q.text);
      const { words, filters } = b.indexQuery(query, query.from.length > 0 ? b.fromFilter(query.from, []).keys : null);
      await b.readBlocks(db, index.missingBlocks(words));
      const t0 = performance.now();
      b.rankCandidates(index.search(words, filters, b.CANDIDATES).candidates, query.words);
      (memory[q.kind] ??= []).push(performance.now() - t0);
    }
    db.close();
    return { ms, tops, loadMs, memory };
  }, queries);
}

/**
 * Keep of the corpus only each judged query's relevant documents, as sorted typed arrays (outside
 * the JavaScript heap), and collect the rest.
 */
async function dropCorpus(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as AnyWindow;
    w.judged = w.judged.map((q: AnyWindow) => {
      const docs = Int32Array.from(q.gains.keys() as Iterable<number>).sort();
      const has = (d: number) => {
        let lo = 0;
        let hi = docs.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (docs[mid]! < d) lo = mid + 1;
          else hi = mid;
        }
        return docs[lo] === d;
      };
      return { kind: q.kind, gains: { has, size: docs.length } };
    });
    w.records = null;
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
}

/** Recall@10 of each query's top ten (corpus positions), judged on the seeding page that holds the relevant documents. */
async function recallOf(page: Page, tops: number[][]): Promise<Record<string, number[]>> {
  return page.evaluate((tops) => {
    const w = window as AnyWindow;
    const recall: Record<string, number[]> = {};
    w.judged.forEach((q: AnyWindow, i: number) => (recall[q.kind] ??= []).push(w.bench.recallAt10(q, tops[i])));
    return recall;
  }, tops);
}

interface PopupRun {
  /** When the search box was in the page: the popup's own start-up, before any search. */
  box: number;
  first: number;
  complete: number;
  heapMb: number;
  heapAfterGcMb: number;
  /** Typed arrays' memory (ArrayBuffer backing stores), outside the JavaScript heap proper. */
  buffersMb: number;
}

interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}

/** The popup opened cold, a query typed at once: first results, the whole index's answer, the heap then. */
async function popupCold(browser: Awaited<ReturnType<typeof launchDaylight>>, text: string): Promise<PopupRun> {
  const popup = await browser.context.newPage();
  await popup.addInitScript(() => {
    const w = window as AnyWindow;
    const observer = new MutationObserver(() => {
      w.boxAt ??= document.querySelector('input[type="search"]') ? performance.now() : undefined;
      const list = document.querySelector('[role="listbox"][aria-label="Results"]');
      if (!list?.querySelector('[role="option"]')) return;
      w.firstResultAt ??= performance.now();
      if (list.getAttribute('aria-busy') === 'false') {
        w.completeAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`, { waitUntil: 'commit' });
  await popup.getByRole('searchbox', { name: 'Search' }).fill(text);
  // A popup that never gives the whole index's answer is reported as such (NaN), and the other figures still run.
  const answered = await popup.waitForFunction(() => (window as AnyWindow).completeAt !== undefined, null, { timeout: 120_000 }).then(() => true, () => false);
  if (!answered) console.log(`  the popup gave no answer from the whole index within 120 s: ${await popup.locator('[role="status"], [role="alert"]').allInnerTexts().catch(() => [])}`);
  const at = await popup.evaluate(() => ({ box: (window as AnyWindow).boxAt as number, first: (window as AnyWindow).firstResultAt as number, complete: (window as AnyWindow).completeAt as number }));
  const cdp = await browser.context.newCDPSession(popup);
  const before = (await cdp.send('Runtime.getHeapUsage')) as HeapUsage;
  await cdp.send('HeapProfiler.collectGarbage');
  const after = (await cdp.send('Runtime.getHeapUsage')) as HeapUsage;
  await cdp.detach();
  await popup.close();
  const buffers = before.backingStorageSize ?? 0;
  return { ...at, heapMb: (before.usedSize + buffers) / 2 ** 20, heapAfterGcMb: (after.usedSize + (after.backingStorageSize ?? 0)) / 2 ** 20, buffersMb: buffers / 2 ** 20 };
}

/** A 200-message GitHub page captured with everything stored: the background's ingest, and as a message from the content script. */
async function capture(browser: Awaited<ReturnType<typeof launchDaylight>>, page: Page): Promise<{ fresh: number[]; revisit: number[]; message: number[] }> {
  const ingest = await page.evaluate(async (runs) => {
    const b = (window as AnyWindow).bench;
    const doc = new DOMParser().parseFromString(b.githubIssue(200, 2), 'text/html');
    const db = b.openDatabase();
    const fresh: number[] = [];
    const revisit: number[] = [];
    const wires: string[] = [];
    for (let i = 0; i < runs; i += 1) {
      const incoming = b.pageRecords(b.github, new URL(`https://github.com/acme/scale-${i}/issues/1`), doc, 'public').map((r: object) => ({ ...r, mentionIds: [] }));
      let t = performance.now();
      await b.ingestRecords(db, incoming, true);
      fresh.push(performance.now() - t);
      t = performance.now();
      await b.ingestRecords(db, incoming, true);
      revisit.push(performance.now() - t);
      wires.push(JSON.stringify(b.packCapture(b.pageRecords(b.github, new URL(`https://github.com/acme/scale-msg-${i}/issues/1`), doc, 'public'), true)));
    }
    db.close();
    return { fresh, revisit, wires };
  }, RUNS);
  const message = await captureAsMessage(browser.context, ingest.wires);
  return { fresh: ingest.fresh, revisit: ingest.revisit, message };
}

const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
};
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const f1 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(1));
const mark = (ok: boolean) => (ok ? '✓' : '✗');
const spread = (xs: readonly number[]) => `median ${f1(median([...xs]))}, runs [${xs.map(f1).join(', ')}]`;
const pad = (s: string, w: number) => s.padEnd(w);

const code = await bundle();
for (const n of SIZES) {
  const started = performance.now();
  const profile = mkdtempSync(path.join(tmpdir(), 'daylight-scale-'));
  // A million records and the libraries beside them need more than the default heap of a page.
  const browser = await launchDaylight({ profileDir: profile, args: ['--js-flags=--max-old-space-size=4096'] });
  try {
    const open = async () => {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await page.evaluate(code);
      return page;
    };
    console.log(`\n${n.toLocaleString()} records: seeding…`);
    const seeder = await open();
    const seeded = await seed(seeder, n);
    // The libraries now, on the seeding page's corpus (a page that runs out of memory there loses no Daylight
    // figure: the database is stored). Then the corpus goes: an extension's pages share one JavaScript heap,
    // so a corpus left on this page would count in the popup's heap and slow its collections.
    const others = await (process.env.SKIP_LIBRARIES === '1' ? Promise.resolve([]) : libraries(seeder, n)).catch((error: unknown): EngineResult[] => [
      { name: 'MiniSearch', recall: {}, ms: {}, note: `the page stopped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` },
    ]);
    await dropCorpus(seeder);

    const cold: PopupRun[] = [];
    const firstQuery = seeded.queries.find((q) => q.kind === 'several words')!.text;
    for (let run = 0; run < RUNS; run += 1) cold.push(await popupCold(browser, firstQuery));

    const searcher = await open();
    const measured = await daylightQueries(searcher, seeded.queries);
    const daylight = { name: 'Daylight', ms: measured.ms, memory: measured.memory, loadMs: measured.loadMs, recall: await recallOf(seeder, measured.tops) };
    const estimate = await searcher.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const captured = await capture(browser, searcher);
    await searcher.close();
    const profileBytes = Number(execFileSync('du', ['-sb', profile], { encoding: 'utf8' }).split('\t')[0]);
    await seeder.close().catch(() => undefined);

    const engines = [daylight, ...others];
    console.log(`\nFigures at ${n.toLocaleString()} records (machine shared and loaded: wall times include other processes' turns on the 2 cores)`);
    console.log(`  recall@10 per class (target ≥ ${TARGET.recall}), queries in brackets`);
    console.log(`    ${pad('class', 18)}${engines.map((e) => pad(e.name, 22)).join('')}`);
    for (const c of CLASSES) {
      console.log(`    ${pad(c, 18)}${engines.map((e) => {
        const r = e.recall[c];
        if (!r?.length) return pad('–', 22);
        return pad(`${mean(r).toFixed(2)}${e.name === 'Daylight' ? ` ${mark(mean(r) >= TARGET.recall)}` : ''} (${r.length})`, 22);
      }).join('')}`);
    }
    console.log(`  query time per class, p50 / p95 ms (target p95 ≤ ${TARGET.p95(n)} ms; Daylight: the popup's path with IndexedDB reads; the libraries in memory)`);
    console.log(`    ${pad('class', 18)}${engines.map((e) => pad(e.name, 22)).join('')}`);
    for (const c of CLASSES) {
      console.log(`    ${pad(c, 18)}${engines.map((e) => {
        const t = e.ms[c];
        if (!t?.length) return pad('–', 22);
        const p95 = quantile(t, 0.95);
        return pad(`${f1(quantile(t, 0.5))} / ${f1(p95)}${e.name === 'Daylight' ? ` ${mark(p95 <= TARGET.p95(n))}` : ''}`, 22);
      }).join('')}`);
    }
    console.log(`    Daylight in memory (index and re-rank, postings blocks already read): ${CLASSES.map((c) => `${c} ${f1(quantile(daylight.memory[c] ?? [], 0.5))} / ${f1(quantile(daylight.memory[c] ?? [], 0.95))}`).join('; ')}`);
    for (const e of others) console.log(`    ${e.name}: ${e.note}`);
    console.log(`    Daylight's index load in that page (recent tier, then the big tier's segment without its postings): ${f1(daylight.loadMs)} ms`);
    const firsts = cold.map((r) => r.first);
    console.log(`  popup opened cold, "${firstQuery}" typed at once: first results ${spread(firsts)} ms (target ≤ ${TARGET.cold(n)} ms ${mark(median(firsts) <= TARGET.cold(n))}); the whole index's answer ${spread(cold.map((r) => r.complete))} ms; the search box was there at ${spread(cold.map((r) => r.box))} ms (the popup's start-up)`);
    const heaps = cold.map((r) => r.heapMb);
    console.log(`  popup's JavaScript heap after the first full answer, typed arrays' buffers included: ${spread(heaps)} MB (target ≤ ${TARGET.heapMb(n)} MB ${mark(Math.max(...heaps) <= TARGET.heapMb(n))}), of which buffers ${spread(cold.map((r) => r.buffersMb))} MB; after a collection ${spread(cold.map((r) => r.heapAfterGcMb))} MB`);
    const diskGb = estimate / 1e9;
    console.log(`  on disk: navigator.storage.estimate ${(estimate / 1e6).toFixed(0)} MB, profile folder ${(profileBytes / 1e6).toFixed(0)} MB (target ≤ ${TARGET.diskGb} GB at 1,000,000 ${mark(diskGb <= TARGET.diskGb)}), beside ${seeded.rawMb.toFixed(0)} MB of raw text (title, container, author, text)`);
    const captureMs = Math.max(median(captured.fresh), median(captured.message));
    console.log(`  capture of a 200-message page (201 records) with ${n.toLocaleString()} stored: ingest ${spread(captured.fresh)} ms, revisit ${spread(captured.revisit)} ms, as a message from the content script ${spread(captured.message)} ms (target ≤ ${TARGET.captureMs} ms, medians ${mark(captureMs <= TARGET.captureMs)})`);
    console.log(`  (this size's run: ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
