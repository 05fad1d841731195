import { describe, expect, it } from 'vitest';
import { freshDatabases } from './fresh-database';
import type { DaylightDatabase } from '@/lib/db';
import { exportSearchIndex, importRecords, parseSearchExport } from '@/lib/search/export';
import { compactIndex, ingestRecords, MAX_SEGMENTS, rebuildIndex, setRecordsArchived, type IncomingRecord } from '@/lib/search/index-store';
import { parseQuery } from '@/lib/search/query';
import { countArchived, countRecords, newestRecords } from '@/lib/search/record-store';
import { loadSearchIndex, loadSearchIndexInTiers, runSearch } from '@/lib/search/search';

const fresh = freshDatabases('search-test');

function record(key: string, title: string, text = '', extra: Partial<IncomingRecord> = {}): IncomingRecord {
  return {
    key, type: 'post', tool: 'github', kind: 'issue', place: 'public', container: 'acme/x', title, text, author: 'lena-k',
    participants: ['lena-k'], mentions: [], mentionIds: [], time: '2026-01-02T10:00:00Z', url: key, ...extra,
  };
}
const find = async (db: DaylightDatabase, text: string) =>
  (await runSearch(db, await loadSearchIndex(db), parseQuery(text), async () => [])).hits.map((h) => h.record.key);

describe('capture store', () => {
  it('stores once per key, counts visits, keeps first seen, and finds the new words after an update', async () => {
    const db = fresh();
    await ingestRecords(db, [record('https://g/1', 'Flaky deploy pipeline')], true, 1000);
    await ingestRecords(db, [record('https://g/1', 'Flaky deploy pipeline fixed')], false, 2000);
    await ingestRecords(db, [record('https://g/1', 'Flaky deploy pipeline fixed')], true, 3000);
    expect(await countRecords(db)).toBe(1);
    expect(await newestRecords(db, 5, () => true)).toMatchObject([{ key: 'https://g/1', firstSeen: 1000, lastSeen: 3000, timesSeen: 2 }]);
    expect(await find(db, 'fixd')).toEqual([]); // four letters: no typo tolerance
    expect(await find(db, 'fixed pipelne')).toEqual(['https://g/1']);
  });

  it('archives and restores without deleting', async () => {
    const db = fresh();
    await ingestRecords(db, [record('https://g/1', 'Quarterly roadmap')], true);
    expect(await setRecordsArchived(db, ['https://g/1'], true)).toBe(1);
    expect(await find(db, 'roadmap')).toEqual([]);
    expect(await countRecords(db)).toBe(1);
    expect(await countArchived(db)).toBe(1);
    await setRecordsArchived(db, ['https://g/1'], false);
    expect(await find(db, 'roadmap')).toEqual(['https://g/1']);
  });

  it('merges small segments and rebuilds from scratch with the same answers', async () => {
    const db = fresh();
    for (let i = 0; i <= MAX_SEGMENTS + 1; i += 1) await ingestRecords(db, [record(`https://g/${i}`, `release train number${i}`)], true);
    expect(await db.searchSegments.count()).toBe(MAX_SEGMENTS + 2);
    const before = (await find(db, 'release')).sort();
    expect(await compactIndex(db)).toBe(true);
    expect(await db.searchSegments.count()).toBeLessThanOrEqual(2);
    expect((await find(db, 'release')).sort()).toEqual(before);
    const steps: number[] = [];
    await rebuildIndex(db, (done) => steps.push(done));
    expect(await db.searchSegments.count()).toBe(1);
    expect((await find(db, 'relase')).sort()).toEqual(before);
    expect(steps.at(-1)).toBe(before.length);
  });

  it('keeps the recently seen documents in a small segment of their own, which loads first', async () => {
    const db = fresh();
    for (let i = 0; i < 6; i += 1) await ingestRecords(db, [record(`https://g/${i}`, `standup notes day${i}`)], true, 1000 + i);
    await rebuildIndex(db, () => undefined, 2);
    expect((await db.searchSegments.orderBy('id').toArray()).map((r) => [...r.data.docs])).toEqual([[1, 2, 3, 4], [5, 6]]);
    const tiers = loadSearchIndexInTiers(db);
    expect((await tiers.recent)!.size).toBe(2);
    expect((await tiers.all()).size).toBe(6);
    // New captures, then a merge: the newest two again form the recent segment, after the big one.
    for (let i = 6; i < 6 + MAX_SEGMENTS; i += 1) await ingestRecords(db, [record(`https://g/${i}`, `standup notes day${i}`)], true, 1000 + i);
    expect(await compactIndex(db, 2)).toBe(true);
    expect((await db.searchSegments.orderBy('id').toArray()).map((r) => [...r.data.docs])).toEqual([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [13, 14]]);
    expect((await find(db, 'standup')).length).toBe(14);
  });

  it('a big segment keeps its postings outside, in blocks read per query term, with the same answers', async () => {
    const db = fresh();
    const words = ['canary', 'rollout', 'flaky', 'deploy', 'invoice', 'retry', 'billing', 'standup'];
    const records = Array.from({ length: 400 }, (_, i) =>
      record(`https://g/${i}`, `${words[i % 8]} ${words[(i * 3) % 8]} item${i}`, `${words[(i * 5) % 8]} body${i % 50} shared`),
    );
    for (let i = 0; i < records.length; i += 50) await ingestRecords(db, records.slice(i, i + 50), true, 1000 + i);
    const queries = ['canary rollout', 'deploy', 'invoce', 'body1', 'shared flaky', 'item12', 'billing st'];
    await rebuildIndex(db, () => undefined, 20);
    const inline = await Promise.all(queries.map((q) => find(db, q)));
    expect(await db.searchPostings.count()).toBe(0);
    // The same records with the big segment's postings outside, in blocks of about 64 postings.
    const layout = { externalMin: 100, blockPostings: 64 };
    await rebuildIndex(db, () => undefined, 20, layout);
    const [big, recent] = await db.searchSegments.orderBy('id').toArray();
    expect(big!.data.postings.length).toBe(0);
    expect(big!.data.external!.key).toBe(big!.id);
    expect(recent!.data.external).toBeUndefined();
    const blocks = await db.searchPostings.where('segment').equals(big!.id).count();
    expect(blocks).toBe(big!.data.external!.blocks.length - 1);
    expect(blocks).toBeGreaterThan(10);
    const index = await loadSearchIndex(db);
    for (const [i, q] of queries.entries()) expect(await runSearch(db, index, parseQuery(q), async () => []).then((o) => o.hits.map((h) => h.record.key))).toEqual(inline[i]);
    // The popup's index read only the blocks its queries' terms are in.
    const bigSegment = index.segments.find((s) => s.external !== null)!;
    expect(bigSegment.missingBlocks([...Array(bigSegment.terms.length).keys()]).length).toBeGreaterThan(0);
    // Merging reads every block back: new captures, then a merge of everything into a big and a recent segment again.
    for (let i = 0; i <= MAX_SEGMENTS; i += 1) await ingestRecords(db, [record(`https://g/new${i}`, `canary rollout fresh${i}`)], true, 9000 + i);
    expect(await compactIndex(db, 5, layout)).toBe(true);
    const after = await db.searchSegments.orderBy('id').toArray();
    expect(after.map((r) => r.data.docs.length)).toEqual([400 + MAX_SEGMENTS + 1 - 5, 5]);
    expect(after[0]!.data.external).toBeDefined();
    expect(await db.searchPostings.where('segment').noneOf([after[0]!.id]).count()).toBe(0);
    expect((await find(db, 'canary rollout')).length).toBe(20);
    expect((await find(db, 'item12')).sort()).toEqual(inline[5]!.sort());
    expect(await find(db, 'fresh3')).toEqual(['https://g/new3']);
  });

  it('exports and imports the whole index with an exact round trip, and refuses a bad file whole', async () => {
    const db = fresh();
    await ingestRecords(db, [record('https://g/1', 'One', 'text', { authorId: 'lena', authorName: 'Lena K', pageKey: 'https://g' }), record('https://g/2', 'Two')], true, 5);
    await setRecordsArchived(db, ['https://g/2'], true, 6);
    const file = await exportSearchIndex(db);
    // The records' links are on a GitHub Enterprise origin the settings name (lib/tools/links.ts).
    const selfHosted = { github: ['https://g'] };
    const parsed = parseSearchExport(file, selfHosted);
    expect(parsed.ok).toBe(true);
    const other = fresh();
    await importRecords(other, parsed.ok ? parsed.records : []);
    expect(await exportSearchIndex(other)).toBe(file);

    const bad = JSON.parse(file) as { records: Array<Record<string, unknown>> };
    bad.records[1]!.tool = 'jira';
    const refused = parseSearchExport(JSON.stringify(bad), selfHosted);
    expect(refused).toMatchObject({ ok: false, problems: [{ record: 2 }] });
    expect(parseSearchExport('{', selfHosted).ok).toBe(false);
  });
});
