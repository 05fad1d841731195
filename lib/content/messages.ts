import { browser } from 'wxt/browser';
import type { MessageType, Request, Response } from '../messaging';
import { contextGone, UPDATED_NOTICE } from './extension-context';

/**
 * The content scripts' side of the message contract (lib/messaging.ts): the same names and types,
 * without the schemas. What a content script receives comes from extension contexts only (the
 * background, the popup), never from the page, and what it sends is validated where it arrives;
 * leaving zod out keeps every content script small and quick to start on every page.
 */
interface Reply {
  ok: boolean;
  data?: unknown;
  error?: string;
}

function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && typeof (value as Reply).ok === 'boolean';
}

/**
 * Send a message to the background; resolves with its answer or rejects with its error. The
 * payload travels as JSON text: one string crosses to the background at once, where a structured
 * value (a capture of hundreds of posts) is copied value by value on the page's main thread.
 */
export async function post<T extends MessageType>(type: T, payload: Request<T>): Promise<Response<T>> {
  if (contextGone()) throw new Error(UPDATED_NOTICE);
  const reply: unknown = await browser.runtime.sendMessage({ daylight: 1, type, json: JSON.stringify(payload) });
  if (!isReply(reply)) throw new Error(`No answer to "${type}"`);
  if (!reply.ok) throw new Error(reply.error ?? `"${type}" failed`);
  return reply.data as Response<T>;
}

type ContentHandlers = { [T in MessageType]?: () => Response<T> };

/** Answer requests that take no input (the popup asking what Daylight sees here). */
export function answer(handlers: ContentHandlers, signal: AbortSignal): void {
  const listener = (raw: unknown): Promise<unknown> | undefined => {
    if (typeof raw !== 'object' || raw === null || (raw as { daylight?: unknown }).daylight !== 1) return undefined;
    const type = (raw as { type?: unknown }).type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    try {
      return Promise.resolve({ ok: true, data: handlers[type as MessageType]!() });
    } catch (error) {
      return Promise.resolve({ ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
