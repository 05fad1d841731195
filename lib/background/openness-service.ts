import { storage } from 'wxt/utils/storage';
import type { DaylightDatabase, PlaceChoice } from '../db';
import { lazy } from '../lazy';
import type { Handlers, Request } from '../messaging';
import { ACTIVITY, MOVED_WINDOW_MS } from '../openness/activity';
import type { ToolId } from '../tools/tool-ids';

/**
 * When the user last typed under a private-place warning without posting there. Session storage:
 * the service worker may stop between the warning and the next post, and nothing of this should
 * outlive the browser session.
 */
const pendingWarning = lazy(() => storage.defineItem<number | null>('session:opennessPendingWarning', { fallback: null }));

/** Whether a place has a live "Don't warn here again". */
export function hasException(choice: PlaceChoice | undefined): boolean {
  return choice?.exceptionAt !== undefined && choice.exceptionArchivedAt === undefined;
}

/** Reasons and exceptions per place, and the activity log of the "week in the open". */
export function opennessHandlers(db: DaylightDatabase): Required<Pick<Handlers, 'openness-place' | 'openness-choose' | 'openness-event'>> {
  const log = (type: string, tool: ToolId, place: Request<'openness-event'>['place'], detail?: string) =>
    db.activity.add({ type, at: Date.now(), tool, place, ...(detail ? { detail } : {}) });

  return {
    'openness-place': async ({ key }) => {
      const choice = await db.places.get(key);
      return { reason: choice?.reason ?? null, exception: hasException(choice) };
    },
    'openness-choose': async ({ tool, key, label, url, reason, exception }) => {
      const now = Date.now();
      await db.transaction('rw', db.places, async () => {
        const current = (await db.places.get(key)) ?? { key, tool, label, url };
        const next: PlaceChoice = { ...current, label: label || current.label, url: url || current.url };
        if (reason !== undefined) Object.assign(next, { reason, reasonAt: now });
        if (exception === true) {
          next.exceptionAt = now;
          delete next.exceptionArchivedAt;
        } else if (exception === false && hasException(current)) next.exceptionArchivedAt = now;
        await db.places.put(next);
      });
      return { ok: true as const };
    },
    'openness-event': async ({ tool, place, event, detail }) => {
      const now = Date.now();
      switch (event) {
        case 'warned':
          await pendingWarning().setValue(now);
          break;
        case 'private-post':
          await pendingWarning().setValue(null);
          await log(ACTIVITY.privatePost, tool, place, detail);
          break;
        case 'public-post': {
          const warnedAt = await pendingWarning().getValue();
          await pendingWarning().setValue(null);
          if (warnedAt !== null && now - warnedAt <= MOVED_WINDOW_MS) await log(ACTIVITY.warningHeeded, tool, place, 'moved');
          break;
        }
        case 'warning-cancelled':
          await pendingWarning().setValue(null);
          await log(ACTIVITY.warningHeeded, tool, place, 'cancelled');
          break;
        case 'deletion-avoided':
          await log(ACTIVITY.deletionAvoided, tool, place, detail);
          break;
        case 'deleted-anyway':
          await log(ACTIVITY.deletedAnyway, tool, place, detail);
          break;
      }
      return { ok: true as const };
    },
  };
}

/** One row per page visit that resolved people, not one per mention. */
export async function recordMentionsResolved(db: DaylightDatabase, tool: ToolId, count: number): Promise<void> {
  if (count > 0) await db.activity.add({ type: ACTIVITY.mentionsResolved, at: Date.now(), tool, count });
}
