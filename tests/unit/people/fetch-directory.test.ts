// @vitest-environment node
// The real Node fetch against a real server on 127.0.0.1.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchDirectory } from '@/lib/people/fetch-directory';

const TOKEN = 'secret-token';
const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const JSON_BODY = JSON.stringify({ version: 1, people: [{ id: 'priya', name: 'Priya Raman', handles: { github: 'priya-r' } }] });
const CSV_BODY = 'id,name,github\r\npriya,Priya Raman,priya-r\r\n';
const PRIYA = [{ id: 'priya', name: 'Priya Raman', handles: { github: 'priya-r' } }];
const USERS = [1, 2, 3, 4, 5].map((n) => ({ id: `u${n}`, userName: `user${n}`, displayName: `User ${n}` }));

/** A SCIM ListResponse page of USERS, honouring startIndex and count as RFC 7644 section 3.4.2.4 says. */
function scimPage(url: URL, response: ServerResponse, mediaType = 'application/scim+json'): void {
  const startIndex = Number(url.searchParams.get('startIndex') ?? 1);
  const count = Number(url.searchParams.get('count') ?? 100);
  const Resources = USERS.slice(startIndex - 1, startIndex - 1 + count);
  response.writeHead(200, { 'Content-Type': mediaType }).end(JSON.stringify({ schemas: [LIST_RESPONSE], totalResults: USERS.length, startIndex, itemsPerPage: Resources.length, Resources }));
}

const routes: Record<string, (url: URL, response: ServerResponse) => void> = {
  '/people.json': (_, response) => response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON_BODY),
  '/people.csv': (_, response) => response.writeHead(200, { 'Content-Type': 'text/csv' }).end(`\uFEFF${CSV_BODY}`),
  '/raw/people': (_, response) => response.writeHead(200, { 'Content-Type': 'text/plain' }).end(JSON_BODY),
  '/export': (_, response) => response.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(CSV_BODY),
  '/broken.csv': (_, response) => response.writeHead(200, { 'Content-Type': 'text/csv' }).end('id,name\r\n,No Id\r\n'),
  '/scim/v2/Users': (url, response) => scimPage(url, response),
  '/api/people': (url, response) => scimPage(url, response),
  '/api/people-as-json': (url, response) => scimPage(url, response, 'application/json'),
};

let server: Server;
let origin: string;
let seen: { path: string; authorization?: string; accept?: string }[] = [];

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    seen.push({ path: `${url.pathname}${url.search}`, authorization: request.headers.authorization, accept: request.headers.accept });
    if (url.pathname.startsWith('/private') && request.headers.authorization !== `Bearer ${TOKEN}`) return void response.writeHead(401).end();
    const route = routes[url.pathname.replace(/^\/private/, '')];
    if (!route) return void response.writeHead(404).end();
    route(url, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
});

describe('fetchDirectory', () => {
  it.each([
    ['JSON served as application/json', '/people.json'],
    ['CSV served as text/csv, with a BOM', '/people.csv'],
    ['JSON served as text/plain', '/raw/people'],
    ['CSV served as application/octet-stream', '/export'],
  ])('reads %s', async (_, path) => {
    expect(await fetchDirectory({ url: `${origin}${path}` })).toEqual({ ok: true, directory: { version: 1, people: PRIYA }, warnings: [] });
  });

  it('sends the bearer token and asks for the directory formats', async () => {
    expect(await fetchDirectory({ url: `${origin}/private/people.json`, token: TOKEN })).toMatchObject({ ok: true });
    expect(seen).toEqual([{ path: '/private/people.json', authorization: `Bearer ${TOKEN}`, accept: expect.stringContaining('application/json') }]);
  });

  it('says the server wants a token, without one', async () => {
    expect(await fetchDirectory({ url: `${origin}/private/people.json` })).toEqual({
      ok: false,
      errors: [{ line: 0, message: `HTTP 401 from ${origin}/private/people.json: the server wants a bearer token and none was given` }],
    });
  });

  it('pages a SCIM base URL without fetching the base itself', async () => {
    const result = await fetchDirectory({ url: `${origin}/private/scim/v2`, token: TOKEN });
    expect(result.ok && result.directory.people.map((p) => p.id)).toEqual(['user1', 'user2', 'user3', 'user4', 'user5']);
    expect(seen.map((r) => r.path)).toEqual(['/private/scim/v2/Users?startIndex=1&count=100']);
    expect(seen[0]).toMatchObject({ authorization: `Bearer ${TOKEN}`, accept: 'application/scim+json, application/json' });
  });

  it('recognises a SCIM listing by its media type and pages it where it was found, keeping its query', async () => {
    const result = await fetchDirectory({ url: `${origin}/api/people?filter=active%20eq%20true` });
    expect(result.ok && result.directory.people).toHaveLength(5);
    expect(seen.map((r) => r.path)).toEqual(['/api/people?filter=active%20eq%20true', '/api/people?filter=active+eq+true&startIndex=1&count=100']);
  });

  it('recognises a SCIM ListResponse served as application/json by its schemas', async () => {
    const result = await fetchDirectory({ url: `${origin}/api/people-as-json` });
    expect(result.ok && result.directory.people).toHaveLength(5);
  });

  it('reports a bad file row by row', async () => {
    expect(await fetchDirectory({ url: `${origin}/broken.csv` })).toEqual({ ok: false, errors: [{ line: 2, field: 'id', message: 'id is empty' }] });
  });

  it('reports a missing file', async () => {
    expect(await fetchDirectory({ url: `${origin}/nothing.json` })).toEqual({ ok: false, errors: [{ line: 0, message: `HTTP 404 from ${origin}/nothing.json: check the address` }] });
  });

  it.each([
    ['not a URL', 'people.json', '"people.json" is not a valid URL.'],
    ['not a web address', 'file:///etc/passwd', 'file:///etc/passwd is not a web address (http or https).'],
  ])('refuses %s', async (_, url, message) => {
    expect(await fetchDirectory({ url })).toEqual({ ok: false, errors: [{ line: 0, message }] });
  });
});
