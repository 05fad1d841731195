import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { lazy } from './lazy';
import { importOutcomeSchema } from './people/import-outcome';
import { directorySchema, personSchema } from './people/schema';
import { exportedRecordSchema } from './search/export';
import { RELAY_BODY_MAX } from './search/live/relay-limits';
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

/** Working-time fields as the background passes them on: bounded text, checked again where used. */
const workingTimeSchema = lazy(() =>
  z.object({
    timeZone: z.optional(z.string().check(z.maxLength(64))),
    workingHours: z.optional(z.string().check(z.maxLength(64))),
    workingDays: z.optional(z.string().check(z.maxLength(64))),
  }),
);

const personCardSchema = lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    email: z.optional(z.string()),
    team: z.optional(z.string()),
    title: z.optional(z.string()),
    profiles: z.array(z.object({ tool: toolIdSchema(), key: z.string(), handle: z.string(), url: z.nullable(z.string()) })),
    time: z.optional(workingTimeSchema()),
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

/**
 * Who may send a message. Chrome's extension security model trusts a content script no more than
 * the page's renderer, so what only Daylight's own pages (options, popup, welcome) do is refused
 * from a tool tab, whatever the payload says.
 */
export type SenderKind = 'extension' | 'content';
export type AllowedSenders = SenderKind | 'both';

interface MessageSchemas {
  request: z.ZodMiniType;
  response: z.ZodMiniType;
}

/** A message's schemas (built on first use) and who may send it; the table below accepts nothing else. */
export interface MessageDefinition<S extends MessageSchemas = MessageSchemas> {
  (): S;
  readonly from: AllowedSenders;
}

function message<S extends MessageSchemas>(from: AllowedSenders, schemas: () => S): MessageDefinition<S> {
  return Object.assign(lazy(schemas), { from });
}

/** Each message's request and response schemas, built when the message is first used, and its senders. */
export const messages = {
  /** content script → background: a feature failed on a page. */
  'feature-error': message('content', () => ({
    request: z.object({
      featureId: z.string().check(z.minLength(1), z.maxLength(100)),
      tool: toolIdSchema(),
      url: z.string().check(z.maxLength(2048)),
      message: z.string().check(z.maxLength(2000)),
    }),
    response: Ok(),
  })),
  /** content script → background: what the adapter found on a settled page (diagnostics). */
  'page-report': message('content', () => ({
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
  'page-report-due': message('content', () => ({
    request: z.object({ tool: toolIdSchema(), origin: z.string().check(z.maxLength(300)), kind: pageKindSchema() }),
    response: z.object({ due: z.boolean() }),
  })),
  /** options page or demo → background: replace the directory (all-or-nothing). */
  'directory-replace': message('extension', () => ({
    request: z.object({ directory: directorySchema(), source: z.string().check(z.maxLength(2048)) }),
    response: directoryChangeSchema(),
  })),
  /** options page → background: today's names of the people in the thanks ledger (the background holds the directory's index). */
  'people-names': message('extension', () => ({
    request: z.object({
      people: z
        .array(z.object({ personId: z.nullable(z.string().check(z.maxLength(200))), tool: toolIdSchema(), handle: z.nullable(z.string().check(z.maxLength(200))) }))
        .check(z.maxLength(100_000)),
    }),
    response: z.object({ names: z.array(z.nullable(z.string())) }),
  })),
  /**
   * options page → background: how the last directory import ended while Options was closed
   * (asking wakes the background, which first marks an import it was stopped in as interrupted).
   */
  'directory-import-outcome': message('extension', () => ({
    request: z.object({}),
    response: z.object({ outcome: z.nullable(importOutcomeSchema()) }),
  })),
  /** options page → background: undo an import (archive what it added, restore what it changed). */
  'directory-undo': message('extension', () => ({
    request: z.object({ importId: z.string().check(z.maxLength(100)) }),
    response: z.object({ restored: z.number(), archived: z.number() }),
  })),
  /** options page → background: add or edit one person. */
  'person-save': message('extension', () => ({
    request: z.object({ person: personSchema() }),
    response: Ok(),
  })),
  /** options page → background: archive or restore one person. */
  'person-archive': message('extension', () => ({
    request: z.object({ id: z.string().check(z.minLength(1), z.maxLength(200)), archived: z.boolean() }),
    response: Ok(),
  })),
  /** options page → background: fetch the organisation's directory (policy or settings URL) now. */
  'directory-sync': message('extension', () => ({
    request: z.object({}),
    response: directorySyncSchema(),
  })),
  /** content script → background: who are these handles (mentions and authors on one page)? */
  'resolve-people': message('content', () => ({
    request: z.object({
      tool: toolIdSchema(),
      origin: z.string().check(z.maxLength(300)),
      handles: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(20_000)),
    }),
    response: z.object({ people: z.record(z.string(), z.object({ id: z.string(), name: z.string() })) }),
  })),
  /** content script → background: the card of one person (hover or focus on their mention). */
  'person-card': message('content', () => ({
    request: z.object({ id: z.string().check(z.minLength(1), z.maxLength(200)) }),
    response: z.object({ card: z.nullable(personCardSchema()) }),
  })),
  /** content script → background: the effective settings (defaults, user, policy), validated there. */
  'settings-get': message('content', () => ({
    request: z.object({}),
    response: settingsSchema(),
  })),
  /** background → content scripts in every tab: settings or policy changed; ask again. */
  'settings-changed': message('extension', () => ({
    request: z.object({}),
    response: Ok(),
  })),
  /** content script → background: people matching what follows `@` in a composer. */
  'suggest-people': message('content', () => ({
    request: z.object({
      tool: toolIdSchema(),
      origin: z.string().check(z.maxLength(300)),
      query: z.string().check(z.minLength(1), z.maxLength(100)),
    }),
    response: z.object({
      suggestions: z.array(
        z.object({ id: z.string(), name: z.string(), team: z.optional(z.string()), insert: z.string(), handle: z.string(), time: z.optional(workingTimeSchema()) }),
      ),
    }),
  })),
  /** background → content scripts in every tab: the directory changed; resolve handles again. */
  'directory-changed': message('extension', () => ({
    request: z.object({}),
    response: Ok(),
  })),
  /** content script → background: what the user chose for this private place, if anything. */
  'openness-place': message('content', () => ({
    request: z.object({ key: z.string().check(z.minLength(1), z.maxLength(600)) }),
    response: z.object({ reason: z.nullable(z.string()), exception: z.boolean() }),
  })),
  /**
   * content script or options page → background: a reason to keep posting privately in a place,
   * and/or "Don't warn here again" (`exception: false` removes it, archived).
   */
  'openness-choose': message('both', () => ({
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
  'openness-event': message('content', () => ({
    request: z.object({
      tool: toolIdSchema(),
      place: placeSchema(),
      event: z.enum(['private-post', 'public-post', 'warned', 'warning-cancelled', 'deletion-avoided', 'deleted-anyway']),
      detail: z.optional(z.string().check(z.maxLength(80))),
    }),
    response: Ok(),
  })),
  /** content script → background: the user thanked a post's author (publicly, by reaction, or in the ledger only). */
  'thanks-give': message('content', () => ({
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
  'thanks-state': message('content', () => ({
    request: z.object({ postKeys: z.array(z.string().check(z.maxLength(2048))).check(z.maxLength(5000)) }),
    response: z.object({
      thanked: z.record(z.string(), z.object({ id: z.string(), at: z.number(), name: z.string(), via: z.enum(['public', 'reaction', 'record', 'seen']) })),
    }),
  })),
  /** content script → background: posts by others that mention the user; those that thank them are recorded as received. */
  'thanks-seen': message('content', () => ({
    request: z.object({
      tool: toolIdSchema(),
      origin: z.string().check(z.maxLength(300)),
      place: placeSchema(),
      posts: z.array(thankedPostSchema()).check(z.maxLength(500)),
    }),
    response: z.object({ recorded: z.number() }),
  })),
  /** content script or options page → background: undo (archive) or restore one ledger entry. */
  'thanks-archive': message('both', () => ({
    request: z.object({ id: z.string().check(z.minLength(1), z.maxLength(2100)), archived: z.boolean() }),
    response: Ok(),
  })),
  /** options page → background: try an announcement again now. */
  'outbox-retry': message('extension', () => ({
    request: z.object({ id: z.string().check(z.minLength(1), z.maxLength(2100)) }),
    response: Ok(),
  })),
  /** content script → background: the search records of a page (the first send of a visit has `visit`). */
  'search-capture': message('content', () => ({
    // The page record once, and of each post what differs from it (lib/search/capture-wire.ts).
    request: z.object({
      page: z.extend(captureRecordSchema(), { type: z.literal('page') }),
      posts: z.array(z.pick(captureRecordSchema(), { key: true, text: true, author: true, mentions: true, time: true })).check(z.maxLength(5_000)),
      visit: z.boolean(),
    }),
    response: z.object({ stored: z.number(), skipped: z.optional(z.string()) }),
  })),
  /** popup or options → background: archive (hide from results) or restore search records. */
  'search-archive': message('extension', () => ({
    request: z.object({ keys: z.array(z.string().check(z.maxLength(2048))).check(z.minLength(1), z.maxLength(1_000)), archived: z.boolean() }),
    response: z.object({ changed: z.number() }),
  })),
  /** options → background: one part of an import (the page checked the whole file first). */
  'search-import': message('extension', () => ({
    request: z.object({
      records: z.array(exportedRecordSchema()).check(z.maxLength(5_000)),
      /** Part `part` of `parts` of one import: stored all at once with its last part, or not at all. */
      of: z.optional(
        z.object({
          id: z.string().check(z.minLength(1), z.maxLength(100)),
          part: z.number().check(z.int(), z.gte(0)),
          parts: z.number().check(z.int(), z.gte(1), z.lte(10_000)),
        }),
      ),
    }),
    response: z.object({ added: z.number(), updated: z.number() }),
  })),
  /** options → background: build the search index again from the stored records. */
  'search-rebuild': message('extension', () => ({
    request: z.object({}),
    response: z.object({ records: z.number(), ms: z.number() }),
  })),
  /**
   * background → content script on an open, signed-in tab of a tool's origin: make one request of
   * a live search from the page, where the background's own request is treated as signed out
   * (containers, first-party isolation, Fetch-Metadata CSRF). Only the named tool's script answers,
   * and only for a path on its own page's origin; the answer is checked here, then by the source's
   * own answer schema (lib/background/live-relay.ts).
   */
  'live-relay-fetch': message('extension', () => ({
    request: z.object({
      tool: toolIdSchema(),
      path: z.string().check(z.minLength(1), z.maxLength(4096), z.startsWith('/')),
      method: z.enum(['GET', 'POST']),
      headers: z.record(z.string().check(z.maxLength(100)), z.string().check(z.maxLength(4096))),
      body: z.optional(z.string().check(z.maxLength(100_000))),
    }),
    response: z.object({
      status: z.number().check(z.int(), z.gte(100), z.lte(599)),
      url: z.string().check(z.maxLength(4096)),
      redirected: z.boolean(),
      /** Only the headers a source reads (Retry-After, paging). */
      headers: z.record(z.string().check(z.maxLength(100)), z.string().check(z.maxLength(1000))),
      body: z.string().check(z.maxLength(RELAY_BODY_MAX)),
    }),
  })),
  /** background → the same content script: a cookie the page's script can read (Mattermost's MMCSRF), or null. */
  'live-relay-cookie': message('extension', () => ({
    request: z.object({ tool: toolIdSchema(), name: z.string().check(z.minLength(1), z.maxLength(100)) }),
    response: z.object({ value: z.nullable(z.string().check(z.maxLength(4096))) }),
  })),
  /** popup → content script in the active tab: what Daylight sees on this page. */
  'page-state': message('extension', () => ({
    request: z.object({}),
    response: pageStateSchema(),
  })),
} as const satisfies Record<string, MessageDefinition>;

/**
 * Live search streams over a port (popup ↔ background), not one-shot messages: the popup sends a
 * search per settled query, the background answers with each tool's state and items as they come,
 * and closing the popup closes the port, which stops everything (lib/background/live-search-service.ts).
 */
export const LIVE_SEARCH_PORT = 'live-search';

const liveStateSchema = lazy(() => z.enum(['searching', 'done', 'signed-out', 'no-access', 'rate-limited', 'off', 'error']));
export type LiveState = z.infer<ReturnType<typeof liveStateSchema>>;

/** popup → background: search the tools live (`from` are the people's handle maps from the directory). */
export const liveSearchRequestSchema = lazy(() =>
  z.object({
    id: z.number(),
    text: z.string().check(z.minLength(1), z.maxLength(500)),
    tools: z.array(toolIdSchema()).check(z.maxLength(6)),
    from: z.nullable(z.array(z.record(z.string().check(z.maxLength(300)), z.union([z.string().check(z.maxLength(200)), z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50))]))).check(z.maxLength(50))),
    place: z.nullable(z.enum(['private', 'public'])),
    after: z.nullable(z.number()),
    before: z.nullable(z.number()),
    /** A further page of one tool's answer ("more from <tool>"): `tools` then names that tool alone. */
    page: z.optional(z.number().check(z.int(), z.gte(1), z.lte(20))),
  }),
);
export type LiveSearchRequest = z.infer<ReturnType<typeof liveSearchRequestSchema>>;

const Text = (max: number) => z.string().check(z.maxLength(max));
export const liveItemSchema = lazy(() =>
  z.object({
    tool: toolIdSchema(),
    url: Text(2048),
    title: Text(400),
    snippet: Text(400),
    author: z.nullable(z.object({ handle: Text(200), name: Text(300) })),
    time: z.nullable(z.number()),
    kind: pageKindSchema(),
    private: z.nullable(z.boolean()),
    container: Text(300),
  }),
);

/** background → popup: one tool's state (in words), or items one tool found for a search. */
export const liveSearchEventSchema = lazy(() =>
  z.union([
    z.object({
      type: z.literal('state'),
      id: z.number(),
      tool: toolIdSchema(),
      state: liveStateSchema(),
      text: Text(500),
      /** Where to sign in (signed-out), or the origins to ask access for (no-access). */
      signIn: z.optional(Text(2048)),
      origins: z.optional(z.array(Text(300))),
      /** The tool has another page of answers for this query. */
      more: z.optional(z.boolean()),
    }),
    z.object({ type: z.literal('items'), id: z.number(), tool: toolIdSchema(), items: z.array(liveItemSchema()).check(z.maxLength(200)) }),
  ]),
);
export type LiveSearchEvent = z.infer<ReturnType<typeof liveSearchEventSchema>>;

/**
 * A directory import of any size is applied over a port (options → background): the options page
 * sends the validated people in parts, JSON text made by its import worker (lib/people/import.worker.ts),
 * and the background holds them until the last, then replaces the directory in one transaction.
 * A port that closes before then (Options closed, the worker stopped) leaves nothing stored
 * (lib/background/directory-import.ts).
 */
export const DIRECTORY_IMPORT_PORT = 'directory-import';

export const directoryImportRequestSchema = lazy(() =>
  z.union([
    z.object({ type: z.literal('begin'), source: z.string().check(z.maxLength(2048)), parts: z.number().check(z.int(), z.gte(1), z.lte(10_000)) }),
    /** `json` is the text of an array of people (directory format). */
    z.object({ type: z.literal('part'), part: z.number().check(z.int(), z.gte(0)), json: z.string().check(z.maxLength(64 * 1024 * 1024)) }),
  ]),
);
export type DirectoryImportRequest = z.infer<ReturnType<typeof directoryImportRequestSchema>>;

export const directoryChangeSchema = lazy(() => z.object({ importId: z.string(), added: z.number(), changed: z.number(), archived: z.number() }));

export const directoryImportEventSchema = lazy(() =>
  z.union([
    z.object({ type: z.literal('received'), part: z.number() }),
    z.object({ type: z.literal('applied'), change: directoryChangeSchema() }),
    z.object({ type: z.literal('refused'), error: z.string() }),
  ]),
);
export type DirectoryImportEvent = z.infer<ReturnType<typeof directoryImportEventSchema>>;

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

/** Who sent a message, as the browser says (never the message itself): its extension, its frame and its tab. */
export interface MessageSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; incognito?: boolean; url?: string };
}

/** A sender the background answers: one of Daylight's own pages, or the content script in a tool tab's http(s) frame. */
export type ClassifiedSender = { kind: 'extension' } | { kind: 'content'; url: URL; tabId: number | undefined; incognito: boolean };

/**
 * What kind of sender the browser says this is, or why it is refused. An extension page is on
 * Daylight's own origin and is either not in a tab (the popup) or the tab's top frame (options
 * opened as a tab): one of Daylight's pages framed by a web page is not Daylight speaking. A
 * content script is in an http(s) frame of a tab. Anything else (another extension, a file: or
 * data: frame) is refused.
 */
export function classifySender(sender: MessageSender, self: { id: string; origin: string }): ClassifiedSender | { refused: string } {
  if (sender.id !== self.id) return { refused: 'it did not come from Daylight' };
  const url = sender.url ?? '';
  if (url.startsWith(self.origin)) {
    const ownTab = sender.tab === undefined || (sender.frameId === 0 && (sender.tab.url === undefined || sender.tab.url.startsWith(self.origin)));
    return ownTab ? { kind: 'extension' } : { refused: 'a Daylight page framed by another page may not send it' };
  }
  if (sender.tab === undefined) return { refused: 'it came from neither a Daylight page nor a tab' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { refused: 'the sending frame has no address' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { refused: `a ${parsed.protocol} frame may not send messages` };
  return { kind: 'content', url: parsed, tabId: sender.tab.id, incognito: sender.tab.incognito === true };
}

/** Whether a message may come from this kind of sender (lib/messaging.ts's table). */
export function mayFrom(type: MessageType, kind: SenderKind): boolean {
  const from = messages[type].from;
  return from === 'both' || from === kind;
}

const SENDER_WORDS: Record<SenderKind, string> = { extension: "Daylight's own pages", content: 'a tool tab' };

export type Handlers = {
  [T in MessageType]?: (payload: ParsedRequest<T>, sender: ClassifiedSender) => Promise<Response<T>> | Response<T>;
};

/**
 * Answer the messages this context handles. The sender is checked first: a message from a kind of
 * sender it does not allow is refused with the reason and never parsed or handled. A request that
 * fails its schema is answered with an error naming the problem and never reaches the handler;
 * messages for other contexts are left for them (no answer).
 */
export function handleMessages(handlers: Handlers, signal?: AbortSignal): void {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  const listener = (raw: unknown, sender: MessageSender | undefined): Promise<unknown> | undefined => {
    const message = envelopeSchema().safeParse(raw);
    if (!message.success) return undefined;
    const type = message.data.type as MessageType;
    const handler = handlers[type] as ((payload: unknown, sender: ClassifiedSender) => unknown) | undefined;
    if (!Object.hasOwn(messages, type) || handler === undefined) return undefined;
    const from = classifySender(sender ?? {}, self);
    if ('refused' in from) return Promise.resolve({ ok: false, error: `Refused "${type}": ${from.refused}.` });
    if (!mayFrom(type, from.kind)) {
      const allowed = messages[type].from as SenderKind;
      return Promise.resolve({ ok: false, error: `Refused "${type}": only ${SENDER_WORDS[allowed]} may send it, not ${SENDER_WORDS[from.kind]}.` });
    }
    const payload = payloadOf(message.data);
    if (!payload.ok) return Promise.resolve({ ok: false, error: `Invalid "${type}" request: ${payload.error}` });
    const request = messages[type]().request.safeParse(payload.payload);
    if (!request.success) {
      return Promise.resolve({ ok: false, error: `Invalid "${type}" request: ${z.prettifyError(request.error)}` });
    }
    return Promise.resolve()
      .then(() => handler(request.data, from))
      .then(
        (data) => ({ ok: true, data }),
        (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
  };
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
