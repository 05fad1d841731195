import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DaylightDatabase } from '@/lib/db';
import { announcementPayload } from '@/lib/kudos/announcement';
import { backoff, BACKOFF_MS, MAX_ATTEMPTS, Outbox } from '@/lib/kudos/outbox';
import { startWebhookServer, type WebhookServer } from '../../harness/webhook-server';

let db: DaylightDatabase;
let server: WebhookServer;
let clock: number;
let wakes: number[];
let name = 0;

beforeEach(async () => {
  db = openDatabase(`outbox-${(name += 1)}`);
  server = await startWebhookServer();
  clock = 1_000_000;
  wakes = [];
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
  await server.close();
});

/** An outbox on a controlled clock: time moves only when the test says so. */
const outboxOn = (database: DaylightDatabase, timeoutMs = 2_000) => new Outbox(database, { now: () => clock, wakeAt: (at) => wakes.push(at), timeoutMs });

const payload = (key: string, isPrivate = false) =>
  announcementPayload({ key, giver: 'Priya Raman', receiver: 'Lena Kowalski', tool: 'github', permalink: 'https://github.com/acme/x/issues/1#issuecomment-2', note: 'the retry fix', private: isPrivate });

describe('webhook outbox (against a real HTTP server on 127.0.0.1)', () => {
  it('retries with backoff after failures and sends each announcement exactly once', async () => {
    server.failNext(2);
    const outbox = outboxOn(db);
    await outbox.enqueue({ id: 'k1', thanksId: 'k1', url: server.url, payload: payload('k1') });
    await outbox.run();
    expect(server.deliveries.map((d) => d.status)).toEqual([500]);
    expect(await db.outbox.get('k1')).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500', nextAt: clock + BACKOFF_MS[0]! });
    expect(wakes.at(-1)).toBe(clock + BACKOFF_MS[0]!);

    // Not due yet: nothing is sent.
    clock += BACKOFF_MS[0]! - 1;
    await outbox.run();
    expect(server.deliveries).toHaveLength(1);

    clock += 1;
    await outbox.run();
    expect(await db.outbox.get('k1')).toMatchObject({ status: 'pending', attempts: 2, nextAt: clock + BACKOFF_MS[1]! });
    clock += BACKOFF_MS[1]!;
    await outbox.run();
    expect(await db.outbox.get('k1')).toMatchObject({ status: 'sent', attempts: 3, sentAt: clock });

    // Sent is final: later rounds (and a restarted background) never send it again.
    clock += 24 * 3_600_000;
    await outbox.run();
    await outboxOn(db).run();
    expect(server.deliveries.map((d) => d.status)).toEqual([500, 500, 200]);
    expect(server.accepted()).toHaveLength(1);
    expect(new Set(server.deliveries.map((d) => d.key))).toEqual(new Set(['k1']));
    expect(server.accepted()[0]!.body).toMatchObject({ idempotency_key: 'k1', giver: 'Priya Raman', receiver: 'Lena Kowalski', tool: 'github', note: 'the retry fix' });
  });

  it('counts a webhook that does not answer in time as a failure, and tries again', async () => {
    server.stallNext(1, 1_500);
    const outbox = outboxOn(db, 300);
    await outbox.enqueue({ id: 'slow', thanksId: 'slow', url: server.url, payload: payload('slow') });
    await outbox.run();
    expect(await db.outbox.get('slow')).toMatchObject({ status: 'pending', attempts: 1, lastError: 'No answer in time' });
    clock += BACKOFF_MS[0]!;
    await outbox.run();
    expect(await db.outbox.get('slow')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('survives a restart: what was pending (or cut off mid-request) goes out once from a new outbox on the same database', async () => {
    server.setDown(true);
    await outboxOn(db).enqueue({ id: 'r1', thanksId: 'r1', url: server.url, payload: payload('r1') });
    await outboxOn(db).run();
    await db.outbox.put({ id: 'r2', thanksId: 'r2', url: server.url, payload: payload('r2'), status: 'sending', attempts: 1, createdAt: clock, nextAt: clock });
    db.close();

    server.setDown(false);
    clock += BACKOFF_MS[0]!;
    const reopened = openDatabase(db.name);
    const outbox = outboxOn(reopened);
    await Promise.all([outbox.run(), outbox.run()]);
    expect(server.accepted().map((d) => d.key).sort()).toEqual(['r1', 'r2']);
    await outbox.run();
    expect(server.accepted()).toHaveLength(2);
    reopened.close();
  });

  it('gives up after the last attempt, and Retry starts again', async () => {
    server.setDown(true);
    const outbox = outboxOn(db);
    await outbox.enqueue({ id: 'g1', thanksId: 'g1', url: server.url, payload: payload('g1') });
    for (let i = 0; i < MAX_ATTEMPTS; i += 1) {
      await outbox.run();
      clock += 7 * 3_600_000;
    }
    expect(await db.outbox.get('g1')).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'HTTP 503' });
    server.setDown(false);
    await outbox.retry('g1');
    expect(await db.outbox.get('g1')).toMatchObject({ status: 'sent' });
    expect(server.accepted()).toHaveLength(1);
  });

  it('never sends an announcement whose thanks was undone before it went out', async () => {
    server.setDown(true);
    const outbox = outboxOn(db);
    await outbox.enqueue({ id: 'u1', thanksId: 'u1', url: server.url, payload: payload('u1') });
    await outbox.run();
    await outbox.cancel('u1');
    server.setDown(false);
    clock += BACKOFF_MS[0]!;
    await outbox.run();
    expect(server.accepted()).toHaveLength(0);
    expect(await db.outbox.get('u1')).toMatchObject({ status: 'cancelled' });
  });

  it('waits longer after each failure, and at least as long as Retry-After asks', () => {
    expect([1, 2, 3, 20].map((n) => backoff(n))).toEqual([BACKOFF_MS[0], BACKOFF_MS[1], BACKOFF_MS[2], BACKOFF_MS.at(-1)]);
    expect(backoff(1, 120)).toBe(120_000);
    expect(backoff(3, 1)).toBe(BACKOFF_MS[2]);
  });
});

describe('announcement', () => {
  it('is a Slack/Mattermost incoming-webhook body with the structured fields', () => {
    const body = payload('a1');
    expect(body.text).toBe(':pray: Priya Raman thanked Lena Kowalski on GitHub: “the retry fix” https://github.com/acme/x/issues/1#issuecomment-2');
    expect(body).toMatchObject({ giver: 'Priya Raman', receiver: 'Lena Kowalski', tool: 'github', permalink: 'https://github.com/acme/x/issues/1#issuecomment-2', note: 'the retry fix', idempotency_key: 'a1' });
    expect((body.attachments as Array<{ fields: Array<{ title: string }> }>)[0]!.fields.map((f) => f.title)).toEqual(['Giver', 'Receiver', 'Tool', 'Permalink', 'Note']);
  });

  it('says nothing about the content or the place of thanks given in private', () => {
    const body = payload('p1', true);
    expect(body.text).toBe(':pray: Priya Raman thanked Lena Kowalski on GitHub for work in a private space.');
    expect(body).toMatchObject({ permalink: null, note: '', private: true });
    expect(JSON.stringify(body)).not.toMatch(/issuecomment|retry fix/);
  });

  it('escapes Slack control characters in names and notes', () => {
    const body = announcementPayload({ key: 'e', giver: 'A <b>', receiver: 'C & D', tool: 'slack', permalink: 'https://x.slack.com/archives/C1/p1', note: '<!channel>', private: false });
    expect(body.text).toBe(':pray: A &lt;b&gt; thanked C &amp; D on Slack: “&lt;!channel&gt;” https://x.slack.com/archives/C1/p1');
  });
});
