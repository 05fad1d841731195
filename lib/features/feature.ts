import type { Adapter, MentionReading, PostReading } from '../tools/adapter';
import type { PageKind, Place } from '../tools/page';
import type { ToolId } from '../tools/tool-ids';
import type { PeopleCache } from '../content/people-cache';
import type { Settings } from '../settings';

/** Subtrees Daylight has just annotated, with the mentions and posts the annotation read in them. */
export interface ContentBatch {
  roots: readonly ParentNode[];
  /** The person mentions under `roots`, in document order. */
  readonly mentions: readonly MentionReading[];
  /** The posts under `roots`, in document order. */
  readonly posts: readonly PostReading[];
}

/** What a feature knows about the page it runs on, for one navigation. */
export interface PageContext {
  adapter: Adapter;
  url: URL;
  doc: Document;
  /** The page's window (its events, its location): features take it from here, not from globals. */
  win: Window;
  kind: PageKind;
  place: Place;
  /** Who can see the place, in the page's words, when it says ("Only members of #payments-core"). */
  audience?: string;
  settings: Settings;
  /** Directory answers for this tab. */
  people: PeopleCache;
  /**
   * Call `listener` with the subtrees Daylight has just annotated (the whole document after a
   * navigation, then what changed) and what it read there, until `signal` aborts. Listeners run
   * in the annotation's task: they should do little, and leave what can wait to idle time.
   */
  onContent(listener: (batch: ContentBatch) => void, signal: AbortSignal): void;
}

/**
 * One user-visible behaviour, in one file named after its id (kebab-case). `init` runs once per
 * navigation; it must stop everything it started when `signal` aborts (the next navigation, a
 * settings change, or the extension being reloaded).
 */
export interface Feature {
  id: string;
  /** One sentence, for the options page (from lib/features/catalog.ts). */
  description: string;
  /** Tools the feature runs on; all when omitted. */
  tools?: readonly ToolId[];
  init(page: PageContext, signal: AbortSignal): void | Promise<void>;
}
