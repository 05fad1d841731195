import type { ImportResult, RowError } from './import-result';

export interface GetOptions {
  token?: string;
  accept: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

export type GetOutcome = { ok: true; body: string; mediaType: string } | { ok: false; error: RowError };

/**
 * GET a directory source with the org's bearer token. Every failure becomes a line-0 error that
 * says what happened and what to check; the token itself never appears in a message.
 */
export async function getText(url: URL, options: GetOptions): Promise<GetOutcome> {
  const where = shown(url);
  const headers: Record<string, string> = { Accept: options.accept };
  const token = options.token?.trim();
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    // Called as a plain function: window.fetch throws "Illegal invocation" when called as a method of `options`.
    const fetchFn = options.fetch ?? fetch;
    const response = await fetchFn(url, { headers, signal: options.signal });
    if (!response.ok) return failed(`HTTP ${response.status} from ${where}: ${advice(response.status, Boolean(token))}`);
    return { ok: true, body: await response.text(), mediaType: response.headers.get('content-type') ?? '' };
  } catch (error) {
    if (options.signal?.aborted) return failed(`Stopped reading ${where}: the import was cancelled.`);
    return failed(`Could not reach ${where}: ${reasonOf(error)}`);
  }
}

/** A URL as messages show it: without the query, which holds paging parameters and sometimes secrets. */
export function shown(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** The source as a whole could not be read: one line-0 error. */
export function unreadable(message: string): ImportResult {
  return { ok: false, errors: [{ line: 0, message }] };
}

function failed(message: string): { ok: false; error: RowError } {
  return { ok: false, error: { line: 0, message } };
}

function advice(status: number, hadToken: boolean): string {
  if (status === 401) return hadToken ? 'check the token' : 'the server wants a bearer token and none was given';
  if (status === 403) return 'the token is not allowed to read the directory';
  if (status === 404) return 'check the address';
  if (status === 429) return 'the server is limiting requests; try again later';
  if (status >= 500) return 'the server failed; try again later';
  return 'the server refused the request';
}

/** Node and browsers report network failures as a bare "fetch failed"/"Failed to fetch"; the cause says more. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  const detail = cause instanceof Error ? ((cause as Error & { code?: string }).code ?? cause.message) : undefined;
  return detail ? `${error.message} (${detail})` : error.message;
}
