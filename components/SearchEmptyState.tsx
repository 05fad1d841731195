import { formatList, formatNumber, t, uiLanguage } from '@/lib/i18n/t';
import { toolNameList } from '@/lib/tools/tool-ids';
import type { ParsedQuery } from '@/lib/search/query';
import { TYPO_MIN_QUERY } from '@/lib/search/typo';

/** What to try when nothing is found, or what Daylight does when nothing has been captured yet. */
export function SearchEmptyState({ query, indexSize, paused }: { query: ParsedQuery | null; indexSize: number | null; paused: boolean }) {
  if (indexSize === 0 || query === null) {
    return (
      <div className="empty" data-testid="search-empty">
        <p>{t('nothingCaptured')}</p>
        <p className="muted">{t('captureExplained', toolNameList(uiLanguage()))}</p>
        {paused && <p className="locked">{t('capturePausedShort')}</p>}
      </div>
    );
  }
  const filters = [
    ...query.tools.map((t) => `tool:${t}`),
    ...query.kinds.map((k) => `kind:${k}`),
    ...query.from.map((f) => `from:${f}`),
    ...(query.place ? [`is:${query.place}`] : []),
    ...(query.after !== null ? ['after:'] : []),
    ...(query.before !== null ? ['before:'] : []),
  ];
  const short = query.words.filter((w) => w.length < TYPO_MIN_QUERY);
  return (
    <div className="empty" data-testid="search-empty">
      <p>{t('nothingMatches')}</p>
      <ul className="muted">
        {filters.length > 0 && <li>{t('tryRemoveFilter', formatList(filters, 'unit'))}</li>}
        {query.words.length > 1 && <li>{t('tryFewerWords')}</li>}
        {short.length > 0 && <li>{t('tryShortWords', formatList(short, 'unit'), formatNumber(TYPO_MIN_QUERY))}</li>}
        <li>{t('onlySeenHere')}</li>
      </ul>
    </div>
  );
}
