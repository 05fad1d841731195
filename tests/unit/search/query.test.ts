import { describe, expect, it } from 'vitest';
import { parseQuery } from '@/lib/search/query';
import { tokenize } from '@/lib/search/tokenize';
import { withinOneEdit } from '@/lib/search/typo';
import { captureVerdict, patternTest } from '@/lib/search/capture-rules';
import { DEFAULT_SETTINGS } from '@/lib/settings-defaults';

describe('query language', () => {
  it('reads every contract operator', () => {
    const q = parseQuery('deploy tool:GitHub tool:slack kind:pr from:"Lena K" is:private after:2026-01-01 before:2026-02-01 fail');
    expect(q).toMatchObject({ words: ['deploy', 'fail'], tools: ['github', 'slack'], kinds: ['pull_request'], from: ['Lena K'], place: 'private', notes: [] });
    expect(new Date(q.after!).getDate()).toBe(1);
    expect(new Date(q.before!).getMonth()).toBe(1);
    expect(q.typing).toBe(true);
    expect(parseQuery('deploy ').typing).toBe(false);
  });

  it('searches unknown operators and bad values as words, and says so', () => {
    const q = parseQuery('color:red tool:jira is:open before:yesterday after:2026-02-30');
    expect(q.words).toEqual(['color', 'red', 'jira', 'open', 'yesterday', '2026', '02', '30']);
    expect(q.tools).toEqual([]);
    expect(q.notes).toHaveLength(5);
    expect(q.notes[0]).toContain('"color:" is not an operator');
  });

  it('treats addresses as text without a note, and an operator being typed as nothing yet', () => {
    expect(parseQuery('https://github.com/acme').notes).toEqual([]);
    expect(parseQuery('deploy tool:')).toMatchObject({ words: ['deploy'], tools: [], notes: [] });
  });
});

describe('words', () => {
  it('folds case and accents, and splits identifiers into their parts too', () => {
    expect(tokenize('Café getUserById fetch_invoice_items HTTPServer')).toEqual(['cafe', 'getuserbyid', 'get', 'user', 'by', 'id', 'fetch', 'invoice', 'items', 'httpserver', 'http', 'server']);
  });

  it('knows one edit from two', () => {
    for (const [a, b] of [['deploy', 'depoly'], ['deploy', 'deplo'], ['deploy', 'deeploy'], ['deploy', 'deplay']]) expect(withinOneEdit(a!, b!)).toBe(true);
    for (const [a, b] of [['deploy', 'dpeloy2'], ['deploy', 'delpoy'.slice(0, 4)], ['deploy', 'yolped']]) expect(withinOneEdit(a!, b!)).toBe(false);
  });
});

describe('capture rules', () => {
  const url = new URL('https://github.com/acme/secret/issues/1');
  it('matches Chrome match patterns, and refuses what is not one', () => {
    expect(patternTest('https://github.com/acme/secret/*')?.(url)).toBe(true);
    expect(patternTest('*://*.github.com/*')?.(url)).toBe(true);
    expect(patternTest('https://gitlab.com/*')?.(url)).toBe(false);
    expect(patternTest('github.com')).toBeNull();
  });

  it('never captures while paused, on the policy list or on the user list', () => {
    expect(captureVerdict(url, DEFAULT_SETTINGS)).toEqual({ capture: true });
    expect(captureVerdict(url, { ...DEFAULT_SETTINGS, capturePaused: true }).capture).toBe(false);
    expect(captureVerdict(url, { ...DEFAULT_SETTINGS, captureExclude: ['https://github.com/acme/secret/*'] })).toMatchObject({ reason: expect.stringContaining('organisation') });
    expect(captureVerdict(url, { ...DEFAULT_SETTINGS, captureSkip: ['*://github.com/*'] })).toMatchObject({ reason: expect.stringContaining('You skip') });
  });
});
