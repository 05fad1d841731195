/**
 * Bounds of the content-script relay (lib/content/live-relay.ts, lib/background/live-relay.ts), in a
 * module of their own so that the content scripts import them without the message schemas.
 */

/** The largest answer a tab relays for a live search (GitHub's JSON for one page is well under 1 MB). */
export const RELAY_BODY_MAX = 4_000_000;
/** The answer headers a relayed request passes on: the ones the live sources read. */
export const RELAY_HEADERS = ['retry-after', 'content-type', 'x-next-page', 'x-page', 'x-total-pages'] as const;
