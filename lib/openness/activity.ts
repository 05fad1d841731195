/**
 * The activity log's event types that make up "Your week in the open" (lib/db.ts ActivityEvent).
 * Shared by the background, which writes them, and the dashboard, which counts them.
 */
export const ACTIVITY = {
  /** Posted in a private place; `detail` is the reason on record for that place, if any. */
  privatePost: 'private-post',
  /** A warning did its job: `detail` is `cancelled` (held send cancelled) or `moved` (posted in a public place next). */
  warningHeeded: 'warning-heeded',
  /** The archive nudge kept something: `detail` is `alternative` or `cancelled`. */
  deletionAvoided: 'deletion-avoided',
  /** "Delete anyway"; `detail` is what was deleted. */
  deletedAnyway: 'deleted-anyway',
  /** The directory resolved people on a page; `count` says how many. */
  mentionsResolved: 'mentions-resolved',
} as const;

/** A warning that the user typed under is "heeded" if their next post, within this time, is in a public place. */
export const MOVED_WINDOW_MS = 30 * 60 * 1000;
