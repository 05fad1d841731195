import { storage } from 'wxt/utils/storage';
import { lazy } from '../lazy';

/** The state of capture and of the index, written by the background, shown in the popup and options. */
export interface SearchStatus {
  /** An index build in progress (import, or a rebuild the user asked for). */
  building: { done: number; total: number; startedAt: number } | null;
  lastBuild: { records: number; ms: number; at: number } | null;
  /** The last capture refused for lack of space; what was stored before is intact. Cleared by the next capture that fits. */
  storageFull: { at: number; message: string } | null;
  /** A search import cut off before its last part (nothing of it was stored); cleared by the next import that completes. */
  importInterrupted?: { at: number; message: string } | null;
  /** Records were imported but not indexed yet (the background indexes them when it next starts). */
  stale: boolean;
}

export const EMPTY_STATUS: SearchStatus = { building: null, lastBuild: null, storageFull: null, stale: false };

export const searchStatusItem = lazy(() => storage.defineItem<SearchStatus>('local:searchStatus', { fallback: EMPTY_STATUS, version: 1 }));

/** True for a write refused because the disk or the browser's quota is full (as Dexie or IndexedDB reports it). */
export function isQuotaError(error: unknown): boolean {
  const names = (e: unknown): string[] =>
    typeof e === 'object' && e !== null ? [String((e as { name?: unknown }).name), ...names((e as { inner?: unknown }).inner)] : [];
  return names(error).includes('QuotaExceededError');
}
