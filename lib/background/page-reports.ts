import type { DaylightDatabase, PageReportRecord } from '../db';
import type { PageKind } from '../tools/page';
import type { ToolId } from '../tools/tool-ids';

/** Diagnostics keep the last pages seen per tool. */
export const MAX_REPORTS_PER_TOOL = 20;
/**
 * A tool's selectors are checked at most this often per site and page kind: markup changes with a
 * tool's releases, not between two page views, and on a long page the check reads the whole page
 * once per selector that finds nothing.
 */
export const SELECTOR_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** Store a page report, keeping the newest `MAX_REPORTS_PER_TOOL` of its tool. */
export async function addPageReport(db: DaylightDatabase, report: Omit<PageReportRecord, 'seq' | 'at'>, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.pageReports, async () => {
    await db.pageReports.add({ ...report, at: now });
    const stale = await db.pageReports.where('tool').equals(report.tool).reverse().sortBy('at');
    const excess = stale.slice(MAX_REPORTS_PER_TOOL).map((r) => r.seq!);
    if (excess.length > 0) await db.pageReports.bulkDelete(excess);
  });
}

/** Whether a page of this tool, site and kind should check its selectors: none did in the interval. */
export async function selectorCheckDue(db: DaylightDatabase, page: { tool: ToolId; origin: string; kind: PageKind }, now = Date.now()): Promise<boolean> {
  const recent = await db.pageReports
    .where('tool')
    .equals(page.tool)
    .filter((r) => r.detected && r.origin === page.origin && r.kind === page.kind && now - r.at < SELECTOR_CHECK_INTERVAL_MS)
    .count();
  return recent === 0;
}
