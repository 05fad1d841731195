import { describe, expect, it, vi } from 'vitest';
import { ApiCache, resolvePlace } from '@/lib/content/place-resolver';
import type { PlaceReading } from '@/lib/tools/adapter';

const byType = (json: unknown) => ((json as { type: string }).type === 'O' ? 'public' : 'private');
const channel = (seen: PlaceReading['place'] = 'unknown'): PlaceReading => ({
  place: seen,
  lookup: { path: '/api/v4/channels/abc', read: (json) => ({ place: byType(json), audience: 'Only members' }) },
});

describe('resolvePlace', () => {
  it('returns the page reading when no lookup is needed', () => {
    expect(resolvePlace({ place: 'private', audience: 'Private repository acme/x' }, ApiCache.from({}))).toEqual({
      place: 'private',
      audience: 'Private repository acme/x',
    });
  });

  it('follows a lookup through answers already fetched', () => {
    expect(resolvePlace(channel(), ApiCache.from({ '/api/v4/channels/abc': { type: 'P' } }))).toEqual({ place: 'private', audience: 'Only members' });
  });

  it('follows chained lookups (a thread asks for its post, then its channel)', () => {
    const thread: PlaceReading = { place: 'unknown', lookup: { path: '/api/v4/posts/p1', read: () => channel() } };
    const cache = ApiCache.from({ '/api/v4/posts/p1': { channel_id: 'abc' }, '/api/v4/channels/abc': { type: 'O' } });
    expect(resolvePlace(thread, cache).place).toBe('public');
  });

  it('keeps the page reading while the answer is on its way, then calls back once it arrives', async () => {
    let answer: (json: unknown) => void = () => undefined;
    const fetchJson = vi.fn(() => new Promise<unknown>((resolve) => (answer = resolve)));
    const cache = new ApiCache(fetchJson);
    const arrived = vi.fn();
    expect(resolvePlace(channel('private'), cache, arrived).place).toBe('private');
    expect(resolvePlace(channel('private'), cache, arrived).place).toBe('private');
    expect(fetchJson).toHaveBeenCalledTimes(1);
    answer({ type: 'P' });
    await vi.waitFor(() => expect(arrived).toHaveBeenCalledTimes(1));
    expect(resolvePlace(channel('private'), cache).place).toBe('private');
  });

  it('falls back to the page reading when the API fails, and retries after forgetting failures', async () => {
    const fetchJson = vi.fn(() => Promise.reject(new Error('HTTP 404')));
    const cache = new ApiCache(fetchJson);
    resolvePlace(channel(), cache);
    await vi.waitFor(() => expect(cache.get('/api/v4/channels/abc')).toEqual({ status: 'failed' }));
    expect(resolvePlace(channel(), cache).place).toBe('unknown');
    cache.forgetFailures();
    resolvePlace(channel(), cache);
    expect(fetchJson).toHaveBeenCalledTimes(2);
  });

  it('says unknown when an adapter cannot read the answer', () => {
    const broken: PlaceReading = { place: 'unknown', lookup: { path: '/x', read: () => { throw new TypeError('no'); } } };
    expect(resolvePlace(broken, ApiCache.from({ '/x': null })).place).toBe('unknown');
  });

  it('stops after three lookups', () => {
    const endless: PlaceReading = { place: 'unknown', lookup: { path: '/loop', read: () => endless } };
    expect(resolvePlace(endless, ApiCache.from({ '/loop': {} })).place).toBe('unknown');
  });
});
