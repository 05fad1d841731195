/** DOM helpers shared by the adapters. All take their root as an argument. */
import { flatClip } from '../text';

/** Elements matching `selector` inside `root`, and `root` itself when it matches. */
export function queryAllWithin(root: ParentNode, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  // Duck-typed, not `instanceof Element`: saved pages in tests live in another window.
  if ('matches' in root && (root as Element).matches(selector)) found.unshift(root as Element);
  return found;
}

const CODE_TAGS = new Set(['PRE', 'CODE', 'TT']);

/**
 * Elements matching `targets` under `root` that sit inside rendered content (`containers`) and
 * not inside code. On a whole document the browser's selector engine does the container test in
 * one query, and only code that holds elements is looked into: on a page with thousands of
 * mentions that is several times cheaper than testing each mention's ancestors in script.
 */
export function inContent(root: ParentNode, targets: string, containers: string): Element[] {
  const found: Element[] = [];
  // A subtree that changed (a comment, a chat list): few targets, test each directly.
  if ('closest' in root) {
    const stop = `pre, code, tt, ${containers}`;
    for (const el of queryAllWithin(root, targets)) {
      const hit = el.closest(stop);
      if (hit !== null && !CODE_TAGS.has(hit.tagName)) found.push(el);
    }
    return found;
  }
  // The whole document: one native query, rather than one per container or per mention.
  const candidates = root.querySelectorAll(`:is(${containers}) :is(${targets})`);
  if (candidates.length === 0) return found;
  // Code rarely holds elements (inline code is text), so looking inside only the code that does is
  // several times cheaper than a second descendant query over the whole document.
  const skip = new Set<Element>();
  for (const tag of CODE_TAGS) {
    // A document keeps its elements indexed by tag name: no walk over the whole tree.
    const codes = 'getElementsByTagName' in root ? (root as Document).getElementsByTagName(tag) : root.querySelectorAll(tag);
    for (const code of codes) if (code.firstElementChild !== null) for (const el of code.querySelectorAll(targets)) skip.add(el);
  }
  if (skip.size === 0) {
    for (const el of candidates) found.push(el);
    return found;
  }
  for (const el of candidates) if (!skip.has(el)) found.push(el);
  return found;
}

/**
 * `read`, run the first time it is asked for and remembered (null included): several features and
 * the capture ask a post's reading for the same part.
 */
export function once<T>(read: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = read();
      done = true;
    }
    return value;
  };
}

/** Collapsed, trimmed text of an element, bounded to `max` characters. */
export function textOf(el: Element | null | undefined, max = 4000): string {
  return el ? flatClip(el.textContent ?? '', max) : '';
}

/** Elements whose edges separate words even where the markup has no whitespace around them. */
const WORD_BREAKS = new Set(['BR', 'P', 'DIV', 'LI', 'UL', 'OL', 'PRE', 'BLOCKQUOTE', 'TABLE', 'TR', 'TD', 'TH', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'DL', 'DT', 'DD', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'FIGURE', 'FIGCAPTION', 'DETAILS', 'SUMMARY']);
/** Elements whose text is not read. */
const UNREAD = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** Daylight's own elements in a post (a Thank host) hold no words of it. */
const isOurs = (node: Node) => node.nodeType === 1 && (node as Element).hasAttribute('data-daylight');

/**
 * `textOf` as a reader sees the words: lines and blocks stay apart where the markup has no
 * whitespace between them (chat tools render "today:" and the code block under it as adjacent
 * elements, which `textContent` glues into "today:pagerbot"). For the search records of tools
 * that render that way (`Adapter.gluedBlocks`): walking the nodes costs several times what
 * `textContent` does, which suits server-rendered Markdown.
 */
export function readableText(el: Element | null | undefined, max = 4000): string {
  if (!el) return '';
  const parts: string[] = [];
  const read = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push((child as Text).data);
      else if (child.nodeType === 1 && !UNREAD.has((child as Element).tagName) && !isOurs(child)) {
        const breaks = WORD_BREAKS.has((child as Element).tagName);
        if (breaks) parts.push(' ');
        read(child);
        if (breaks) parts.push(' ');
      }
    }
  };
  read(el);
  return flatClip(parts.join(''), max);
}

/**
 * The last non-empty path segment of an href (relative or absolute), or null. String work only:
 * it runs for every mention on a page, where building URL objects would dominate.
 */
export function lastPathSegment(href: string | null): string | null {
  if (!href) return null;
  let end = href.length;
  for (const mark of ['?', '#']) {
    const at = href.indexOf(mark);
    if (at >= 0 && at < end) end = at;
  }
  while (end > 0 && href[end - 1] === '/') end -= 1;
  const start = href.lastIndexOf('/', end - 1) + 1;
  // `https://host` alone has no path segment.
  if (start <= 0 ? false : href.slice(0, start).endsWith('//')) return null;
  const segment = href.slice(start, end);
  if (!segment) return null;
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The page URL without its fragment, for building permalinks as `base#id`. */
export function pageBase(doc: Document): string | null {
  const href = doc.location?.href;
  return href ? href.replace(/#.*$/, '') : null;
}

/**
 * Whether the element is rendered for the user: not hidden by attribute, `display: none` or
 * `visibility: hidden`, and not an off-screen helper. Works without layout (jsdom) by reading
 * attributes and inline styles, and uses computed style where there is one.
 */
export function isVisible(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return false;
    if (node.tagName === 'TEXTAREA' && (node as HTMLTextAreaElement).disabled) return false;
    const style = node.ownerDocument.defaultView?.getComputedStyle(node);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

/**
 * An attribute of `el`, or of the link it wraps, or of the link it sits in: releases move an
 * attribute between an element and its link (Asana's actor name became a wrapper of the profile
 * link), and a reading that accepts either keeps working.
 */
export function attributeOrLink(el: Element, name: string, link: string): string | null {
  return el.getAttribute(name) ?? el.querySelector(link)?.getAttribute(name) ?? el.closest(link)?.getAttribute(name) ?? null;
}

/** ISO 8601 from an element's `datetime` attribute, or null. */
export function datetimeOf(el: Element | null | undefined): string | null {
  const value = el?.getAttribute('datetime');
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * A control next to `from` (in the same menu, post or page area, the nearest `scope` around it)
 * whose selector matches, or whose trimmed text is `text`: where tools keep the gentler
 * alternative beside Delete (Hide, Edit, Close).
 */
export function nearbyControl(from: Element, scope: string, selector: string, text?: string): HTMLElement | null {
  const area = from.closest(scope);
  if (!area) return null;
  for (const candidate of area.querySelectorAll<HTMLElement>(selector)) {
    if (candidate === from || candidate.contains(from)) continue;
    if (text === undefined || textOf(candidate, 80) === text) return candidate;
  }
  return null;
}

/**
 * Elements matching `selector` inside `post` that belong to it rather than to a post nested in it
 * (a review holds its inline comments; a thread pane holds its replies): the nearest enclosing post,
 * as `isPost` decides, is `post` itself.
 */
export function ownedBy<T extends Element = HTMLElement>(post: Element, selector: string, postSelector: string, isPost: (el: Element) => boolean = () => true): T[] {
  return [...post.querySelectorAll<T & Element>(selector)].filter((el) => {
    for (let node = el.parentElement?.closest(postSelector) ?? null; node; node = node.parentElement?.closest(postSelector) ?? null) {
      if (node === post) return true;
      if (isPost(node)) return false;
    }
    return false;
  }) as T[];
}

/** A reaction button that names one of `names` (in its label or text) at its start. */
export function namedReaction(buttons: readonly HTMLElement[], names: RegExp): HTMLElement | undefined {
  return buttons.find((b) => names.test((b.getAttribute('aria-label') ?? b.textContent ?? '').trim()));
}

/** Whether a toggle button shows as pressed (the user's own reaction). */
export function isPressed(button: Element): boolean {
  return button.getAttribute('aria-pressed') === 'true' || button.classList.contains('user-has-reacted') || button.classList.contains('selected') || button.classList.contains('c-reaction--reacted') || button.classList.contains('Reaction--reacted');
}
