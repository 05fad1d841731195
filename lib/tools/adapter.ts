import type { ToolFacts } from './facts';
import type { PageKind, Place } from './page';
import type { SelectorTable } from './selector-table';
import type { ToolId } from './tool-ids';

/** A person mention in rendered content, with the handle read from attributes or hrefs. */
export interface MentionReading {
  element: Element;
  handle: string;
}

/** An authored post: opening post, comment, review comment or chat message. */
export interface PostReading {
  element: Element;
  /** Stable within the page; the tool's own id where it has one. */
  id: string;
  /** The author's handle; chat follow-on messages inherit the author above. */
  author: string | null;
  /** ISO 8601, when the page says. */
  time: string | null;
  permalink: string | null;
  /** The rendered body (mentions live here). */
  body: Element | null;
}

/** A visible, real composer (never a hidden decoy editor). */
export interface ComposerReading {
  /** A textarea or a contenteditable root. */
  editor: HTMLElement;
  /** The tool's own send control, when it has one next to the editor. */
  submit: HTMLElement | null;
  /** The element the composer UI lives in, for anchoring banners beside it. */
  container: Element;
}

/**
 * The tool's own reaction UI on one post, through which Daylight applies a thanks reaction (the
 * tool records it as the user's own, exactly as if they had clicked it).
 */
export interface ReactionReading {
  /** What to click: the post's existing thanks reaction (one click adds the user's), or the control that opens the tool's picker. */
  control: HTMLElement;
  /** After `control` opened a picker, the selector of the thanks emoji in it; null when `control` applies the reaction itself. */
  choice: string | null;
  /** The user has already reacted this way on this post. */
  applied: boolean;
}

/** Where a reply to one post is written, for tools with threads or reply boxes. */
export interface ReplyReading {
  /** The reply composer for this post's thread, when it is open. */
  composer: ComposerReading | null;
  /** The tool's control that opens it ("Reply in thread", "Reply…"), when it is on the page. */
  open: HTMLElement | null;
}

export const DELETE_TARGETS = ['comment', 'message', 'issue', 'task', 'channel', 'repository', 'project', 'revision', 'document'] as const;
export type DeleteTarget = (typeof DELETE_TARGETS)[number];

/** A delete control the user activated. */
export interface DeleteAction {
  target: DeleteTarget;
  element: Element;
}

/**
 * What the tool offers instead of deleting (close, archive, hide, complete, edit), for the
 * archive nudge. Words are the tool's own, so people recognise them.
 */
export interface ArchiveAlternative {
  /** The tool's name for the action ("Hide", "Close issue", "Archive channel"). */
  label: string;
  /** Why it beats deleting, and where to find it when `control` is null. */
  hint: string;
  /** The tool's own control that starts the action, when it is on the page. */
  control: HTMLElement | null;
}

/**
 * What the page says about who can see it. When the page alone cannot tell, `lookup` names a
 * same-origin API path whose JSON answer decides (GitLab project visibility, Mattermost channel
 * type); its reading may itself need one more lookup.
 */
export interface PlaceReading {
  place: Place;
  /** Human words for who can see the place, when the page says ("Only members of #payments-core"). */
  audience?: string;
  lookup?: { path: string; read(json: unknown): PlaceReading };
}

/**
 * One object per tool. An adapter only reads the page: no UI, no storage, no messaging.
 * Every method takes the document (or a subtree) and URL as arguments, never globals, so that
 * tests run it on saved pages; on markup it does not recognise it returns a neutral value
 * (`false`, `'other'`, `'unknown'`, `null`, `[]`) and never throws.
 */
export interface Adapter {
  readonly id: ToolId;
  /** The tool's facts (its folder's `facts.ts`): handles, mentions, profiles, hosts, names. */
  readonly facts: ToolFacts;
  /** `facts.name`. */
  readonly name: string;
  /** `facts.matches`: the tool's SaaS hosts, used for the statically declared content script. */
  readonly matches: readonly string[];
  /** The selectors the adapter relies on, by role, each with its dated alternatives (counted for diagnostics). */
  readonly selectors: SelectorTable;
  /** Matches every element `posts()` can return, so a change inside a post re-reads the whole post. */
  readonly postSelector: string;
  /** True when the document is a page of this tool, on any origin (self-hosted included). */
  detect(doc: Document): boolean;
  /** The page kind, from the URL and, where the URL is ambiguous, the page. */
  kind(url: URL, doc: Document): PageKind;
  /** Who can see what is posted here; `unknown` when the signals are missing or disagree. */
  place(url: URL, doc: Document): PlaceReading;
  /** The logged-in user's handle, when the page shows it. */
  viewer(doc: Document): string | null;
  /** Person mentions within `root` (or `root` itself). */
  mentions(root: ParentNode): MentionReading[];
  /** Posts within `root` (or `root` itself), in document order. */
  posts(root: ParentNode): PostReading[];
  /** Visible composers on the page. */
  composers(doc: Document): ComposerReading[];
  /**
   * Handles of the people mentioned in a draft, where the tool's composer turns mentions into chips
   * (Slack, Asana); `@handle` typed as text is read for every tool (lib/content/draft-mentions.ts).
   */
  draftMentions?(editor: HTMLElement): string[];
  /**
   * The tool's reaction UI on a post (`post` as returned by `posts()`); null when the tool has no
   * reactions there, or they are not on the page (hover toolbars appear on pointer over the post).
   */
  reaction(post: Element): ReactionReading | null;
  /** Where a reply to `post` goes: its thread's composer or what opens it; null when the tool has no threads there (the page's composer is the place). */
  reply(post: Element, doc: Document): ReplyReading | null;
  /** The delete action a click on `target` activates, if any. */
  deleteAction(target: Element): DeleteAction | null;
  /** What the tool offers instead of `action` (from `deleteAction`), or null when it offers nothing. */
  archiveAlternative(action: DeleteAction, doc: Document): ArchiveAlternative | null;
  /**
   * The tool's own profile hovercard (GitHub's, GitLab's user popover, Phorge's), which opens on the
   * same mentions as Daylight's card: Daylight's card sits beside it. Null where the tool has none
   * Daylight knows of.
   */
  readonly hovercard: string | null;
  /** Enter alone sends in this tool's composers (chat); elsewhere only Ctrl/Cmd+Enter does. */
  readonly enterSends: boolean;
  /**
   * The tool renders lines and blocks as adjacent elements with no whitespace between them
   * (client-rendered chat and task text): search records read its text block by block.
   */
  readonly gluedBlocks: boolean;
  /** The page's title, as a search result shows it. */
  title(url: URL, doc: Document): string;
  /** Where the page lives: repository, project, channel. */
  container(url: URL, doc: Document): string;
}
