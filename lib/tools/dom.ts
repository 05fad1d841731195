/** DOM helpers shared by the adapters. All take their root as an argument. */

/** Elements matching `selector` inside `root`, and `root` itself when it matches. */
export function queryAllWithin(root: ParentNode, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  // Duck-typed, not `instanceof Element`: saved pages in tests live in another window.
  if ('matches' in root && (root as Element).matches(selector)) found.unshift(root as Element);
  return found;
}

/** True inside code, where tools never link mentions and `@name` is literal text. */
export function insideCode(el: Element): boolean {
  return el.closest('pre, code, tt') !== null;
}

/** Collapsed, trimmed text of an element, bounded to `max` characters. */
export function textOf(el: Element | null | undefined, max = 4000): string {
  if (!el) return '';
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The last non-empty path segment of an href (relative or absolute), or null. */
export function lastPathSegment(href: string | null, base = 'https://invalid.example/'): string | null {
  if (!href) return null;
  try {
    const segments = new URL(href, base).pathname.split('/').filter(Boolean);
    return segments.at(-1) ?? null;
  } catch {
    return null;
  }
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

/** ISO 8601 from an element's `datetime` attribute, or null. */
export function datetimeOf(el: Element | null | undefined): string | null {
  const value = el?.getAttribute('datetime');
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
