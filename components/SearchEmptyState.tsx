import { TOOL_NAMES } from '@/lib/tools/tool-ids';
import type { ParsedQuery } from '@/lib/search/query';
import { TYPO_MIN_QUERY } from '@/lib/search/typo';

/** What to try when nothing is found, or what Daylight does when nothing has been captured yet. */
export function SearchEmptyState({ query, indexSize, paused }: { query: ParsedQuery | null; indexSize: number | null; paused: boolean }) {
  if (indexSize === 0 || query === null) {
    return (
      <div className="empty" data-testid="search-empty">
        <p>Nothing captured yet.</p>
        <p className="muted">
          Daylight remembers, on this device only, the pages and messages you see on {Object.values(TOOL_NAMES).join(', ')}. Visit one and it
          shows up here; then type a few words, even misspelled.
        </p>
        {paused && <p className="locked">Capture is paused in Settings.</p>}
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
      <p>Nothing matches.</p>
      <ul className="muted">
        {filters.length > 0 && <li>Remove a filter: {filters.join(', ')}.</li>}
        {query.words.length > 1 && <li>Try fewer or other words.</li>}
        {short.length > 0 && <li>Check the spelling of short words ({short.join(', ')}): typos are forgiven in words of {TYPO_MIN_QUERY} letters or more.</li>}
        <li>Daylight only finds what you have seen since it was installed, on this device, and not archived.</li>
      </ul>
    </div>
  );
}
