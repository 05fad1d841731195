import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background/start';
import { openDatabase, type DaylightDatabase } from '@/lib/db';
import { refusalsItem } from '@/lib/refused-messages';
import { parseSearchExport } from '@/lib/search/export';
import { eachRecordBatch } from '@/lib/search/record-store';
import { saveUserSettings } from '@/lib/settings';
import { belongsToTab, toolLink } from '@/lib/tools/links';
import demoDirectory from '../../fixtures/directory/demo-directory.json' with { type: 'json' };
import { sendAs, senders } from '../senders';

const GITHUB_ISSUE = 'https://github.com/acme/api/issues/1';
const SLACK_TAB = 'https://app.slack.com/client/T01ACME/C0PUBLIC';
const MATTERMOST_TAB = 'https://community.mattermost.com/core/channels/town-square';
const BAD_LINKS = ['https://evil.example/acme/api/issues/1', 'javascript:alert(document.domain)'];

let db: DaylightDatabase;
let stop: AbortController;

beforeEach(async () => {
  db = openDatabase(`bounds-${crypto.randomUUID()}`);
  stop = new AbortController();
  // WXT's fake browser has no scripting API: none is registered to begin with, and registering succeeds.
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([]);
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockResolvedValue(undefined);
  // Nor ports (live search's, tested in live-search-service.test.ts).
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.runtime.onConnect, 'removeListener').mockImplementation(() => undefined);
  startBackground(db, stop.signal);
  expect((await sendAs(senders.optionsTab(), 'directory-replace', { directory: demoDirectory, source: 'seed' })).ok).toBe(true);
});

afterEach(async () => {
  stop.abort();
  db.close();
  await Dexie.delete(db.name);
});

const capture = (tool: 'github' | 'slack', pageUrl: string, postKey: string, title: string) => ({
  page: { key: pageUrl, type: 'page', tool, kind: tool === 'github' ? 'issue' : 'channel', place: 'public', container: 'acme', title, text: 'Rollout plan', author: null, participants: [], mentions: [], time: null, url: pageUrl },
  posts: [{ key: postKey, text: 'Shipped', author: 'U0PRIYA001', mentions: [], time: null }],
  visit: true,
});

async function records() {
  const rows: Array<{ key: string; tool: string; title: string; url: string }> = [];
  await eachRecordBatch(db, 50, (batch) => rows.push(...batch));
  return rows.map(({ key, tool, title, url }) => ({ key, tool, title, url })).sort((a, b) => a.key.localeCompare(b.key));
}

async function refusedAs(sender: Parameters<typeof sendAs>[0], type: string, payload: unknown): Promise<string> {
  const answer = await sendAs(sender, type, payload);
  expect(answer.ok, `${type} should be refused`).toBe(false);
  return answer.error!;
}

describe('links Daylight stores and shows', () => {
  it('are http(s) on the tool’s SaaS hosts or a configured self-hosted origin, nothing else', () => {
    const selfHosted = { mattermost: ['https://chat.acme.example'] };
    expect(toolLink('slack', 'https://acme.slack.com/archives/C1/p1', selfHosted)).toBe('https://acme.slack.com/archives/C1/p1');
    expect(toolLink('mattermost', 'https://chat.acme.example/acme/pl/abc', selfHosted)).toBe('https://chat.acme.example/acme/pl/abc');
    for (const bad of [...BAD_LINKS, 'data:text/html,x', 'https://user:pw@github.com/x', 'https://github.com.evil.example/x', '/relative']) {
      expect(toolLink('github', bad, selfHosted), bad).toBeNull();
    }
    expect(toolLink('github', 'https://chat.acme.example/x', selfHosted)).toBeNull(); // another tool's origin
  });

  it('belong to a tab only on that tab’s own tool site', () => {
    const selfHosted = { mattermost: ['https://chat.acme.example', 'https://chat.other.example'] };
    expect(belongsToTab('slack', new URL(SLACK_TAB), 'https://acme.slack.com/archives/C1/p1', {})).toBe(true);
    expect(belongsToTab('slack', new URL(SLACK_TAB), GITHUB_ISSUE, {})).toBe(false);
    expect(belongsToTab('github', new URL(SLACK_TAB), GITHUB_ISSUE, {})).toBe(false); // a Slack tab is not GitHub's
    expect(belongsToTab('mattermost', new URL('https://chat.acme.example/t/channels/x'), 'https://chat.other.example/t/pl/1', selfHosted)).toBe(false);
    expect(belongsToTab('mattermost', new URL('https://chat.acme.example/t/channels/x'), 'https://chat.acme.example/t/pl/1', selfHosted)).toBe(true);
  });
});

describe('what a content script says is bounded by its tab', () => {
  it("a Slack tab's capture cannot overwrite a GitHub issue's record", async () => {
    expect((await sendAs(senders.contentScript(GITHUB_ISSUE), 'search-capture', capture('github', GITHUB_ISSUE, `${GITHUB_ISSUE}#issuecomment-1`, 'Rollout of the API'))).ok).toBe(true);
    const before = await records();
    expect(before.find((r) => r.key === GITHUB_ISSUE)).toMatchObject({ tool: 'github', title: 'Rollout of the API' });
    const error = await refusedAs(senders.contentScript(SLACK_TAB), 'search-capture', capture('slack', GITHUB_ISSUE, `${GITHUB_ISSUE}#issuecomment-1`, 'Overwritten'));
    expect(error).toMatch(/^Refused "search-capture": the record "https:\/\/github.com\/acme\/api\/issues\/1" is not on this tab's slack site/);
    expect(await records()).toEqual(before);
    // Kept for Diagnostics.
    expect(await refusalsItem().getValue()).toEqual([
      expect.objectContaining({ type: 'search-capture', tool: 'slack', page: 'https://app.slack.com/client/T01ACME/C0PUBLIC', reason: expect.stringContaining('github.com') }),
    ]);
  });

  it('a Slack page whose permalinks point to another site or to javascript: stores nothing', async () => {
    for (const bad of BAD_LINKS) {
      await refusedAs(senders.contentScript(SLACK_TAB), 'search-capture', capture('slack', SLACK_TAB, bad, 'Town square'));
    }
    expect(await records()).toEqual([]);
    expect(await refusalsItem().getValue()).toHaveLength(2);
    // Its own workspace's permalinks are its own.
    expect((await sendAs(senders.contentScript(SLACK_TAB), 'search-capture', capture('slack', SLACK_TAB, 'https://acme.slack.com/archives/C0PUBLIC/p1700000000000100', 'Town square'))).ok).toBe(true);
    expect(await records()).toHaveLength(2);
  });

  it('a thanks cannot carry a permalink to another site or to javascript:', async () => {
    const thanks = (permalink: string) => ({
      tool: 'github', origin: 'https://github.com', place: 'public', viewer: null,
      post: { postKey: permalink, permalink, handle: 'priya-r', excerpt: 'Fixed it' }, note: '', via: 'record',
    });
    const seen = (permalink: string) => ({ tool: 'github', origin: 'https://github.com', place: 'public', posts: [{ postKey: permalink, permalink, handle: 'priya-r', excerpt: 'Thanks @marcus-o!' }] });
    for (const bad of BAD_LINKS) {
      expect(await refusedAs(senders.contentScript(GITHUB_ISSUE), 'thanks-give', thanks(bad))).toMatch(/^Refused "thanks-give": the permalink/);
      expect(await refusedAs(senders.contentScript(GITHUB_ISSUE), 'thanks-seen', seen(bad))).toMatch(/^Refused "thanks-seen": the permalink/);
    }
    // Naming another origin than the tab's is refused as well.
    await refusedAs(senders.contentScript(GITHUB_ISSUE), 'thanks-give', { ...thanks(`${GITHUB_ISSUE}#issuecomment-9`), origin: 'https://evil.example' });
    expect(await db.thanks.count()).toBe(0);
    expect(await db.activity.count()).toBe(0);
    expect((await sendAs(senders.contentScript(GITHUB_ISSUE), 'thanks-give', thanks(`${GITHUB_ISSUE}#issuecomment-9`))).ok).toBe(true);
    expect(await db.thanks.count()).toBe(1);
  });

  it("a page report naming origin javascript: or evil.example for Mattermost never moves people's Mattermost links", async () => {
    const report = (origin: string) => ({ tool: 'mattermost', origin, kind: 'channel', place: 'public', detected: true, path: '/core/channels/town-square', matched: {} });
    expect((await sendAs(senders.contentScript(MATTERMOST_TAB), 'page-report', report('https://community.mattermost.com'))).ok).toBe(true);
    for (const origin of ['javascript:alert(1)//', 'https://evil.example']) {
      expect(await refusedAs(senders.contentScript(MATTERMOST_TAB), 'page-report', report(origin))).toMatch(/^Refused "page-report": the origin/);
    }
    expect((await db.pageReports.toArray()).map((r) => r.origin)).toEqual(['https://community.mattermost.com']);
    const card = await sendAs(senders.contentScript(MATTERMOST_TAB), 'person-card', { id: 'priya' });
    const mattermost = (card.data as { card: { profiles: Array<{ tool: string; url: string | null }> } }).card.profiles.find((p) => p.tool === 'mattermost');
    expect(mattermost?.url).toBe('https://community.mattermost.com/core/messages/@priya.raman');
  });

  it('a card links no profile on a site stored before these checks: checked again where it is shown', async () => {
    await db.pageReports.add({ tool: 'mattermost', origin: 'https://evil.example', kind: 'channel', place: 'public', detected: true, path: '/core/channels/x', matched: {}, at: Date.now() });
    const card = await sendAs(senders.contentScript(MATTERMOST_TAB), 'person-card', { id: 'priya' });
    const profiles = (card.data as { card: { profiles: Array<{ tool: string; url: string | null }> } }).card.profiles;
    expect(profiles.find((p) => p.tool === 'mattermost')?.url).toBeNull();
    expect(profiles.find((p) => p.tool === 'github')?.url).toBe('https://github.com/priya-r');
  });

  it('a self-hosted Mattermost tab reports its own origin, and only once it is configured', async () => {
    const tab = 'https://chat.acme.example/core/channels/town-square';
    const report = { tool: 'mattermost', origin: 'https://chat.acme.example', kind: 'channel', place: 'public', detected: true, path: '/core/channels/town-square', matched: {} };
    await refusedAs(senders.contentScript(tab), 'page-report', report);
    await saveUserSettings({ selfHosted: { mattermost: ['https://chat.acme.example'] } });
    expect((await sendAs(senders.contentScript(tab), 'page-report', report)).ok).toBe(true);
  });
});

describe('an import from Options', () => {
  const exported = (url: string) => ({
    key: url, type: 'page', tool: 'github', kind: 'issue', place: 'public', private: false, container: 'acme/api', title: 'Login', text: 'Session expired',
    author: null, participants: [], mentions: [], mentionIds: [], time: null, url, firstSeen: 1, lastSeen: 1, timesSeen: 1,
  });

  it('refuses records linking to evil.example or javascript:, in the file check and in the background', async () => {
    const file = JSON.stringify({ format: 'daylight-search', version: 1, records: [exported(GITHUB_ISSUE), ...BAD_LINKS.map(exported)] });
    const parsed = parseSearchExport(file, {});
    expect(parsed).toEqual({ ok: false, problems: [expect.objectContaining({ record: 2 }), expect.objectContaining({ record: 3 })] });
    const answer = await sendAs(senders.optionsTab(), 'search-import', { records: [exported(GITHUB_ISSUE), ...BAD_LINKS.map(exported)] });
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/^Refused "search-import": record "https:\/\/evil.example/) });
    expect(await records()).toEqual([]);
  });
});

describe('what a tab asks about and records is its own site', () => {
  it('resolve-people and suggest-people name the tab’s own origin, or are refused', async () => {
    const resolve = (origin: string) => ({ tool: 'github', origin, handles: ['priya-r'] });
    const ok = await sendAs(senders.contentScript(GITHUB_ISSUE), 'resolve-people', resolve('https://github.com'));
    expect(ok.data).toEqual({ people: { 'priya-r': expect.objectContaining({ id: 'priya' }) } });
    for (const origin of ['https://evil.example', 'javascript:alert(1)//']) {
      expect(await refusedAs(senders.contentScript(GITHUB_ISSUE), 'resolve-people', resolve(origin))).toMatch(/^Refused "resolve-people": the origin/);
      expect(await refusedAs(senders.contentScript(GITHUB_ISSUE), 'suggest-people', { tool: 'github', origin, query: 'pri' })).toMatch(/^Refused "suggest-people": the origin/);
    }
    // A Slack tab asking as GitHub is not on GitHub's site.
    await refusedAs(senders.contentScript(SLACK_TAB), 'resolve-people', resolve('https://app.slack.com'));
    expect((await sendAs(senders.contentScript(GITHUB_ISSUE), 'suggest-people', { tool: 'github', origin: 'https://github.com', query: 'pri' })).ok).toBe(true);
    expect(await refusalsItem().getValue()).toHaveLength(5);
  });

  it('a feature error and a private place name a page on the tab’s own site, or store nothing', async () => {
    const error = (url: string) => ({ featureId: 'thank-buttons', tool: 'slack', url, message: 'Broke' });
    for (const bad of BAD_LINKS) {
      expect(await refusedAs(senders.contentScript(SLACK_TAB), 'feature-error', error(bad))).toMatch(/^Refused "feature-error": the page/);
      const place = { tool: 'slack', key: 'slack:T01ACME:C0PRIV', label: 'secret', url: bad, exception: true };
      expect(await refusedAs(senders.contentScript(SLACK_TAB), 'openness-choose', place)).toMatch(/^Refused "openness-choose": the page/);
    }
    expect(await db.featureErrors.count()).toBe(0);
    expect(await db.places.count()).toBe(0);
    expect((await sendAs(senders.contentScript(SLACK_TAB), 'feature-error', error('https://app.slack.com/client/T01ACME/C0PUBLIC'))).ok).toBe(true);
    expect(await db.featureErrors.count()).toBe(1);
    // Options may name any place it lists.
    expect((await sendAs(senders.optionsTab(), 'openness-choose', { tool: 'slack', key: 'slack:T01ACME:C0PRIV', label: 'secret', url: SLACK_TAB, exception: false })).ok).toBe(true);
  });

  it('a tab undoes only thanks given or seen on its own tool site', async () => {
    const given = await sendAs(senders.contentScript(GITHUB_ISSUE), 'thanks-give', {
      tool: 'github', origin: 'https://github.com', place: 'public', viewer: null,
      post: { postKey: `${GITHUB_ISSUE}#issuecomment-9`, permalink: `${GITHUB_ISSUE}#issuecomment-9`, handle: 'priya-r', excerpt: 'Fixed it' }, note: '', via: 'record',
    });
    const { id } = given.data as { id: string };
    expect(await refusedAs(senders.contentScript(SLACK_TAB), 'thanks-archive', { id, archived: true })).toMatch(/^Refused "thanks-archive": the thanks/);
    expect((await db.thanks.get(id))?.archivedAt).toBeUndefined();
    expect(await refusedAs(senders.contentScript(SLACK_TAB), 'thanks-archive', { id: 'no-such-thanks', archived: true })).toMatch(/No thanks/);
    expect((await sendAs(senders.contentScript(GITHUB_ISSUE), 'thanks-archive', { id, archived: true })).ok).toBe(true);
    expect((await db.thanks.get(id))?.archivedAt).toBeTypeOf('number');
    expect((await sendAs(senders.optionsTab(), 'thanks-archive', { id, archived: false })).ok).toBe(true);
    expect((await db.thanks.get(id))?.archivedAt).toBeUndefined();
  });
});
