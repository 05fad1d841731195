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

/** True when the document has at least one element matching any of the selectors. */
export function hasAny(doc: Document, selectors: readonly string[]): boolean {
  return selectors.some((selector) => doc.querySelector(selector) !== null);
}
