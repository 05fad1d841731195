/**
 * A host element for Daylight UI on a page: carries `data-daylight="<name>"` (the contract's
 * marker) and an open shadow root, so host styles never leak in and ours never leak out.
 */
export function createShadowHost(name: string, css: string, options: { shareStyles?: boolean } = {}): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('div');
  host.setAttribute('data-daylight', name);
  return { host, root: attachStyledShadow(host, css, options) };
}

/** The open shadow root of a host made earlier (UI built only when it is needed), with `css`. */
export function attachStyledShadow(host: HTMLElement, css: string, options: { shareStyles?: boolean } = {}): ShadowRoot {
  const root = host.attachShadow({ mode: 'open' });
  const shared = options.shareStyles ? sharedSheet(css) : null;
  if (shared) {
    root.adoptedStyleSheets = [shared];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  return root;
}

const sheets = new Map<string, CSSStyleSheet>();
/**
 * One constructed style sheet per CSS text, adopted by every host that uses it: UI repeated in
 * hundreds of posts would otherwise parse its `<style>` hundreds of times. Null where the browser
 * cannot construct sheets; the host then gets its own `<style>`.
 */
function sharedSheet(css: string): CSSStyleSheet | null {
  let sheet = sheets.get(css);
  if (!sheet) {
    if (typeof CSSStyleSheet === 'undefined' || typeof CSSStyleSheet.prototype.replaceSync !== 'function') return null;
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}

/** Create an element with text content only: page-derived strings never become HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Whether the page around `anchor` is dark, from the first opaque background above it. */
export function isDarkAround(anchor: Element): boolean {
  for (let node: Element | null = anchor; node; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor;
    const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(color);
    // Translucent highlights (a mention's tint) say nothing about the page's theme.
    if (!match || (match[4] !== undefined && Number(match[4]) < 0.5)) continue;
    const [r, g, b] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
  }
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}
