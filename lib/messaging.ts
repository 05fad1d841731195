import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { DirectorySchema } from './people/schema';
import { PageKindSchema, PlaceSchema } from './tools/page';
import { ToolIdSchema } from './tools/tool-ids';

/**
 * The one message contract between Daylight's contexts. Every message has a request and a
 * response schema; the receiving side parses with them before acting, because requests from
 * content scripts carry page-derived (untrusted) data. This file is the only place that names
 * messages.
 */
export const PageStateSchema = z.object({
  tool: ToolIdSchema,
  kind: PageKindSchema,
  place: PlaceSchema,
  /** Who can see the place, in words, when the page says. */
  audience: z.nullable(z.string()),
  url: z.string(),
  featureErrors: z.array(z.object({ featureId: z.string(), message: z.string() })),
});
export type PageState = z.infer<typeof PageStateSchema>;

const Ok = z.object({ ok: z.literal(true) });

export const messages = {
  /** content script → background: a feature failed on a page. */
  'feature-error': {
    request: z.object({
      featureId: z.string().check(z.minLength(1), z.maxLength(100)),
      tool: ToolIdSchema,
      url: z.string().check(z.maxLength(2048)),
      message: z.string().check(z.maxLength(2000)),
    }),
    response: Ok,
  },
  /** content script → background: what the adapter found on a settled page (diagnostics). */
  'page-report': {
    request: z.object({
      tool: ToolIdSchema,
      origin: z.string().check(z.maxLength(300)),
      kind: PageKindSchema,
      place: PlaceSchema,
      /** False when a self-hosted origin's page did not look like the configured tool. */
      detected: z.boolean(),
      counts: z.record(z.string().check(z.maxLength(100)), z.int()),
    }),
    response: Ok,
  },
  /** options page or demo → background: replace the directory (all-or-nothing). */
  'directory-replace': {
    request: z.object({ directory: DirectorySchema, source: z.string().check(z.maxLength(2048)) }),
    response: z.object({ added: z.number(), changed: z.number(), archived: z.number() }),
  },
  /** popup → content script in the active tab: what Daylight sees on this page. */
  'page-state': {
    request: z.object({}),
    response: PageStateSchema,
  },
} as const;

export type MessageType = keyof typeof messages;
export type Request<T extends MessageType> = z.input<(typeof messages)[T]['request']>;
export type Response<T extends MessageType> = z.infer<(typeof messages)[T]['response']>;
type ParsedRequest<T extends MessageType> = z.infer<(typeof messages)[T]['request']>;

const EnvelopeSchema = z.object({ daylight: z.literal(1), type: z.string(), payload: z.unknown() });
const ReplySchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

export class MessageError extends Error {
  override name = 'MessageError';
}

function envelope<T extends MessageType>(type: T, payload: Request<T>) {
  return { daylight: 1 as const, type, payload };
}

function unwrap<T extends MessageType>(type: T, reply: unknown): Response<T> {
  const parsed = ReplySchema.safeParse(reply);
  if (!parsed.success) throw new MessageError(`No valid answer to "${type}"`);
  if (!parsed.data.ok) throw new MessageError(parsed.data.error);
  return messages[type].response.parse(parsed.data.data) as Response<T>;
}

/** Send a message to the background and return its validated answer. */
export async function sendToBackground<T extends MessageType>(type: T, payload: Request<T>): Promise<Response<T>> {
  return unwrap(type, await browser.runtime.sendMessage(envelope(type, payload)));
}

/** Send a message to the content script of a tab and return its validated answer. */
export async function sendToTab<T extends MessageType>(tabId: number, type: T, payload: Request<T>): Promise<Response<T>> {
  return unwrap(type, await browser.tabs.sendMessage(tabId, envelope(type, payload)));
}

export type Handlers = { [T in MessageType]?: (payload: ParsedRequest<T>) => Promise<Response<T>> | Response<T> };

/**
 * Answer the messages this context handles. A request that fails its schema is answered with an
 * error naming the problem and never reaches the handler; messages for other contexts are left
 * for them (no answer).
 */
export function handleMessages(handlers: Handlers, signal?: AbortSignal): void {
  const listener = (raw: unknown): Promise<unknown> | undefined => {
    const message = EnvelopeSchema.safeParse(raw);
    if (!message.success) return undefined;
    const type = message.data.type as MessageType;
    const handler = handlers[type] as ((payload: unknown) => unknown) | undefined;
    if (!Object.hasOwn(messages, type) || handler === undefined) return undefined;
    const request = messages[type].request.safeParse(message.data.payload);
    if (!request.success) {
      return Promise.resolve({ ok: false, error: `Invalid "${type}" request: ${z.prettifyError(request.error)}` });
    }
    return Promise.resolve()
      .then(() => handler(request.data))
      .then(
        (data) => ({ ok: true, data }),
        (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
  };
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
