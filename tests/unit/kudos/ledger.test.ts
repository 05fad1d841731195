import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DaylightDatabase } from '@/lib/db';
import { ledgerCsv, ledgerJson } from '@/lib/kudos/export';
import { receivedId, recordGiven, recordReceived, setThanksArchived, thankedPosts, type ThanksInput } from '@/lib/kudos/ledger';
import { periodStart, summarize } from '@/lib/kudos/summary';
import { thankYouText } from '@/lib/kudos/thank-you';

let db: DaylightDatabase;
let n = 0;
beforeEach(() => {
  db = openDatabase(`ledger-${(n += 1)}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const lena: ThanksInput = {
  tool: 'github',
  handle: 'lena-k',
  personId: 'lena',
  name: 'Lena Kowalski',
  permalink: 'https://github.com/acme/x/issues/1#issuecomment-2',
  postKey: 'https://github.com/acme/x/issues/1#issuecomment-2',
  excerpt: 'Fixed the   retry\nloop',
  note: '',
  place: 'public',
};

describe('kudos ledger', () => {
  it('appends thanks given, with an activity event, and shows which posts are thanked', async () => {
    await recordGiven(db, { ...lena, id: 'g1', at: 10, via: 'public' });
    await recordGiven(db, { ...lena, id: 'g2', at: 20, via: 'record', place: 'private' });
    expect(await db.thanks.toArray()).toMatchObject([
      { id: 'g1', direction: 'given', excerpt: 'Fixed the retry loop', private: false },
      { id: 'g2', private: true },
    ]);
    expect(await db.activity.toArray()).toMatchObject([
      { type: 'thanks-given', tool: 'github', place: 'public', detail: 'public' },
      { type: 'thanks-given', place: 'private', detail: 'record' },
    ]);
    expect(await thankedPosts(db, [lena.postKey, 'other'])).toEqual({ [lena.postKey]: { id: 'g2', at: 20, name: 'Lena Kowalski', via: 'record' } });
  });

  it('undo archives (never deletes) and restore brings the entry back', async () => {
    await recordGiven(db, { ...lena, id: 'g1', at: 10, via: 'public' });
    await setThanksArchived(db, 'g1', true, 99);
    expect(await db.thanks.get('g1')).toMatchObject({ archivedAt: 99 });
    expect(await thankedPosts(db, [lena.postKey])).toEqual({});
    await setThanksArchived(db, 'g1', false);
    expect((await db.thanks.get('g1'))?.archivedAt).toBeUndefined();
    await expect(setThanksArchived(db, 'nope', true)).rejects.toThrow('No thanks nope');
  });

  it('records thanks received once per post', async () => {
    expect(await recordReceived(db, { ...lena, at: 5 })).toBe(true);
    expect(await recordReceived(db, { ...lena, at: 6 })).toBe(false);
    expect(await db.thanks.toArray()).toMatchObject([{ id: receivedId(lena.postKey), direction: 'received', via: 'seen', at: 5 }]);
    expect(await db.activity.where('type').equals('thanks-received').count()).toBe(1);
  });

  it('summarises this week and this month by person, with current directory names', async () => {
    const now = new Date(2026, 10, 26, 15); // a Thursday
    const week = periodStart('week', now);
    const month = periodStart('month', now);
    expect(new Date(week)).toEqual(new Date(2026, 10, 23));
    expect(new Date(month)).toEqual(new Date(2026, 10, 1));
    await recordGiven(db, { ...lena, id: 'a', at: week + 1, via: 'public' });
    await recordGiven(db, { ...lena, id: 'b', at: month + 1, via: 'record' });
    await recordGiven(db, { ...lena, id: 'c', at: week + 2, via: 'record', personId: null, handle: 'outsider', name: 'outsider' });
    await recordGiven(db, { ...lena, id: 'd', at: week + 3, via: 'record' });
    await setThanksArchived(db, 'd', true);
    await recordReceived(db, { ...lena, at: week + 5, postKey: 'p2' });
    const entries = await db.thanks.toArray();
    // The directory now knows "outsider" too (it did not when they were thanked).
    const names = (e: { personId: string | null; handle: string | null }) =>
      e.personId === 'lena' ? { id: 'lena', name: 'Lena K.' } : e.handle === 'outsider' ? { id: 'out', name: 'Out Sider' } : undefined;
    expect(summarize(entries, week, names)).toEqual({
      given: [
        { key: 'out', name: 'Out Sider', count: 1, last: week + 2 },
        { key: 'lena', name: 'Lena K.', count: 1, last: week + 1 },
      ],
      received: [{ key: 'lena', name: 'Lena K.', count: 1, last: week + 5 }],
    });
    expect(summarize(entries, month, names).given[0]).toEqual({ key: 'lena', name: 'Lena K.', count: 2, last: week + 1 });
  });

  it('exports CSV (quoted, formula-safe) and JSON with each announcement status', async () => {
    await recordGiven(db, { ...lena, id: 'g1', at: Date.UTC(2026, 10, 26), via: 'public', note: '=HYPERLINK("x"), "quoted"' });
    const entries = await db.thanks.toArray();
    const outbox = new Map([['g1', { id: 'g1', thanksId: 'g1', url: 'u', payload: {}, status: 'sent' as const, attempts: 1, createdAt: 0, nextAt: 0 }]]);
    const csv = ledgerCsv(entries, outbox).split('\r\n');
    expect(csv[0]).toBe('id,direction,at,tool,person_id,handle,name,permalink,excerpt,note,via,private,archived_at,announcement');
    expect(csv[1]).toBe(`g1,given,2026-11-26T00:00:00.000Z,github,lena,lena-k,Lena Kowalski,${lena.permalink},Fixed the retry loop,"'=HYPERLINK(""x""), ""quoted""",public,false,,sent`);
    expect(JSON.parse(ledgerJson(entries, outbox, 0))).toMatchObject({ version: 1, thanks: [{ id: 'g1', announcement: 'sent' }] });
  });
});

describe('thank-you draft', () => {
  it("mentions the author with the tool's handle, carries the note and links the post", () => {
    expect(thankYouText({ tool: 'github', handle: 'lena-k', name: 'Lena Kowalski', permalink: 'https://p', note: '' })).toBe('Thank you @lena-k! This really helped. https://p');
    expect(thankYouText({ tool: 'gitlab', handle: 'nadia.o', name: null, permalink: 'https://p', note: ' for the\nrunbook ' })).toBe('Thank you @nadia.o! for the runbook https://p');
    // Slack and Asana mention through their own picker: the name after @.
    expect(thankYouText({ tool: 'slack', handle: 'U0LENA0003', name: 'Lena Kowalski', permalink: 'https://p', note: '' })).toBe('Thank you @Lena Kowalski! This really helped. https://p');
    expect(thankYouText({ tool: 'asana', handle: '1207', name: null, permalink: 'https://p', note: '' })).toBe('Thank you! This really helped. https://p');
  });
});
