import { getText, shown, unreadable } from './directory-http';
import { isHandleKey } from './handle-key';
import type { ImportResult } from './import-result';
import { importResult, PeopleValidator } from './validate-people';

export interface ScimOptions {
  baseUrl: string;
  token?: string;
  pageSize?: number;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const ACCEPT = 'application/scim+json, application/json';
/** A server that keeps inventing users would otherwise be paged forever. */
const MAX_USERS = 1_000_000;

/** Read a SCIM 2.0 service provider's users as a directory (docs/contract.md section 4). Never throws. */
export function fetchScimDirectory(options: ScimOptions): Promise<ImportResult> {
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    return Promise.resolve(unreadable(`"${options.baseUrl}" is not a valid URL.`));
  }
  return fetchScimListing(usersEndpoint(base), options);
}

/** `{base}/Users`; a base that already is the Users endpoint is used as it is. */
function usersEndpoint(base: URL): URL {
  const url = new URL(base);
  if (!/\/users\/?$/i.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/+$/, '')}/Users`;
  return url;
}

/**
 * Page through a SCIM listing URL (RFC 7644 section 3.4.2.4) until startIndex passes
 * totalResults or a page comes back empty. Some servers ignore startIndex and send the same page
 * again: a page with no new users stops the loop, and is an error if users are still missing,
 * because importing part of the org would archive everyone else.
 */
export async function fetchScimListing(listing: URL, options: Omit<ScimOptions, 'baseUrl'>): Promise<ImportResult> {
  const pageSize = Math.max(1, Math.min(1000, Math.floor(options.pageSize ?? 100)));
  const where = shown(listing);
  const users: ListedUser[] = [];
  const seen = new Set<string>();
  let total: number | undefined;
  let startIndex = 1;
  for (;;) {
    const url = new URL(listing);
    url.searchParams.set('startIndex', String(startIndex));
    url.searchParams.set('count', String(pageSize));
    const got = await getText(url, { ...options, accept: ACCEPT });
    if (!got.ok) return { ok: false, errors: [got.error] };
    const page = listResponseOf(got.body);
    if (typeof page === 'string') return unreadable(`${where} ${page}`);
    total = page.totalResults ?? total;
    if (page.resources.length === 0) break;
    const fresh = page.resources.flatMap((user, i) => {
      const key = resourceKey(user);
      if (key !== undefined && seen.has(key)) return [];
      if (key !== undefined) seen.add(key);
      return [{ position: startIndex + i, user }];
    });
    if (fresh.length === 0) {
      if (total !== undefined && users.length < total) {
        return unreadable(`${where} ignores paging: after ${users.length} of ${total} users it sent the same users again, so the directory would be incomplete. Nothing was imported.`);
      }
      break;
    }
    users.push(...fresh);
    options.onProgress?.(users.length, Math.max(total ?? 0, users.length));
    if (users.length > MAX_USERS) return unreadable(`${where} listed more than ${MAX_USERS} users; stopped reading.`);
    startIndex += page.resources.length;
    if (total !== undefined && startIndex > total) break;
  }
  return directoryOf(users);
}

/** A user and its 1-based position in the listing, which errors cite as its line. */
interface ListedUser {
  position: number;
  user: unknown;
}

interface ListPage {
  totalResults?: number;
  resources: unknown[];
}

/** The page, or what is wrong with it, worded to follow the URL. */
function listResponseOf(body: string): ListPage | string {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return 'did not answer with JSON: is this the SCIM base URL?';
  }
  if (!isRecord(data)) return 'did not answer with a SCIM ListResponse.';
  const schemas = attribute(data, 'schemas');
  const resources = attribute(data, 'Resources');
  const totalResults = attribute(data, 'totalResults');
  const listed = Array.isArray(schemas) && schemas.includes(LIST_RESPONSE);
  if (!listed && !Array.isArray(resources)) return 'did not answer with a SCIM ListResponse.';
  if (resources !== undefined && !Array.isArray(resources)) return 'sent a ListResponse whose Resources is not a list.';
  return { totalResults: typeof totalResults === 'number' ? totalResults : undefined, resources: resources ?? [] };
}

/** Paging overlap is recognised by the server's own id, else by userName. */
function resourceKey(user: unknown): string | undefined {
  if (!isRecord(user)) return undefined;
  const id = text(attribute(user, 'id'));
  if (id) return `id:${id}`;
  const userName = text(attribute(user, 'userName'));
  return userName ? `userName:${userName}` : undefined;
}

function directoryOf(users: readonly ListedUser[]): ImportResult {
  const inactive: string[] = [];
  const unnamed: string[] = [];
  const validator = new PeopleValidator({ field: scimAttributeOf, place: (position) => `user #${position}` });
  for (const { position, user } of users) {
    if (!isRecord(user)) validator.add(position, user);
    else if (attribute(user, 'active') === false) inactive.push(text(attribute(user, 'userName')) ?? `user #${position}`);
    else {
      const person = personInput(user);
      if (person.nameFromUserName) unnamed.push(String(person.input.id));
      validator.add(position, person.input);
    }
  }
  const warnings: string[] = [];
  if (inactive.length > 0) warnings.push(`Left out ${inactive.length} inactive ${inactive.length === 1 ? 'user' : 'users'}: ${listed(inactive)}.`);
  if (unnamed.length > 0) warnings.push(`${unnamed.length === 1 ? 'This user has' : 'These users have'} no displayName or name, so their userName is shown as the name: ${listed(unnamed)}.`);
  return importResult(validator.people, validator.errors, warnings);
}

/**
 * Contract mapping: id = userName; name = displayName, else name.formatted, else given + family
 * name; email = the primary email, else the first; team = enterprise department; title = title; timeZone = timezone; locale = locale;
 * handles = ims entries whose type is a handle key (other ims types, like skype, are not ours).
 */
function personInput(user: Record<string, unknown>): { input: Record<string, unknown>; nameFromUserName: boolean } {
  const id = attribute(user, 'userName');
  const name = nameOf(user);
  const input: Record<string, unknown> = { id, name: name ?? id };
  const email = emailOf(attribute(user, 'emails'));
  if (email) input.email = email;
  const enterprise = attribute(user, ENTERPRISE_USER);
  const team = isRecord(enterprise) ? text(attribute(enterprise, 'department')) : undefined;
  if (team) input.team = team;
  const title = text(attribute(user, 'title'));
  if (title) input.title = title;
  // Core User attributes (RFC 7643 section 4.1.1): an IANA zone and a BCP 47 language tag.
  const timeZone = text(attribute(user, 'timezone'));
  if (timeZone) input.timeZone = timeZone;
  const locale = text(attribute(user, 'locale'));
  if (locale) input.locale = locale.replaceAll('_', '-');
  input.handles = handlesOf(attribute(user, 'ims'));
  return { input, nameFromUserName: name === undefined && typeof id === 'string' && id.trim() !== '' };
}

function nameOf(user: Record<string, unknown>): string | undefined {
  const displayName = text(attribute(user, 'displayName'));
  if (displayName) return displayName;
  const name = attribute(user, 'name');
  if (!isRecord(name)) return undefined;
  const formatted = text(attribute(name, 'formatted'));
  if (formatted) return formatted;
  const parts = [text(attribute(name, 'givenName')), text(attribute(name, 'familyName'))].filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function emailOf(emails: unknown): string | undefined {
  if (!Array.isArray(emails)) return undefined;
  const entries = emails.filter(isRecord).filter((entry) => text(attribute(entry, 'value')) !== undefined);
  const chosen = entries.find((entry) => attribute(entry, 'primary') === true) ?? entries[0];
  return chosen ? text(attribute(chosen, 'value')) : undefined;
}

function handlesOf(ims: unknown): Record<string, string | string[]> {
  const lists = new Map<string, string[]>();
  if (Array.isArray(ims)) {
    for (const entry of ims.filter(isRecord)) {
      const key = text(attribute(entry, 'type'))?.toLowerCase();
      const value = text(attribute(entry, 'value'));
      if (key === undefined || value === undefined || !isHandleKey(key)) continue;
      lists.set(key, [...(lists.get(key) ?? []), value]);
    }
  }
  return Object.fromEntries([...lists].map(([key, values]) => [key, values.length === 1 ? (values[0] as string) : values]));
}

const SCIM_ATTRIBUTES: Record<string, string> = { id: 'userName', name: 'displayName', email: 'emails', team: 'department', title: 'title', timeZone: 'timezone', locale: 'locale' };

function scimAttributeOf(personField: string): string {
  return SCIM_ATTRIBUTES[personField] ?? 'ims';
}

/** SCIM attribute names are case-insensitive (RFC 7643 section 2.1); servers do vary the case. */
function attribute(record: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(record, name)) return record[name];
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listed(names: readonly string[]): string {
  return names.length <= 20 ? names.join(', ') : `${names.slice(0, 20).join(', ')} and ${names.length - 20} more`;
}
