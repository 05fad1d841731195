import { describe, expect, it } from 'vitest';
import type { SearchRecordRow } from '@/lib/db';
import { mergeResults } from '@/lib/search/live/merge';
import type { LiveItem } from '@/lib/search/live/source';
import type { SearchHit } from '@/lib/search/search';

const hit = (key: string, tool: SearchRecordRow['tool'] = 'gitlab'): SearchHit => ({
  record: { key, url: key, tool } as SearchRecordRow,
  title: [],
  snippet: [],
  score: 0,
});
const item = (url: string, tool: LiveItem['tool'] = 'gitlab'): LiveItem => ({ tool, url, title: url, snippet: '', author: null, time: null, kind: 'issue', private: null, container: '' });

describe('merging local and live results', () => {
  it('shows an item found both ways once, as the local result, ranked by both lists', () => {
    const merged = mergeResults([hit('https://gitlab.com/a/-/issues/1'), hit('https://gitlab.com/a/-/issues/2')], {
      gitlab: [item('https://gitlab.com/a/-/issues/2?utm_source=x'), item('https://gitlab.com/a/-/issues/3')],
    });
    expect(merged.map((m) => [m.source, m.key])).toEqual([
      ['local', 'https://gitlab.com/a/-/issues/2'],
      ['local', 'https://gitlab.com/a/-/issues/1'],
      ['live', 'https://gitlab.com/a/-/issues/3'],
    ]);
    expect(merged[0]).toMatchObject({ alsoLive: true });
    expect(merged[1]).toMatchObject({ alsoLive: false });
  });

  it('interleaves the tools by rank (reciprocal-rank fusion), local first on ties', () => {
    const merged = mergeResults([hit('https://github.com/a/b/issues/1', 'github')], {
      gitlab: [item('https://gitlab.com/x/-/issues/1'), item('https://gitlab.com/x/-/issues/2')],
      slack: [item('https://acme.slack.com/archives/C1/p1', 'slack')],
    });
    expect(merged.map((m) => m.key)).toEqual(['https://github.com/a/b/issues/1', 'https://gitlab.com/x/-/issues/1', 'https://acme.slack.com/archives/C1/p1', 'https://gitlab.com/x/-/issues/2']);
  });

  it('one result for the same item found on two origins or twice by one tool', () => {
    expect(mergeResults([], { gitlab: [item('https://gitlab.com/x/-/issues/1'), item('https://gitlab.com/x/-/issues/1')] })).toHaveLength(1);
  });
});
