import type { PlaceReading } from '../tools/adapter';
import type { Place } from '../tools/page';

export interface ResolvedPlace {
  place: Place;
  audience?: string;
}

type Entry = { status: 'pending' } | { status: 'ready'; json: unknown } | { status: 'failed' };

/** Lookups deeper than this are a broken adapter, not a real page. */
const MAX_LOOKUPS = 3;

/**
 * Same-origin API answers for place lookups, fetched once per path per page session. A failed
 * fetch is forgotten so the next navigation can try again.
 */
export class ApiCache {
  private entries = new Map<string, Entry>();

  constructor(private readonly fetchJson: (path: string) => Promise<unknown>) {}

  /** Pre-filled answers (saved beside test fixtures). */
  static from(answers: Record<string, unknown>): ApiCache {
    const cache = new ApiCache(() => Promise.reject(new Error('offline')));
    for (const [path, json] of Object.entries(answers)) cache.entries.set(path, { status: 'ready', json });
    return cache;
  }

  get(path: string): Entry | undefined {
    return this.entries.get(path);
  }

  request(path: string): Promise<void> {
    this.entries.set(path, { status: 'pending' });
    return this.fetchJson(path).then(
      (json) => void this.entries.set(path, { status: 'ready', json }),
      () => void this.entries.set(path, { status: 'failed' }),
    );
  }

  forgetFailures(): void {
    for (const [path, entry] of this.entries) if (entry.status === 'failed') this.entries.delete(path);
  }
}

/**
 * Follow a reading's API lookups through the cache. Missing answers are requested and
 * `onAnswer` is called when one arrives; until then, and when the API fails, the page's own
 * reading stands (which is `unknown` whenever the page alone cannot tell).
 */
export function resolvePlace(reading: PlaceReading, cache: ApiCache, onAnswer: () => void = () => undefined): ResolvedPlace {
  let current = reading;
  for (let depth = 0; depth < MAX_LOOKUPS && current.lookup; depth += 1) {
    const entry = cache.get(current.lookup.path);
    if (entry === undefined) {
      void cache.request(current.lookup.path).then(onAnswer);
      break;
    }
    if (entry.status !== 'ready') break;
    try {
      current = current.lookup.read(entry.json);
    } catch {
      return { place: 'unknown' };
    }
  }
  return current.audience === undefined ? { place: current.place } : { place: current.place, audience: current.audience };
}

