import { browser } from 'wxt/browser';
import type { DaylightDatabase } from '../db';
import { announcementPayload } from '../kudos/announcement';
import { isThanks } from '../kudos/classify';
import { recordGiven, recordReceived, setThanksArchived, thankedPosts, type ThanksInput } from '../kudos/ledger';
import { Outbox, OUTBOX_ALARM } from '../kudos/outbox';
import type { Request, Response } from '../messaging';
import type { PersonBrief } from '../people/resolver';
import type { Settings } from '../settings';
import type { Place } from '../tools/page';
import { toolLink } from '../tools/links';
import type { ToolId } from '../tools/tool-ids';

interface Directory {
  resolve(tool: ToolId, origin: string, handles: readonly string[]): Promise<Record<string, PersonBrief>>;
}

type ThankedPost = Request<'thanks-give'>['post'];

/** What the ledger keeps of a post and its author (resolved against the directory when possible), at this moment. */
function ledgerInput(tool: ToolId, place: Place, post: ThankedPost, people: Record<string, PersonBrief>): Omit<ThanksInput, 'note'> & { at: number } {
  const person = people[post.handle];
  return {
    at: Date.now(),
    tool,
    handle: post.handle,
    personId: person?.id ?? null,
    name: person?.name ?? post.handle,
    permalink: post.permalink,
    postKey: post.postKey,
    excerpt: post.excerpt,
    place,
  };
}

/**
 * The kudos ledger and the webhook outbox, as the background runs them: thanks given and received
 * are recorded (with their activity events), and each public thanks is announced through the
 * outbox when the organisation (or the user) set `kudosWebhookUrl`.
 */
export function createKudosService(db: DaylightDatabase, directory: Directory, settings: () => Promise<Settings>) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outbox = new Outbox(db, {
    wakeAt: (at) => {
      // The alarm survives the worker stopping (and the browser restarting); the timer is the
      // quick path for waits shorter than the alarms' minimum while the worker is alive.
      void browser.alarms.create(OUTBOX_ALARM, { when: at });
      clearTimeout(timer);
      timer = setTimeout(() => void outbox.run(), Math.max(0, at - Date.now()));
    },
  });

  async function give(request: Request<'thanks-give'>): Promise<Response<'thanks-give'>> {
    const { tool, origin, post, viewer } = request;
    const people = await directory.resolve(tool, origin, viewer ? [post.handle, viewer] : [post.handle]);
    const entry = await recordGiven(db, {
      ...ledgerInput(tool, request.place, post, people),
      id: crypto.randomUUID(),
      note: request.note,
      via: request.via,
    });
    const { kudosWebhookUrl: url, selfHosted } = await settings();
    const announce = request.via === 'public' && url !== '';
    if (announce) {
      const giver = (viewer ? people[viewer]?.name : undefined) ?? viewer ?? 'Someone';
      await outbox.enqueue({
        id: entry.id,
        thanksId: entry.id,
        url,
        payload: announcementPayload({ key: entry.id, giver, receiver: entry.name, tool, permalink: toolLink(tool, entry.permalink, selfHosted), note: entry.note, private: entry.private }),
      });
    }
    return { id: entry.id, at: entry.at, name: entry.name, announced: announce };
  }

  async function seen(request: Request<'thanks-seen'>): Promise<Response<'thanks-seen'>> {
    const thanking = request.posts.filter((p) => isThanks(p.excerpt));
    if (thanking.length === 0) return { recorded: 0 };
    const people = await directory.resolve(request.tool, request.origin, [...new Set(thanking.map((p) => p.handle))]);
    let recorded = 0;
    for (const post of thanking) {
      const added = await recordReceived(db, { ...ledgerInput(request.tool, request.place, post, people), note: '' });
      if (added) recorded += 1;
    }
    return { recorded };
  }

  return {
    give,
    seen,
    state: async (postKeys: readonly string[]) => ({ thanked: await thankedPosts(db, postKeys) }),
    /** Undo archives the entry and cancels its announcement if it has not gone out. */
    archive: async (id: string, archived: boolean) => {
      await setThanksArchived(db, id, archived);
      if (archived) await outbox.cancel(id);
    },
    retry: (id: string) => outbox.retry(id),
    /** Send what is due (on start, and when the outbox alarm fires). */
    wake: () => outbox.run(),
  };
}
