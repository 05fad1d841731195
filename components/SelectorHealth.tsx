import { SELECTOR_CHECK_INTERVAL_MS } from '@/lib/background/page-reports';
import { formatDateTime, formatList, formatNumber, t, tn } from '@/lib/i18n/t';
import { alternativeKey } from '@/lib/content/selector-report';
import type { PageReportRecord } from '@/lib/db';
import { adapterFor } from '@/lib/tools/registry';
import type { SelectorAlternative, SelectorTable } from '@/lib/tools/selector-table';
import { TOOL_IDS, TOOL_NAMES } from '@/lib/tools/tool-ids';

interface Counted {
  pagesWithMatches: number;
  onLatest: boolean;
}

export interface AlternativeRow extends Counted {
  key: string;
  alternative: SelectorAlternative;
}

export interface RoleRow extends Counted {
  role: string;
  /** Each alternative counted on its own: which one (which markup generation) found the role. */
  alternatives: AlternativeRow[];
}

const counted = (reports: PageReportRecord[], key: string): Counted => ({
  pagesWithMatches: reports.filter((r) => r.matched[key] === true).length,
  onLatest: reports[0]?.matched[key] === true,
});

/** The table's roles (and any role only older reports name), counted over `reports`, newest first. */
export function summarise(reports: PageReportRecord[], table: SelectorTable): RoleRow[] {
  const reported = reports.flatMap((r) => Object.keys(r.matched)).filter((key) => !key.includes('.'));
  const roles = [...new Set([...Object.keys(table), ...reported])];
  return roles.map((role) => ({
    role,
    ...counted(reports, role),
    alternatives: (table[role] ?? []).map((alternative, index) => ({ key: alternativeKey(role, index), alternative, ...counted(reports, alternativeKey(role, index)) })),
  }));
}

/** The roles that matched on an earlier page and not on the latest: where the tool's markup changed. */
export function stoppedMatching(rows: RoleRow[]): string[] {
  return rows.filter((row) => !row.onLatest && row.pagesWithMatches > 0).map((row) => row.role);
}

function pagesCell(row: Counted, of: number) {
  return <td className={row.pagesWithMatches === 0 ? 'error' : undefined}>{row.pagesWithMatches === 0 ? t('foundNothing') : t('pagesOf', formatNumber(row.pagesWithMatches), formatNumber(of))}</td>;
}

function RoleRows({ row, pages }: { row: RoleRow; pages: number }) {
  const matchedBy = row.alternatives.filter((a) => a.onLatest).map((a) => a.alternative.generation);
  return (
    <>
      <tr data-selector={row.role} data-matched={row.pagesWithMatches > 0} data-stopped={!row.onLatest && row.pagesWithMatches > 0}>
        <th scope="row">{row.role}</th>
        <td>{row.onLatest ? t('matchedBy', matchedBy.length > 0 ? formatList([...new Set(matchedBy)], 'unit') : t('olderTable')) : ''}</td>
        <td />
        {pagesCell(row, pages)}
        <td>{row.onLatest ? t('found') : t('notFound')}</td>
      </tr>
      {row.alternatives.map((a) => (
        <tr key={a.key} data-alternative={a.key} data-matched={a.pagesWithMatches > 0} className="selector-alternative">
          <td>
            <code>{a.alternative.selector}</code>
          </td>
          <td>{a.alternative.generation}</td>
          <td>{a.alternative.verified}</td>
          {pagesCell(a, pages)}
          <td>{a.onLatest ? t('found') : t('notFound')}</td>
        </tr>
      ))}
    </>
  );
}

/**
 * Per tool, which of the adapter's selectors matched on the last pages visited and which found
 * nothing, each role's alternatives counted separately: how a user or admin can tell that a tool
 * changed its markup, and which generation of it the pages now have.
 */
export function SelectorHealth({ reports }: { reports: PageReportRecord[] }) {
  const tools = TOOL_IDS.filter((tool) => reports.some((r) => r.tool === tool));
  if (tools.length === 0) return <p className="muted">{t('noToolPageYet')}</p>;
  return (
    <div className="selector-health">
      <p className="muted">
        {tn('selectorCheckInterval', SELECTOR_CHECK_INTERVAL_MS / 3_600_000)}
      </p>
      {tools.map((tool) => {
        const mine = reports.filter((r) => r.tool === tool).sort((a, b) => b.at - a.at);
        const mismatched = mine.filter((r) => !r.detected);
        const rows = summarise(mine, adapterFor(tool).selectors);
        const stopped = stoppedMatching(rows);
        return (
          <details key={tool} data-tool={tool} open={mismatched.length > 0 || stopped.length > 0}>
            <summary>
              {tn('lastPages', mine.length, TOOL_NAMES[tool], formatDateTime(mine[0]!.at), mine[0]!.origin)}
            </summary>
            {mismatched.length > 0 && (
              <p role="alert" className="error">
                {tn('mismatchedVisits', mismatched.length, formatList([...new Set(mismatched.map((r) => r.origin))], 'unit'), TOOL_NAMES[tool])}
              </p>
            )}
            {stopped.length > 0 && (
              <p className="error" data-testid="stopped-matching">
                {t('stoppedMatching', formatList(stopped, 'unit'))}
              </p>
            )}
            <table aria-label={t('selectorsLabel', TOOL_NAMES[tool])}>
              <thead>
                <tr>
                  <th scope="col">{t('colRole')}</th>
                  <th scope="col">{t('colGeneration')}</th>
                  <th scope="col">{t('colVerified')}</th>
                  <th scope="col">{t('colPagesMatched')}</th>
                  <th scope="col">{t('colOnLatest')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <RoleRows key={row.role} row={row} pages={mine.length} />
                ))}
              </tbody>
            </table>
          </details>
        );
      })}
    </div>
  );
}
