// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PeopleCache } from '@/lib/content/people-cache';

describe('PeopleCache', () => {
  it('asks the background once per turn for all new handles, never twice for one in flight, without waiting for a frame', async () => {
    const requests: string[][] = [];
    fakeBrowser.runtime.onMessage.addListener(((message: { type: string; json: string }) => {
      if (message.type !== 'resolve-people') return undefined;
      requests.push((JSON.parse(message.json) as { handles: string[] }).handles);
      return Promise.resolve({ ok: true, data: { people: { 'lena-k': { id: 'lena', name: 'Lena Kowalski' } } } });
    }) as never);
    const raf = vi.spyOn(window, 'requestAnimationFrame');
    const cache = new PeopleCache('github', 'https://github.com');
    const first = cache.resolve(['lena-k', 'nobody']);
    const second = cache.resolve(['lena-k', 'nadiaosei']);
    await Promise.all([first, second]);
    expect(requests).toEqual([['lena-k', 'nobody', 'nadiaosei']]);
    expect(cache.get('lena-k')).toEqual({ id: 'lena', name: 'Lena Kowalski' });
    expect(cache.get('nobody')).toBeNull();
    await cache.resolve(['lena-k']);
    expect(requests).toHaveLength(1);
    expect(raf).not.toHaveBeenCalled();
  });
});
