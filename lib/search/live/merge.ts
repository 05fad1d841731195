import type { SearchHit } from '../search';
import { TOOL_IDS, type ToolId } from '../../tools/tool-ids';
import type { LiveItem } from './source';
import { sameItemKey } from './sources';

/** Reciprocal-rank fusion's constant (k = 60, as Airweave and the RRF paper use). */
const RRF_K = 60;

export type MergedResult =
  | { source: 'local'; key: string; hit: SearchHit; alsoLive: boolean; score: number }
  | { source: 'live'; key: string; item: LiveItem; score: number };

/**
 * One ranked list from the local results and each tool's live results, by reciprocal-rank fusion:
 * every list adds 1 / (k + rank) to an item's score. An item found both ways is one result, the
 * local one (it knows when it was seen), scored by both lists. Ties keep local results first, then
 * tools in contract order.
 */
export function mergeResults(local: readonly SearchHit[], live: Partial<Record<ToolId, readonly LiveItem[]>>): MergedResult[] {
  const merged: MergedResult[] = [];
  const byKey = new Map<string, MergedResult>();
  local.forEach((hit, rank) => {
    const key = sameItemKey(hit.record.tool, hit.record.key);
    if (byKey.has(key)) return;
    const result: MergedResult = { source: 'local', key, hit, alsoLive: false, score: 1 / (RRF_K + rank + 1) };
    byKey.set(key, result);
    merged.push(result);
  });
  for (const tool of TOOL_IDS) {
    (live[tool] ?? []).forEach((item, rank) => {
      const key = sameItemKey(item.tool, item.url);
      const score = 1 / (RRF_K + rank + 1);
      const known = byKey.get(key);
      if (known) {
        known.score += score;
        if (known.source === 'local') known.alsoLive = true;
        return;
      }
      const result: MergedResult = { source: 'live', key, item, score };
      byKey.set(key, result);
      merged.push(result);
    });
  }
  // A stable sort: equal scores keep the order above.
  return merged.sort((a, b) => b.score - a.score);
}
