import { getText, unreadable } from './directory-http';
import type { ImportResult } from './import-result';
import { parseDirectoryText } from './parse-text';
import { fetchScimDirectory, fetchScimListing } from './scim';

export interface FetchDirectoryOptions {
  url: string;
  token?: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

/** A SCIM base URL (…/scim, …/scim/v2) or its Users endpoint: no need to look before paging. */
const SCIM_URL = /\/(scim(\/v2)?|users)\/?$/i;
const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/**
 * Read the org's directoryUrl (docs/contract.md section 5): a JSON or CSV file, or a SCIM service
 * provider. The response's Content-Type decides, then the body itself, since file hosts often
 * serve everything as text/plain or application/octet-stream. Never throws.
 */
export async function fetchDirectory(options: FetchDirectoryOptions): Promise<ImportResult> {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return unreadable(`"${options.url}" is not a valid URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return unreadable(`${options.url} is not a web address (http or https).`);
  if (SCIM_URL.test(url.pathname)) return fetchScimDirectory({ ...options, baseUrl: url.href });

  const got = await getText(url, { ...options, accept: 'application/json, text/csv;q=0.9, application/scim+json;q=0.8, */*;q=0.1' });
  if (!got.ok) return { ok: false, errors: [got.error] };
  // A SCIM listing at some other address is paged from where it was found.
  if (isScimListing(got.body, got.mediaType)) return fetchScimListing(url, options);
  return parseDirectoryText(got.body, { mediaType: got.mediaType, fileName: url.pathname.split('/').pop() });
}

function isScimListing(body: string, mediaType: string): boolean {
  if (/^application\/scim\+json\b/i.test(mediaType)) return true;
  if (!/^\s*\{/.test(body) || !body.includes(LIST_RESPONSE)) return false;
  try {
    const schemas = (JSON.parse(body) as { schemas?: unknown }).schemas;
    return Array.isArray(schemas) && schemas.includes(LIST_RESPONSE);
  } catch {
    return false;
  }
}
