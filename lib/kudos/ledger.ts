import type { DaylightDatabase, ThanksEntry } from '../db';
import { flatClip } from '../text';
import type { Place } from '../tools/page';

/** Excerpts and notes are kept short: the ledger points at the post, it does not copy it. */
export const MAX_EXCERPT = 280;
export const MAX_NOTE = 500;


/** One thanks, as the background records it (the other person already resolved against the directory). */
export type ThanksInput = Pick<ThanksEntry, 'tool' | 'handle' | 'personId' | 'name' | 'permalink' | 'postKey' | 'excerpt' | 'note'> & { place: Place };

/** A private or unknown place is never announced with content or link. */
const isPrivate = (place: Place) => place !== 'public';

/** A ledger entry from what the background resolved, bounded in size. */
function ledgerEntry(input: ThanksInput & { at: number }, own: Pick<ThanksEntry, 'id' | 'direction' | 'note' | 'via'>): ThanksEntry {
  return {
    ...own,
    at: input.at,
    tool: input.tool,
    handle: input.handle,
    personId: input.personId,
    name: input.name,
    permalink: input.permalink,
    postKey: input.postKey,
    excerpt: flatClip(input.excerpt, MAX_EXCERPT),
    private: isPrivate(input.place),
  };
}

/** Record a thanks the user gave (append-only) and its activity event; returns the new entry. */
export async function recordGiven(db: DaylightDatabase, input: ThanksInput & { via: 'public' | 'reaction' | 'record'; at: number; id: string }): Promise<ThanksEntry> {
  const entry = ledgerEntry(input, { id: input.id, direction: 'given', note: flatClip(input.note, MAX_NOTE), via: input.via });
  await db.transaction('rw', db.thanks, db.activity, async () => {
    await db.thanks.add(entry);
    await db.activity.add({ type: 'thanks-given', at: input.at, tool: input.tool, place: input.place, detail: input.via });
  });
  return entry;
}

/** The ledger id of thanks received in one post: a post is recorded as received once, ever. */
export const receivedId = (postKey: string) => `received:${postKey}`;

/** Record thanks seen in someone's post; false when that post was recorded before. */
export async function recordReceived(db: DaylightDatabase, input: ThanksInput & { at: number }): Promise<boolean> {
  const id = receivedId(input.postKey);
  return db.transaction('rw', db.thanks, db.activity, async () => {
    if (await db.thanks.get(id)) return false;
    await db.thanks.add(ledgerEntry(input, { id, direction: 'received', note: '', via: 'seen' }));
    await db.activity.add({ type: 'thanks-received', at: input.at, tool: input.tool, place: input.place });
    return true;
  });
}

/** Undo archives (never deletes); restore brings the entry back. */
export async function setThanksArchived(db: DaylightDatabase, id: string, archived: boolean, at = Date.now()): Promise<ThanksEntry> {
  return db.transaction('rw', db.thanks, async () => {
    const entry = await db.thanks.get(id);
    if (!entry) throw new Error(`No thanks ${id} in the ledger`);
    const next = { ...entry };
    if (archived) next.archivedAt = entry.archivedAt ?? at;
    else delete next.archivedAt;
    await db.thanks.put(next);
    return next;
  });
}

/** The latest live thanks the user gave for each of these posts. */
export async function thankedPosts(db: DaylightDatabase, postKeys: readonly string[]): Promise<Record<string, { id: string; at: number; name: string; via: ThanksEntry['via'] }>> {
  const entries = await db.thanks.where('postKey').anyOf([...postKeys]).toArray();
  const state: Record<string, { id: string; at: number; name: string; via: ThanksEntry['via'] }> = {};
  for (const entry of entries) {
    if (entry.direction !== 'given' || entry.archivedAt !== undefined) continue;
    const seen = state[entry.postKey];
    if (!seen || seen.at < entry.at) state[entry.postKey] = { id: entry.id, at: entry.at, name: entry.name, via: entry.via };
  }
  return state;
}
