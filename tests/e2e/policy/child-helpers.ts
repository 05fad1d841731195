/** Shared by the scripts that run inside the policy mount namespace (*.child.ts). */
import type { Page } from '@playwright/test';

/** Read until `done` holds or `timeoutMs` passes; the last value either way (the spec asserts on it). */
export async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 250));
    value = await read();
  }
  return value;
}

/** The page markers, and every mention's handle. */
export const markers = (page: Page) =>
  page.evaluate(() => ({
    tool: document.documentElement.getAttribute('data-daylight-tool'),
    kind: document.documentElement.getAttribute('data-daylight-kind'),
    place: document.documentElement.getAttribute('data-daylight-place'),
    handles: [...document.querySelectorAll('[data-daylight-handle]')].map((e) => e.getAttribute('data-daylight-handle')),
  }));
