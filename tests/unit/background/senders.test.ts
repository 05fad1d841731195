import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background/start';
import { openDatabase, type DaylightDatabase } from '@/lib/db';
import { messages, type MessageSender, type MessageType } from '@/lib/messaging';
import { loadPeople } from '@/lib/people/directory-store';
import { eachRecordBatch } from '@/lib/search/record-store';
import demoDirectory from '../../fixtures/directory/demo-directory.json' with { type: 'json' };
import { sendAs, senders } from '../senders';

const GITHUB_ISSUE = 'https://github.com/acme/api/issues/1';
const SLACK_CHANNEL = 'https://app.slack.com/client/T01ACME/C0PRIVATE';

let db: DaylightDatabase;
let stop: AbortController;
/** What the seeded state names: the directory import, a thanks entry, the stored search keys. */
let seeded: { importId: string; thanksId: string; keys: string[] };

const capture = (url: string, tool: 'github' | 'slack', title: string) => ({
  page: { key: url, type: 'page', tool, kind: tool === 'github' ? 'issue' : 'channel', place: 'public', container: 'acme/api', title, text: 'Rollout plan', author: 'priya-r', participants: ['priya-r'], mentions: [], time: null, url },
  posts: [{ key: `${url}#issuecomment-1`, text: 'Looks good @marcus-o', author: 'priya-r', mentions: ['marcus-o'], time: null }],
  visit: true,
});

const record = (url: string) => ({
  key: url, type: 'page', tool: 'github', kind: 'issue', place: 'public', private: false, container: 'acme/api', title: 'Login here',
  text: 'Your session expired', author: null, participants: [], mentions: [], mentionIds: [], time: null, url, firstSeen: 1, lastSeen: 1, timesSeen: 1,
});

/** A valid request of every type the background answers, each one that would change something if it were handled. */
const requests = {
  'feature-error': () => ({ featureId: 'thank-buttons', tool: 'github', url: GITHUB_ISSUE, message: 'forged' }),
  'page-report': () => ({ tool: 'mattermost', origin: 'https://evil.example', kind: 'channel', place: 'public', detected: true, path: '/', matched: {} }),
  'page-report-due': () => ({ tool: 'github', origin: 'https://github.com', kind: 'issue' }),
  'directory-replace': () => ({ directory: { version: 1, people: [] }, source: 'attack' }),
  'directory-undo': () => ({ importId: seeded.importId }),
  'person-save': () => ({ person: { ...demoDirectory.people[0], name: 'Mallory' } }),
  'person-archive': () => ({ id: 'priya', archived: true }),
  'directory-sync': () => ({}),
  'resolve-people': () => ({ tool: 'github', origin: 'https://github.com', handles: ['priya-r'] }),
  'person-card': () => ({ id: 'priya' }),
  'settings-get': () => ({}),
  'suggest-people': () => ({ tool: 'github', origin: 'https://github.com', query: 'pri' }),
  'openness-place': () => ({ key: 'slack|https://app.slack.com|#secret' }),
  'openness-choose': () => ({ tool: 'slack', key: 'slack|https://app.slack.com|#secret', label: '#secret', url: SLACK_CHANNEL, exception: true }),
  'openness-event': () => ({ tool: 'slack', place: 'private', event: 'private-post' }),
  'thanks-give': () => ({
    tool: 'github', origin: 'https://github.com', place: 'public', viewer: 'marcus-o',
    post: { postKey: `${GITHUB_ISSUE}#issuecomment-2`, permalink: `${GITHUB_ISSUE}#issuecomment-2`, handle: 'priya-r', excerpt: 'Fixed' }, note: '', via: 'record',
  }),
  'thanks-state': () => ({ postKeys: [`${GITHUB_ISSUE}#issuecomment-1`] }),
  'thanks-seen': () => ({
    tool: 'github', origin: 'https://github.com', place: 'public',
    posts: [{ postKey: `${GITHUB_ISSUE}#issuecomment-3`, permalink: `${GITHUB_ISSUE}#issuecomment-3`, handle: 'marcus-o', excerpt: 'Thanks @priya-r!' }],
  }),
  'thanks-archive': () => ({ id: seeded.thanksId, archived: true }),
  'outbox-retry': () => ({ id: 'announcement-1' }),
  'directory-import-outcome': () => ({}),
  'people-names': () => ({ people: [{ personId: 'priya', tool: 'github', handle: null }] }),
  // A Slack tab's capture naming a GitHub issue: it would overwrite that issue's record.
  'search-capture': () => capture(GITHUB_ISSUE, 'slack', 'Overwritten from Slack'),
  'search-archive': () => ({ keys: seeded.keys, archived: true }),
  'search-import': () => ({ records: [record('https://evil.example/login'), record('javascript:alert(document.domain)')] }),
  'search-rebuild': () => ({}),
} satisfies Record<Exclude<MessageType, 'settings-changed' | 'directory-changed' | 'page-state' | 'live-relay-fetch' | 'live-relay-cookie'>, () => unknown>;
type Answered = keyof typeof requests;

/** Every table's rows and every storage area's items. */
async function everything(): Promise<unknown> {
  const tables = Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const)));
  const [local, session] = await Promise.all([fakeBrowser.storage.local.get(), fakeBrowser.storage.session.get()]);
  return { tables, local, session };
}

async function storedRecords() {
  const rows: Array<{ key: string; tool: string; title: string; archivedAt?: number }> = [];
  await eachRecordBatch(db, 50, (batch) => rows.push(...batch));
  return rows;
}

async function ok(sender: MessageSender, type: Answered, payload: unknown): Promise<unknown> {
  const answer = await sendAs(sender, type, payload);
  if (!answer.ok) throw new Error(`${type}: ${answer.error}`);
  return answer.data;
}

beforeEach(async () => {
  db = openDatabase(`senders-${crypto.randomUUID()}`);
  stop = new AbortController();
  // WXT's fake browser has no scripting API; with no self-hosted origins set none is registered.
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([]);
  // Nor ports (live search's, tested in live-search-service.test.ts).
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.runtime.onConnect, 'removeListener').mockImplementation(() => undefined);
  startBackground(db, stop.signal);
  const change = (await ok(senders.optionsTab(), 'directory-replace', { directory: demoDirectory, source: 'seed' })) as { importId: string };
  await ok(senders.contentScript(GITHUB_ISSUE), 'search-capture', capture(GITHUB_ISSUE, 'github', 'Rollout of the API'));
  const thanks = (await ok(senders.contentScript(GITHUB_ISSUE), 'thanks-give', {
    ...requests['thanks-give'](),
    post: { postKey: `${GITHUB_ISSUE}#issuecomment-1`, permalink: `${GITHUB_ISSUE}#issuecomment-1`, handle: 'priya-r', excerpt: 'Looks good' },
  })) as { id: string };
  await db.outbox.put({
    id: 'announcement-1', thanksId: thanks.id, url: 'http://127.0.0.1:9/hook', payload: { text: 'thanks' }, status: 'failed', attempts: 3, createdAt: 1, nextAt: 1,
  });
  await ok(senders.optionsTab(), 'search-rebuild', {});
  seeded = { importId: change.importId, thanksId: thanks.id, keys: (await storedRecords()).map((r) => r.key) };
});

afterEach(async () => {
  stop.abort();
  db.close();
  await Dexie.delete(db.name);
});

/** The kinds of sender a message of this type must not come from. */
function wrongSenders(type: Answered): Array<[string, MessageSender]> {
  const neither: Array<[string, MessageSender]> = [
    ['Daylight options framed by a web page', senders.framedOptions()],
    ['another extension', senders.otherExtension()],
    ['a data: frame in a tab', senders.dataFrame()],
    ['no sender', senders.nobody()],
  ];
  const tools: Array<[string, MessageSender]> = [
    ['a GitHub tab', senders.contentScript(GITHUB_ISSUE)],
    ['a Slack tab', senders.contentScript(SLACK_CHANNEL, 9)],
  ];
  const pages: Array<[string, MessageSender]> = [
    ['the options tab', senders.optionsTab()],
    ['the popup', senders.popup()],
  ];
  const from = messages[type].from;
  return from === 'extension' ? [...tools, ...neither] : from === 'content' ? [...pages, ...neither] : neither;
}

describe('the background answers each message only from the senders it allows', () => {
  it('covers every message type the background answers', () => {
    const answeredByTabs = ['settings-changed', 'directory-changed', 'page-state', 'live-relay-fetch', 'live-relay-cookie'];
    expect(Object.keys(requests).sort()).toEqual(Object.keys(messages).filter((type) => !answeredByTabs.includes(type)).sort());
  });

  for (const type of Object.keys(requests) as Answered[]) {
    it(`refuses "${type}" from every wrong kind of sender, changing nothing`, async () => {
      const before = await everything();
      for (const [who, sender] of wrongSenders(type)) {
        const answer = await sendAs(sender, type, requests[type]());
        expect(answer, `${type} from ${who}`).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^Refused "${type}": .+\\.$`)) });
      }
      expect(await everything()).toEqual(before);
    });
  }
});

describe("the issue's attacks from a tool tab are refused", () => {
  it('person-save cannot rename a person to "Mallory"', async () => {
    const answer = await sendAs(senders.contentScript(SLACK_CHANNEL), 'person-save', requests['person-save']());
    expect(answer.error).toBe(`Refused "person-save": only Daylight's own pages may send it, not a tool tab.`);
    expect((await loadPeople(db)).find((p) => p.id === 'priya')?.name).toBe('Priya Raman');
    // The same request from Options is Daylight's own: it applies.
    await ok(senders.optionsTab(), 'person-save', requests['person-save']());
    expect((await loadPeople(db)).find((p) => p.id === 'priya')?.name).toBe('Mallory');
  });

  it('directory-replace with no people cannot archive the directory', async () => {
    const active = async () => (await loadPeople(db)).filter((p) => p.archivedAt === undefined).length;
    expect(await active()).toBe(30);
    expect((await sendAs(senders.contentScript(GITHUB_ISSUE), 'directory-replace', requests['directory-replace']())).ok).toBe(false);
    expect(await active()).toBe(30);
  });

  it('search-archive of every key cannot empty search', async () => {
    expect(seeded.keys.length).toBeGreaterThan(0);
    expect((await sendAs(senders.contentScript(GITHUB_ISSUE), 'search-archive', requests['search-archive']())).ok).toBe(false);
    expect((await storedRecords()).filter((r) => r.archivedAt !== undefined)).toEqual([]);
  });

  it('search-import cannot store records linking to evil.example or javascript:', async () => {
    expect((await sendAs(senders.contentScript(GITHUB_ISSUE), 'search-import', requests['search-import']())).ok).toBe(false);
    expect((await storedRecords()).map((r) => r.key).sort()).toEqual([...seeded.keys].sort());
  });
});
