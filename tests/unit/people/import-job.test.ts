import { describe, expect, it } from 'vitest';
import { directoryParts, previewJob } from '@/lib/people/import-job';
import { LIST_LIMIT, PART_SIZE } from '@/lib/people/import-protocol';
import { parseDirectoryCsv } from '@/lib/people/parse-csv';
import type { Person } from '@/lib/people/schema';

const csv = (count: number, email = (i: number) => `person${i}@acme.example`) =>
  ['id,name,email,github', ...Array.from({ length: count }, (_, i) => `p${i},Person ${i},${email(i)},gh-${i}`)].join('\n');

describe('the import worker’s job', () => {
  it('previews a big directory with exact counts and lists cut to what the page shows', () => {
    const current: Person[] = [
      { id: 'gone', name: 'Gone', handles: {} },
      { id: 'p1', name: 'Old name', handles: { github: 'gh-1' } },
    ];
    const job = previewJob(parseDirectoryCsv(csv(12_000)), current);
    if (!job.ok) throw new Error('refused');
    expect(job.summary.count).toBe(12_000);
    expect(job.summary.added.total).toBe(11_999);
    expect(job.summary.added.first).toHaveLength(LIST_LIMIT);
    expect(job.summary.changed).toEqual({ total: 1, first: [{ after: expect.objectContaining({ id: 'p1', name: 'Person 1' }), fields: expect.arrayContaining(['name']) }] });
    expect(job.summary.archived).toEqual({ total: 1, first: [expect.objectContaining({ id: 'gone' })] });
    expect(job.directory.people).toHaveLength(12_000);
  });

  it('keeps every error of a refused file, for the page to ask for a page at a time', () => {
    const job = previewJob(parseDirectoryCsv(csv(3_000, (i) => `person${i}-at-acme`)), []);
    expect(job.ok).toBe(false);
    if (!job.ok) expect(job.errors).toHaveLength(3_000);
  });

  it('splits the directory into JSON parts that read back as the same people, in order', () => {
    const result = parseDirectoryCsv(csv(PART_SIZE * 2 + 7));
    if (!result.ok) throw new Error('refused');
    const parts = directoryParts(result.directory);
    expect(parts).toHaveLength(3);
    expect(parts.flatMap((part) => JSON.parse(part) as unknown[])).toEqual(result.directory.people);
    expect(directoryParts({ version: 1, people: [] })).toEqual(['[]']);
  });
});
