import { describe, expect, it } from 'vitest';
import { filterAfter, linkOnOrigin, plainText, retryAfterMs, type LiveItem } from '@/lib/search/live/source';
import { sameItemKey } from '@/lib/search/live/sources';
import { query } from './fake-context';

const item = (patch: Partial<LiveItem>): LiveItem => ({ tool: 'gitlab', url: 'https://gitlab.com/a/b/-/issues/1', title: 't', snippet: '', author: null, time: null, kind: 'issue', private: null, container: '', ...patch });

describe('live search helpers', () => {
  it('keeps only http(s) links on the tool origin', () => {
    expect(linkOnOrigin('/acme/x/issues/1', 'https://github.com')).toBe('https://github.com/acme/x/issues/1');
    expect(linkOnOrigin('https://github.com.evil.example/x', 'https://github.com')).toBeNull();
    expect(linkOnOrigin('//evil.example/x', 'https://github.com')).toBeNull();
    expect(linkOnOrigin('javascript:alert(1)', 'https://github.com')).toBeNull();
    expect(linkOnOrigin('http://gitlab.acme.internal:8080/x', 'http://gitlab.acme.internal:8080')).toBe('http://gitlab.acme.internal:8080/x');
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:00 GMT'))).toBe(60_000);
    expect(retryAfterMs(null)).toBeNull();
    expect(retryAfterMs('soon')).toBeNull();
  });

  it('shows markup as text', () => {
    expect(plainText('<em>a</em> &amp; <script>b</script>\n c')).toBe('a & b c');
  });

  it('filters place and dates as the local index does, leaving out items that do not say', () => {
    const day = new Date(2026, 2, 10).getTime();
    const items = [item({ time: day - 1, private: true }), item({ time: day, private: false }), item({ time: null, private: null })];
    expect(filterAfter(items, query({ after: day }))).toEqual([items[1]]);
    expect(filterAfter(items, query({ before: day }))).toEqual([items[0]]);
    expect(filterAfter(items, query({ place: 'private' }))).toEqual([items[0]]);
    expect(filterAfter(items, query())).toEqual(items);
  });

  it('one key for an address with or without tracking parameters; a comment is not its page', () => {
    expect(sameItemKey('github', 'https://github.com/acme/x/issues/1')).toBe(sameItemKey('github', 'https://github.com/acme/x/issues/1?utm_source=mail'));
    expect(sameItemKey('github', 'https://github.com/acme/x/issues/1#issuecomment-3')).not.toBe(sameItemKey('github', 'https://github.com/acme/x/issues/1'));
  });
});
