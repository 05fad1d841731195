import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DaylightDatabase } from '@/lib/db';
import { opennessHandlers, recordMentionsResolved } from '@/lib/background/openness-service';
import { ACTIVITY } from '@/lib/openness/activity';

let db: DaylightDatabase;
let handlers: ReturnType<typeof opennessHandlers>;
let name = 0;
beforeEach(() => {
  db = openDatabase(`openness-${(name += 1)}`);
  handlers = opennessHandlers(db);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const place = { tool: 'slack' as const, key: 'slack|https://app.slack.com|#payments-core', label: '#payments-core', url: 'https://app.slack.com/client/T1/C1' };

describe('reasons and exceptions per place', () => {
  it('knows nothing about a new place', async () => {
    expect(await handlers['openness-place']({ key: place.key }, { kind: 'extension' })).toEqual({ reason: null, exception: false });
  });

  it('keeps a reason with the place, and the latest one wins', async () => {
    await handlers['openness-choose']({ ...place, reason: 'Security' }, { kind: 'extension' });
    await handlers['openness-choose']({ ...place, reason: 'HR' }, { kind: 'extension' });
    expect(await handlers['openness-place']({ key: place.key }, { kind: 'extension' })).toEqual({ reason: 'HR', exception: false });
  });

  it('archives a removed exception (never deletes it) and restores it when added again', async () => {
    await handlers['openness-choose']({ ...place, exception: true }, { kind: 'extension' });
    expect((await handlers['openness-place']({ key: place.key }, { kind: 'extension' })).exception).toBe(true);
    await handlers['openness-choose']({ ...place, exception: false }, { kind: 'extension' });
    expect((await handlers['openness-place']({ key: place.key }, { kind: 'extension' })).exception).toBe(false);
    expect(await db.places.get(place.key)).toMatchObject({ exceptionAt: expect.any(Number), exceptionArchivedAt: expect.any(Number) });
    await handlers['openness-choose']({ ...place, exception: true }, { kind: 'extension' });
    expect((await handlers['openness-place']({ key: place.key }, { kind: 'extension' })).exception).toBe(true);
  });
});

describe('the activity log', () => {
  const types = async () => (await db.activity.toArray()).map((e) => [e.type, e.detail]);

  it('records private posts with their reason, cancelled warnings and deletions', async () => {
    await handlers['openness-event']({ tool: 'slack', place: 'private', event: 'private-post', detail: 'Security' }, { kind: 'extension' });
    await handlers['openness-event']({ tool: 'slack', place: 'private', event: 'warning-cancelled' }, { kind: 'extension' });
    await handlers['openness-event']({ tool: 'github', place: 'public', event: 'deletion-avoided', detail: 'alternative' }, { kind: 'extension' });
    await handlers['openness-event']({ tool: 'github', place: 'public', event: 'deleted-anyway', detail: 'comment' }, { kind: 'extension' });
    expect(await types()).toEqual([
      [ACTIVITY.privatePost, 'Security'],
      [ACTIVITY.warningHeeded, 'cancelled'],
      [ACTIVITY.deletionAvoided, 'alternative'],
      [ACTIVITY.deletedAnyway, 'comment'],
    ]);
  });

  it('counts a warning as heeded when the next post after typing under it is in a public place', async () => {
    await handlers['openness-event']({ tool: 'slack', place: 'private', event: 'warned' }, { kind: 'extension' });
    await handlers['openness-event']({ tool: 'slack', place: 'public', event: 'public-post' }, { kind: 'extension' });
    await handlers['openness-event']({ tool: 'slack', place: 'public', event: 'public-post' }, { kind: 'extension' });
    expect(await types()).toEqual([[ACTIVITY.warningHeeded, 'moved']]);
  });

  it('does not when the user posted privately after all', async () => {
    await handlers['openness-event']({ tool: 'slack', place: 'private', event: 'warned' }, { kind: 'extension' });
    await handlers['openness-event']({ tool: 'slack', place: 'private', event: 'private-post' }, { kind: 'extension' });
    await handlers['openness-event']({ tool: 'slack', place: 'public', event: 'public-post' }, { kind: 'extension' });
    expect(await types()).toEqual([[ACTIVITY.privatePost, undefined]]);
  });

  it('records resolved mentions once per page, with their count', async () => {
    await recordMentionsResolved(db, 'github', 7);
    await recordMentionsResolved(db, 'github', 0);
    expect(await db.activity.toArray()).toMatchObject([{ type: ACTIVITY.mentionsResolved, count: 7 }]);
  });
});
