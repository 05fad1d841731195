/** Where a tool lives for this user: the origin of its last visited page, and that page's path (the workspace or team is in it). */
export interface ToolHome {
  origin: string;
  path: string;
}

/** Why a handle cannot be this tool's, and what to do instead (the directory's conflict list shows both). */
export interface HandleAdvice {
  looksLike: string;
  fix: string;
}

/**
 * Everything Daylight knows about a tool apart from reading its pages: how it names people, how a
 * mention is written, where profiles and instances live. Each tool's facts live in its folder
 * (`lib/tools/<tool>/facts.ts`); they are plain data and small functions, so the options page, the
 * background and any content script read any tool's facts (`TOOL_FACTS`) without loading its adapter.
 */
export interface ToolFacts {
  /** The product's name, as people know it. */
  readonly name: string;
  /** What the tool calls the handle a mention carries ("username", "member id"), in advice text. */
  readonly handleWord: string;
  /** Usernames match case-insensitively; opaque ids (Slack member ids, Asana gids) exactly. */
  readonly handleCase: 'insensitive' | 'exact';
  /**
   * How a mention is written in the tool's composer: `text` where typing `@handle` makes the
   * mention; `picker` where mentions are chips from the tool's own picker, which typing `@Name`
   * opens (a typed id stays text).
   */
  readonly mentionStyle: 'text' | 'picker';
  /** Match patterns of the tool's SaaS hosts, where its content script is declared statically. */
  readonly matches: readonly string[];
  /** The name of an organisation's own instance of the tool ("GitHub Enterprise"), in policy and settings text. */
  readonly selfHostedName: string;
  /**
   * A handle only this tool has (`U024BE7LH` for Slack), so a handle of that shape under another
   * tool's key was pasted into the wrong column; `phrase` names it ("a Slack member id").
   */
  readonly distinctiveHandle?: { readonly pattern: RegExp; readonly phrase: string };
  /** Why `handle` (no leading @) cannot be this tool's own, beyond belonging to another tool; undefined when it can. */
  handleAdvice?(handle: string): HandleAdvice | undefined;
  /**
   * The address of a person's profile: `handle` URL-encoded, `origin` the self-hosted instance the
   * handle key names (none for the plain tool key), `home` where the user last used the tool.
   * Null where the address cannot be known.
   */
  profileUrl(handle: string, origin: string | undefined, home: ToolHome | undefined): string | null;
}

/** Path segments of a home's path. */
export function homeSegments(path: string): string[] {
  return path.split('/').filter(Boolean);
}
