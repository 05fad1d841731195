import { SELECTOR_CHECK_INTERVAL_MS } from '@/lib/background/page-reports';
import type { PageReportRecord } from '@/lib/db';
import { TOOL_IDS, TOOL_NAMES } from '@/lib/tools/tool-ids';

interface SelectorRow {
  name: string;
  pagesWithMatches: number;
  onLatest: boolean;
}

function summarise(reports: PageReportRecord[]): SelectorRow[] {
  const names = [...new Set(reports.flatMap((r) => Object.keys(r.matched)))];
  return names.map((name) => ({
    name,
    pagesWithMatches: reports.filter((r) => r.matched[name] === true).length,
    onLatest: reports[0]?.matched[name] === true,
  }));
}

/**
 * Per tool, which of the adapter's selectors matched on the last pages visited and which found
 * nothing: how a user or admin can tell that a tool changed its markup.
 */
export function SelectorHealth({ reports }: { reports: PageReportRecord[] }) {
  const tools = TOOL_IDS.filter((tool) => reports.some((r) => r.tool === tool));
  if (tools.length === 0) return <p className="muted">No tool page has been visited yet.</p>;
  return (
    <div className="selector-health">
      <p className="muted">
        A settled page checks its tool&apos;s selectors at most every {SELECTOR_CHECK_INTERVAL_MS / 3_600_000} hours per site and page kind;
        a page that does not look like its tool is reported on every visit.
      </p>
      {tools.map((tool) => {
        const mine = reports.filter((r) => r.tool === tool).sort((a, b) => b.at - a.at);
        const mismatched = mine.filter((r) => !r.detected);
        return (
          <details key={tool} data-tool={tool} open={mismatched.length > 0}>
            <summary>
              {TOOL_NAMES[tool]}: last {mine.length} page{mine.length === 1 ? '' : 's'}, latest{' '}
              {new Date(mine[0]!.at).toLocaleString()} on {mine[0]!.origin}
            </summary>
            {mismatched.length > 0 && (
              <p role="alert" className="error">
                {[...new Set(mismatched.map((r) => r.origin))].join(', ')} did not look like {TOOL_NAMES[tool]} on{' '}
                {mismatched.length} visit(s): Daylight left those pages alone.
              </p>
            )}
            <table aria-label={`${TOOL_NAMES[tool]} selectors`}>
              <thead>
                <tr>
                  <th scope="col">Selector</th>
                  <th scope="col">Pages where it matched</th>
                  <th scope="col">On the latest page</th>
                </tr>
              </thead>
              <tbody>
                {summarise(mine).map((row) => (
                  <tr key={row.name} data-selector={row.name} data-matched={row.pagesWithMatches > 0}>
                    <td>{row.name}</td>
                    <td className={row.pagesWithMatches === 0 ? 'error' : undefined}>
                      {row.pagesWithMatches === 0 ? 'found nothing' : `${row.pagesWithMatches} of ${mine.length}`}
                    </td>
                    <td>{row.onLatest ? 'found' : 'not found'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        );
      })}
    </div>
  );
}
