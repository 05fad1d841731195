import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { lazy } from './lazy';
import { directorySchema, personSchema } from './people/schema';
import { exportedRecordSchema } from './search/export';
import { captureRecordSchema } from './search/record';
import { settingsSchema } from './settings';
import { pageKindSchema, placeSchema } from './tools/page';
import { toolIdSchema } from './tools/tool-ids';

/**
 * The one message contract between Daylight's contexts. Every message has a request and a
 * response schema; the background and the extension pages parse with them before acting, because
 * what content scripts send carries page-derived (untrusted) data. Content scripts only ever hear
 * from extension contexts, so they use the same contract's types through a schema-free transport
 * (lib/content/messages.ts) and stay small. This file is the only place that names messages.
 */
export const pageStateSchema = lazy(() =>
  z.object({
    tool: toolIdSchema(),
    kind: pageKindSchema(),
    place: placeSchema(),
    /** Who can see the place, in words, when the page says. */
    audience: z.nullable(z.string()),
    url: z.string(),
    featureErrors: z.array(z.object({ featureId: z.string(), message: z.string() })),
    /** Features that started on this page and run (lib/features/runner.ts). */
    featuresRunning: z.array(z.string()),
  }),
);
export type PageState = z.infer<ReturnType<typeof pageStateSchema>>;

const Ok = lazy(() => z.object({ ok: z.literal(true) }));

const personCardSchema = lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    email: z.optional(z.string()),
    team: z.optional(z.string()),
    title: z.optional(z.string()),
    profiles: z.array(z.object({ tool: toolIdSchema(), key: z.string(), handle: z.string(), url: z.nullable(z.string()) })),
  }),
);

/** The outcome of the last fetch of the organisation's directory. */
export const directorySyncSchema = lazy(() =>
  z.object({
    at: z.number(),
    ok: z.boolean(),
    source: z.string(),
    count: z.optional(z.number()),
    error: z.optional(z.string()),
  }),
);
export type DirectorySync = z.infer<ReturnType<typeof directorySyncSchema>>;

/** A post as a thanks names it: where it is, who wrote it, a short excerpt. */
const thankedPostSchema = lazy(() =>
  z.object({
    postKey: z.string().check(z.minLength(1), z.maxLength(2048)),
    permalink: z.string().check(z.minLength(1), z.maxLength(2048)),
    handle: z.string().check(z.minLength(1), z.maxLength(200)),
    excerpt: z.string().check(z.maxLength(4000)),
  }),
);

/** Each message's request and response schemas, built when the message is first used. */
export const messages = {
  /** content script → background: a feature failed on a page. */
  'feature-error': lazy(() => ({
    request: z.object({
      featureId: z.string().check(z.minLength(1), z.maxLength(100)),
      tool: toolIdSchema(),
      url: z.string().check(z.maxLength(2048)),
      message: z.string().check(z.maxLength(2000)),
    }),
    response: Ok(),
  })),
  /** content script → background: what the adapter found on a settled page (diagnostics). */
  'page-report': lazy(() => ({
    request: z.object({
      tool: toolIdSchema(),
      origin: z.string().check(z.maxLength(300)),
      kind: pageKindSchema(),
      place: placeSchema(),
      /** False when a self-hosted origin's page did not look like the configured tool. */
      detected: z.boolean(),
      path: z.string().check(z.maxLength(2048)),
      /** For each of the adapter's named selectors, whether it found anything. */
      matched: z.record(z.string().check(z.maxLength(100)), z.boolean()),
    }),
    response: Ok(),
  })),
  /** content script → background: whether a settled page should check its selectors (diagnostics). */
  'page-report-due': lazy(() => ({
    request: z.object({ tool: toolIdSchema(), origin: z.string().check(z.maxLength(300)), kind: pageKindSchema() }),
    response: z.object({ due: z.boolean() }),
  })),
  /** options page or demo → background: replace the directory (all-or-nothing). */
  'directory-replace': lazy(() => ({
    request: z.object({ directory: directorySchema(), source: z.string().check(z.maxLength(2048)) }),
    response: z.object({ importId: z.string(), added: z.number(), changed: z.number(), archived: z.number() }),
  })),
  /** options page → background: undo an import (archive what it added, restore what it changed). */
  'directory-undo': lazy(() => ({
    request: z.object({ importId: z.string().check(z.maxLength(100)) }),
    response: z.object({ restored: z.number(), archived: z.number() }),
  })),
  /** options page → background: add or edit one person. */
  'person-save': lazy(() => ({
    request: z.object({ person: personSchema() }),
    response: Ok(),
  })),
  /** options page → background: archive or restore one person. */
  'person-archive': lazy(() => ({
    request: z.object({ id: z.string().check(z.minLength(1), z.maxLength(200)), archived: z.boolean() }),
    response: Ok(),
  })),
  /** options page → background: fetch the organisation's directory (policy or settings URL) now. */
  'directory-sync': lazy(() => ({
    request: z.object({}),
    response: directorySyncSchema(),
  })),
  /** content script → background: who are these handles (mentions and authors on one page)? */
  'resolve-people': lazy(() => ({
    request: z.object({
      tool: toolIdSchema(),
      origin: z.string().check(z.maxLength(300)),
      handles: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(20_000)),
    }),
    response: z.object({ people: z.record(z.string(), z.object({ id: z.string(), name: z.string() })) }),
  })),
  /** content script → background: the card of one person (hover or focus on their mention). */
  'person-card': lazy(() => ({
    request: z.object({ id: z.string().check(z.minLength(1), z.maxLength(200)) }),
    response: z.object({ card: z.nullable(personCardSchema()) }),
  })),
  /** content script → background: the effective settings (defaults, user, policy), validated there. */
  'settings-get': lazy(() => ({
    request: z.object({}),
    response: settingsSchema(),
  })),
  /** background → content scripts in every tab: settings or policy changed; ask again. */
  'settings-changed': lazy(() => ({
    request: z.object({}),
    response: Ok(),
  })),
  /** content script → background: people matching what follows `@` in a composer. */
  'suggest-people': lazy(() => ({
    request: z.object({
      tool: toolIdSchema(),
      origin: z.string().check(z.maxLength(300)),
      query: z.string().check(z.minLength(1), z.maxLength(100)),
    }),
    response: z.object({
      suggestions: z.array(
        z.object({ id: z.string(), name: z.string(), team: z.optional(z.string()), insert: z.string(), handle: z.string() }),
      ),
    }),
  })),
  /** background → content scripts in every tab: the directory changed; resolve handles again. */
  'directory-changed': lazy(() => ({
    request: z.object({}),
    response: Ok(),
  })),
  /** content script → background: what the user chose for this private place, if anything. */
  'openness-place': lazy(() => ({
    request: z.object({ key: z.string().check(z.minLength(1), z.maxLength(600)) }),
    response: z.object({ reason: z.nullable(z.string()), exception: z.boolean() }),
  })),
  /**
   * content script or options page → background: a reason to keep posting privately in a place,
   * and/or "Don't warn here again" (`exception: false` removes it, archived).
   */
  'openness-choose': lazy(() => ({
    request: z.object({
      tool: toolIdSchema(),
      key: z.string().check(z.minLength(1), z.maxLength(600)),
      label: z.string().check(z.maxLength(300)),
      url: z.string().check(z.maxLength(2048)),
      reason: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
      exception: z.optional(z.boolean()),
    }),
    response: Ok(),
  })),
  /** content script → background: something for the "week in the open" (kept on the device). */
  'openness-event': lazy(() => ({
    request: z.object({
      tool: toolIdSchema(),
      place: placeSchema(),
      event: z.enum(['private-post', 'public-post', 'warned', 'warning-cancelled', 'deletion-avoided', 'deleted-anyway']),
      detail: z.optional(z.string().check(z.maxLength(80))),
    }),
    response: Ok(),
  })),
  /** content script → background: the user thanked a post's author (publicly, by reaction, or in the ledger only). */
  'thanks-give': lazy(() => ({
    request: z.object({
      tool: toolIdSchema(),
      origin: z.string().check(z.maxLength(300)),
      place: placeSchema(),
      /** The user's own handle on this tool, as the page shows it (the announcement's giver). */
      viewer: z.nullable(z.string().check(z.maxLength(200))),
      post: thankedPostSchema(),
      note: z.string().check(z.maxLength(2000)),
      via: z.enum(['public', 'reaction', 'record']),
    }),
    response: z.object({ id: z.string(), at: z.number(), name: z.string(), announced: z.boolean() }),
  })),
  /** content script → background: which of these posts has the user thanked (live ledger entries)? */
  'thanks-state': lazy(() => ({
    request: z.object({ postKeys: z.array(z.string().check(z.maxLength(2048))).check(z.maxLength(5000)) }),
    response: z.object({
      thanked: z.record(z.string(), z.object({ id: z.string(), at: z.number(), name: z.string(), via: z.enum(['public', 'reaction', 'record', 'seen']) })),
    }),
  })),
  /** content script → background: posts by others that mention the user; those that thank them are recorded as received. */
  'thanks-seen': lazy(() => ({
    request: z.object({
      tool: toolIdSchema(),
      origin: z.string().check(z.maxLength(300)),
      place: placeSchema(),
      posts: z.array(thankedPostSchema()).check(z.maxLength(500)),
    }),
    response: z.object({ recorded: z.number() }),
  })),
  /** content script or options page → background: undo (archive) or restore one ledger entry. */
  'thanks-archive': lazy(() => ({
    request: z.object({ id: z.string().check(z.minLength(1), z.maxLength(2100)), archived: z.boolean() }),
    response: Ok(),
  })),
  /** options page → background: try an announcement again now. */
  'outbox-retry': lazy(() => ({
    request: z.object({ id: z.string().check(z.minLength(1), z.maxLength(2100)) }),
    response: Ok(),
  })),
  /** content script → background: the search records of a page (the first send of a visit has `visit`). */
  'search-capture': lazy(() => ({
    // The page record once, and of each post what differs from it (lib/search/capture-wire.ts).
    request: z.object({
      page: z.extend(captureRecordSchema(), { type: z.literal('page') }),
      posts: z.array(z.pick(captureRecordSchema(), { key: true, text: true, author: true, mentions: true, time: true })).check(z.maxLength(5_000)),
      visit: z.boolean(),
    }),
    response: z.object({ stored: z.number(), skipped: z.optional(z.string()) }),
  })),
  /** popup or options → background: archive (hide from results) or restore search records. */
  'search-archive': lazy(() => ({
    request: z.object({ keys: z.array(z.string().check(z.maxLength(2048))).check(z.minLength(1), z.maxLength(1_000)), archived: z.boolean() }),
    response: z.object({ changed: z.number() }),
  })),
  /** options → background: one part of an import (the page checked the whole file first). */
  'search-import': lazy(() => ({
    request: z.object({ records: z.array(exportedRecordSchema()).check(z.maxLength(5_000)) }),
    response: z.object({ added: z.number(), updated: z.number() }),
  })),
  /** options → background: build the search index again from the stored records. */
  'search-rebuild': lazy(() => ({
    request: z.object({}),
    response: z.object({ records: z.number(), ms: z.number() }),
  })),
  /** popup → content script in the active tab: what Daylight sees on this page. */
  'page-state': lazy(() => ({
    request: z.object({}),
    response: pageStateSchema(),
  })),
} as const;

export type MessageType = keyof typeof messages;
type Schemas<T extends MessageType> = ReturnType<(typeof messages)[T]>;
export type Request<T extends MessageType> = z.input<Schemas<T>['request']>;
export type Response<T extends MessageType> = z.infer<Schemas<T>['response']>;
type ParsedRequest<T extends MessageType> = z.infer<Schemas<T>['request']>;

/**
 * A request carries its payload as a value, or (from content scripts) as JSON text: Chrome copies a
 * message object value by value, which for a page's capture of 500 posts costs the page several
 * milliseconds, while one string crosses at once.
 */
const envelopeSchema = lazy(() =>
  z.union([
    z.object({ daylight: z.literal(1), type: z.string(), json: z.string() }),
    z.object({ daylight: z.literal(1), type: z.string(), payload: z.unknown() }),
  ]),
);

/** The payload of a valid envelope; JSON text that does not parse is an invalid request. */
function payloadOf(message: { json: string } | { payload?: unknown }): { ok: true; payload: unknown } | { ok: false; error: string } {
  if (!('json' in message)) return { ok: true, payload: message.payload };
  try {
    return { ok: true, payload: JSON.parse(message.json) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
const replySchema = lazy(() =>
  z.union([z.object({ ok: z.literal(true), data: z.unknown() }), z.object({ ok: z.literal(false), error: z.string() })]),
);

export class MessageError extends Error {
  override name = 'MessageError';
}

function envelope<T extends MessageType>(type: T, payload: Request<T>) {
  return { daylight: 1 as const, type, payload };
}

function unwrap<T extends MessageType>(type: T, reply: unknown): Response<T> {
  const parsed = replySchema().safeParse(reply);
  if (!parsed.success) throw new MessageError(`No valid answer to "${type}"`);
  if (!parsed.data.ok) throw new MessageError(parsed.data.error);
  return messages[type]().response.parse(parsed.data.data) as Response<T>;
}

/** Send a message to the background and return its validated answer. */
export async function sendToBackground<T extends MessageType>(type: T, payload: Request<T>): Promise<Response<T>> {
  return unwrap(type, await browser.runtime.sendMessage(envelope(type, payload)));
}

/** Send a message to the content script of a tab and return its validated answer. */
export async function sendToTab<T extends MessageType>(tabId: number, type: T, payload: Request<T>): Promise<Response<T>> {
  return unwrap(type, await browser.tabs.sendMessage(tabId, envelope(type, payload)));
}

/** Who sent a message: the tab of a content script (incognito tabs are never captured). */
export interface MessageSender {
  tab?: { id?: number; incognito?: boolean };
}

export type Handlers = { [T in MessageType]?: (payload: ParsedRequest<T>, sender: MessageSender) => Promise<Response<T>> | Response<T> };

/**
 * Answer the messages this context handles. A request that fails its schema is answered with an
 * error naming the problem and never reaches the handler; messages for other contexts are left
 * for them (no answer).
 */
export function handleMessages(handlers: Handlers, signal?: AbortSignal): void {
  const listener = (raw: unknown, sender: MessageSender): Promise<unknown> | undefined => {
    const message = envelopeSchema().safeParse(raw);
    if (!message.success) return undefined;
    const type = message.data.type as MessageType;
    const handler = handlers[type] as ((payload: unknown, sender: MessageSender) => unknown) | undefined;
    if (!Object.hasOwn(messages, type) || handler === undefined) return undefined;
    const payload = payloadOf(message.data);
    if (!payload.ok) return Promise.resolve({ ok: false, error: `Invalid "${type}" request: ${payload.error}` });
    const request = messages[type]().request.safeParse(payload.payload);
    if (!request.success) {
      return Promise.resolve({ ok: false, error: `Invalid "${type}" request: ${z.prettifyError(request.error)}` });
    }
    return Promise.resolve()
      .then(() => handler(request.data, sender ?? {}))
      .then(
        (data) => ({ ok: true, data }),
        (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
  };
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
