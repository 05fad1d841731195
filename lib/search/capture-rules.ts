import type { Settings } from '../settings';

/**
 * Which pages are never captured: the organisation's `captureExclude` and the user's own skipped
 * sites, both as match patterns (`<scheme>://<host>/<path>` with `*` wildcards, or `<all_urls>`).
 * Plain string work without schemas: the content script asks this on every page.
 */
function escape(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** A match pattern as a test on URLs, or null when it is not a valid pattern. */
export function patternTest(pattern: string): ((url: URL) => boolean) | null {
  const p = pattern.trim();
  if (p === '<all_urls>') return (url) => url.protocol === 'https:' || url.protocol === 'http:';
  const m = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(p);
  if (!m) return null;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const hostTest =
    host === '*' ? () => true : host.startsWith('*.') ? (h: string) => h === host.slice(2) || h.endsWith(host.slice(1)) : (h: string) => h === host.toLowerCase();
  const pathRe = new RegExp(`^${path.split('*').map(escape).join('.*')}$`);
  return (url) =>
    (scheme === '*' ? url.protocol === 'https:' || url.protocol === 'http:' : url.protocol === `${scheme}:`) &&
    hostTest(url.hostname) &&
    pathRe.test(url.pathname + url.search);
}

export type CaptureVerdict = { capture: true } | { capture: false; reason: string };

/** Whether a page may be captured under these settings, and if not, why (for the user). */
export function captureVerdict(url: URL, settings: Pick<Settings, 'capturePaused' | 'captureExclude' | 'captureSkip'>): CaptureVerdict {
  if (settings.capturePaused) return { capture: false, reason: 'Capture is paused.' };
  for (const pattern of settings.captureExclude) {
    if (patternTest(pattern)?.(url)) return { capture: false, reason: `Your organisation excludes ${pattern}.` };
  }
  for (const pattern of settings.captureSkip) {
    if (patternTest(pattern)?.(url)) return { capture: false, reason: `You skip ${pattern}.` };
  }
  return { capture: true };
}

