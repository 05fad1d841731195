import { expect as playwrightExpect } from '@playwright/test';

/**
 * How often `expect.poll` asks again. Playwright's default (100, 250, 500 ms, then every second)
 * leaves up to a second between Daylight doing something and the test seeing it, on every poll of
 * every spec; asked every 100 ms at most, the same checks end as soon as their condition holds.
 */
export const POLL_INTERVALS = [25, 50, 100];

const configured = playwrightExpect.configure({});
const poll = configured.poll;

/** Playwright's expect (a copy: the original is left as it is), with `expect.poll` at POLL_INTERVALS unless a call says otherwise. */
export const expect: typeof playwrightExpect = Object.assign(configured, {
  poll: ((actual, messageOrOptions) =>
    poll(actual, typeof messageOrOptions === 'string' ? { message: messageOrOptions, intervals: POLL_INTERVALS } : { intervals: POLL_INTERVALS, ...messageOrOptions })) as typeof poll,
});
