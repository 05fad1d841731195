import { afterEach, describe, expect, it } from 'vitest';
import { addPageReport, MAX_REPORTS_PER_TOOL, SELECTOR_CHECK_INTERVAL_MS, selectorCheckDue } from '@/lib/background/page-reports';
import { openDatabase, type DaylightDatabase } from '@/lib/db';

let db: DaylightDatabase | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const report = (over: Partial<Parameters<typeof addPageReport>[1]> = {}) => ({
  tool: 'github' as const,
  origin: 'https://github.com',
  kind: 'issue' as const,
  place: 'public' as const,
  detected: true,
  path: '/acme/x/issues/1',
  matched: { mention: true },
  ...over,
});

describe('page reports', () => {
  it('asks for a selector check once per tool, site and page kind in the interval', async () => {
    db = openDatabase(`reports-${crypto.randomUUID()}`);
    const now = 1_800_000_000_000;
    const issue = { tool: 'github' as const, origin: 'https://github.com', kind: 'issue' as const };
    expect(await selectorCheckDue(db, issue, now)).toBe(true);
    await addPageReport(db, report(), now);
    expect(await selectorCheckDue(db, issue, now + 1000)).toBe(false);
    // Another kind, another site, another tool: each checks on its own.
    expect(await selectorCheckDue(db, { ...issue, kind: 'pull_request' }, now + 1000)).toBe(true);
    expect(await selectorCheckDue(db, { ...issue, origin: 'https://github.acme.example' }, now + 1000)).toBe(true);
    expect(await selectorCheckDue(db, { ...issue, tool: 'gitlab' }, now + 1000)).toBe(true);
    expect(await selectorCheckDue(db, issue, now + SELECTOR_CHECK_INTERVAL_MS)).toBe(true);
  });

  it('does not count a page that did not look like the tool as a check', async () => {
    db = openDatabase(`reports-${crypto.randomUUID()}`);
    await addPageReport(db, report({ detected: false, kind: 'other' }), 1000);
    expect(await selectorCheckDue(db, { tool: 'github', origin: 'https://github.com', kind: 'other' }, 2000)).toBe(true);
  });

  it('keeps the newest reports of each tool', async () => {
    db = openDatabase(`reports-${crypto.randomUUID()}`);
    for (let i = 0; i < MAX_REPORTS_PER_TOOL + 3; i += 1) await addPageReport(db, report({ path: `/p/${i}` }), 1000 + i);
    await addPageReport(db, report({ tool: 'gitlab', origin: 'https://gitlab.com' }), 1);
    const github = await db.pageReports.where('tool').equals('github').sortBy('at');
    expect(github).toHaveLength(MAX_REPORTS_PER_TOOL);
    expect(github[0]!.path).toBe('/p/3');
    expect(await db.pageReports.where('tool').equals('gitlab').count()).toBe(1);
  });
});
