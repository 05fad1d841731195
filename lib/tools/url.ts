/** Non-empty, decoded path segments of a URL: `/acme/repo/issues/1/` → `['acme','repo','issues','1']`. */
export function pathSegments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/**
 * Whether a URL is on one of the hosts of `https://host/*` or `https://*.host/*` match patterns
 * (the only forms adapters declare). Plain string work: content scripts ask this on every page.
 */
export function onPatternHost(patterns: readonly string[], url: URL): boolean {
  return patterns.some((pattern) => {
    const match = /^(https?|\*):\/\/(\*\.)?([^/]+)\/\*$/.exec(pattern);
    if (!match || (match[1] !== '*' && `${match[1]}:` !== url.protocol)) return false;
    return url.hostname === match[3] || (match[2] !== undefined && url.hostname.endsWith(`.${match[3]}`));
  });
}

/** True when the document has at least one element matching any of the selectors. */
export function hasAny(doc: Document, selectors: readonly string[]): boolean {
  return selectors.some((selector) => doc.querySelector(selector) !== null);
}
