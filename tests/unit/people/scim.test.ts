// @vitest-environment node
// The real Node fetch against real servers on 127.0.0.1; jsdom's AbortSignal is not one Node's fetch accepts.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchScimDirectory } from '@/lib/people/scim';
import { ENTERPRISE_USER, scimUser, startScimServer, type ScimServer, type ScimServerOptions } from './scim-server';

let server: ScimServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: ScimServerOptions): Promise<ScimServer> {
  server = await startScimServer(options);
  return server;
}

const seven = () => [1, 2, 3, 4, 5, 6, 7].map((n) => scimUser(n));

describe('fetchScimDirectory against a SCIMMY server', () => {
  it('pages through 7 users 3 at a time, reporting progress', async () => {
    const { baseUrl, requests } = await start({ users: seven() });
    const progress: [number, number][] = [];
    const result = await fetchScimDirectory({ baseUrl, token: 'test-token', pageSize: 3, onProgress: (done, total) => progress.push([done, total]) });
    expect(result.ok && result.directory.people.map((p) => p.id)).toEqual(['user1', 'user2', 'user3', 'user4', 'user5', 'user6', 'user7']);
    expect(requests).toEqual(['/scim/v2/Users?startIndex=1&count=3', '/scim/v2/Users?startIndex=4&count=3', '/scim/v2/Users?startIndex=7&count=3']);
    expect(progress).toEqual([
      [3, 7],
      [6, 7],
      [7, 7],
    ]);
  });

  it('maps userName, names, e-mails, the enterprise department, title and ims handles', async () => {
    const { baseUrl } = await start({
      users: [
        scimUser(1, {
          userName: 'priya',
          displayName: 'Priya Raman',
          title: 'Staff Engineer',
          emails: [
            { value: 'old@acme.example', type: 'home' },
            { value: 'priya@acme.example', type: 'work', primary: true },
          ],
          ims: [
            { type: 'github', value: 'priya-r' },
            { type: 'gitlab', value: 'praman' },
            { type: 'gitlab', value: 'priya.raman' },
            { type: 'Slack', value: 'U0PRIYA001' },
            { type: 'gitlab:gitlab.acme.internal', value: 'priya' },
            { type: 'skype', value: 'priya.skype' },
          ],
          [ENTERPRISE_USER]: { department: 'Platform', division: 'Engineering' },
        }),
        scimUser(2, { userName: 'lena', displayName: undefined, name: { formatted: 'Lena Kowalski', givenName: 'Lena' }, emails: [{ value: 'lena@acme.example' }, { value: 'l@acme.example' }], ims: undefined, title: undefined, [ENTERPRISE_USER]: undefined }),
        scimUser(3, { userName: 'sam', displayName: undefined, name: { givenName: 'Sam', familyName: 'Okafor' }, emails: undefined, ims: [] }),
      ],
    });
    const result = await fetchScimDirectory({ baseUrl, token: 'test-token' });
    expect(result).toEqual({
      ok: true,
      warnings: [],
      directory: {
        version: 1,
        people: [
          {
            id: 'priya',
            name: 'Priya Raman',
            email: 'priya@acme.example',
            team: 'Platform',
            title: 'Staff Engineer',
            handles: { github: 'priya-r', gitlab: ['praman', 'priya.raman'], slack: 'U0PRIYA001', 'gitlab:gitlab.acme.internal': 'priya' },
          },
          { id: 'lena', name: 'Lena Kowalski', email: 'lena@acme.example', handles: {} },
          { id: 'sam', name: 'Sam Okafor', team: 'Platform', title: 'Engineer', handles: {} },
        ],
      },
    });
  });

  it('leaves out inactive users with a warning, and names nameless users by userName with a warning', async () => {
    const { baseUrl } = await start({ users: [scimUser(1), scimUser(2, { active: false }), scimUser(3, { displayName: undefined })] });
    const result = await fetchScimDirectory({ baseUrl, token: 'test-token' });
    expect(result).toMatchObject({
      ok: true,
      directory: { people: [{ id: 'user1' }, { id: 'user3', name: 'user3' }] },
      warnings: ['Left out 1 inactive user: user2.', 'This user has no displayName or name, so their userName is shown as the name: user3.'],
    });
  });

  it('imports a user provisioned through SCIM POST, which the server also serves by id', async () => {
    const { baseUrl } = await start({ users: [] });
    const created = await fetch(`${baseUrl}/Users`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-token', 'Content-Type': 'application/scim+json' },
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'new', displayName: 'New Person' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const read = (userId: string) => fetch(`${baseUrl}/Users/${userId}`, { headers: { Authorization: 'Bearer test-token' } });
    expect(await (await read(id)).json()).toMatchObject({ userName: 'new' });
    expect((await read('missing')).status).toBe(404);
    expect(await fetchScimDirectory({ baseUrl, token: 'test-token' })).toMatchObject({ ok: true, directory: { people: [{ id: 'new', name: 'New Person' }] } });
  });

  it('accepts the Users endpoint itself, with a trailing slash, as the base URL', async () => {
    const { baseUrl } = await start({ users: seven() });
    const result = await fetchScimDirectory({ baseUrl: `${baseUrl}/Users/`, token: 'test-token', pageSize: 5 });
    expect(result.ok && result.directory.people).toHaveLength(7);
  });

  it("maps the core timezone and locale attributes, and reports an unknown zone under the SCIM attribute", async () => {
    const { baseUrl } = await start({
      users: [
        scimUser(1, { userName: 'lena', timezone: 'Europe/Warsaw', locale: 'pl_PL' }),
        scimUser(2, { userName: 'ana', timezone: 'America/Sao_Paulo' }),
      ],
    });
    const result = await fetchScimDirectory({ baseUrl, token: 'test-token' });
    expect(result.ok && result.directory.people.map(({ id, timeZone, locale }) => ({ id, timeZone, locale }))).toEqual([
      { id: 'lena', timeZone: 'Europe/Warsaw', locale: 'pl-PL' },
      { id: 'ana', timeZone: 'America/Sao_Paulo', locale: undefined },
    ]);
    await server?.close();
    const bad = await start({ users: [scimUser(1), scimUser(2, { timezone: 'Europe/Warsow' })] });
    expect(await fetchScimDirectory({ baseUrl: bad.baseUrl, token: 'test-token' })).toEqual({
      ok: false,
      errors: [{ line: 2, field: 'timezone', message: '"Europe/Warsow" is not a time zone: use an IANA name such as Europe/Warsaw or America/New_York' }],
    });
  });

  it('reports every bad user at its position in the listing, under the SCIM attribute', async () => {
    const { baseUrl } = await start({ users: [scimUser(1), scimUser(2, { emails: [{ value: 'not-an-email' }] }), scimUser(3, { userName: 'user1' }), scimUser(4)] });
    const result = await fetchScimDirectory({ baseUrl, token: 'test-token', pageSize: 2 });
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, field: 'emails', message: '"not-an-email" is not a valid e-mail address' },
        { line: 3, field: 'userName', message: 'id "user1" is already used on user #1' },
      ],
    });
  });

  it.each<[string, string | undefined, RegExp]>([
    ['no token', undefined, /^HTTP 401 from http:\/\/127\.0\.0\.1:\d+\/scim\/v2\/Users: the server wants a bearer token and none was given$/],
    ['a wrong token', 'wrong', /^HTTP 401 from http:\/\/127\.0\.0\.1:\d+\/scim\/v2\/Users: check the token$/],
  ])('says what is wrong with %s', async (_, token, message) => {
    const { baseUrl } = await start({ users: seven() });
    const result = await fetchScimDirectory({ baseUrl, token });
    expect(result).toEqual({ ok: false, errors: [{ line: 0, message: expect.stringMatching(message) }] });
    if (!result.ok) expect(result.errors[0]?.message).not.toContain('wrong');
  });
});

describe('fetchScimDirectory against servers that ignore paging', () => {
  it('reads a server that sends everyone every time, without totalResults, and stops when a page repeats', async () => {
    const { baseUrl, requests } = await start({ users: seven(), paging: 'ignored' });
    const result = await fetchScimDirectory({ baseUrl, token: 'test-token', pageSize: 3 });
    expect(result.ok && result.directory.people).toHaveLength(7);
    expect(requests).toHaveLength(2);
  });

  it('refuses a partial directory from a server that ignores startIndex, after two requests', async () => {
    const { baseUrl, requests } = await start({ users: seven(), paging: 'stuck' });
    const result = await fetchScimDirectory({ baseUrl, token: 'test-token', pageSize: 3 });
    expect(result).toEqual({ ok: false, errors: [{ line: 0, message: expect.stringMatching(/ignores paging: after 3 of 7 users it sent the same users again/) }] });
    expect(requests).toHaveLength(2);
  });
});

describe('fetchScimDirectory failures', () => {
  async function plainServer(status: number, type: string, body: string): Promise<string> {
    const http = createServer((_, response) => response.writeHead(status, { 'Content-Type': type }).end(body));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    server = { baseUrl: '', requests: [], close: () => new Promise((resolve) => http.close(() => resolve())) };
    return `http://127.0.0.1:${(http.address() as AddressInfo).port}/scim/v2`;
  }

  it.each<[number, string, string, RegExp]>([
    [200, 'text/html', '<html>Sign in</html>', /Users did not answer with JSON: is this the SCIM base URL\?/],
    [200, 'application/json', '{"hello":"world"}', /did not answer with a SCIM ListResponse/],
    [404, 'text/plain', 'nope', /^HTTP 404 from .*\/scim\/v2\/Users: check the address$/],
    [403, 'text/plain', 'nope', /HTTP 403 .*not allowed/],
    [503, 'text/plain', 'down', /HTTP 503 .*try again later/],
  ])('HTTP %i %s', async (status, type, body, message) => {
    const baseUrl = await plainServer(status, type, body);
    expect(await fetchScimDirectory({ baseUrl, token: 't' })).toEqual({ ok: false, errors: [{ line: 0, message: expect.stringMatching(message) }] });
  });

  it('says when the server cannot be reached', async () => {
    const baseUrl = await plainServer(200, 'text/plain', '');
    await server?.close();
    server = undefined;
    expect(await fetchScimDirectory({ baseUrl })).toEqual({ ok: false, errors: [{ line: 0, message: expect.stringMatching(/^Could not reach http:\/\/127\.0\.0\.1:\d+\/scim\/v2\/Users: fetch failed \(ECONNREFUSED\)/) }] });
  });

  it('says when it was cancelled', async () => {
    const { baseUrl } = await start({ users: seven() });
    const controller = new AbortController();
    controller.abort();
    expect(await fetchScimDirectory({ baseUrl, token: 'test-token', signal: controller.signal })).toEqual({ ok: false, errors: [{ line: 0, message: expect.stringMatching(/cancelled/) }] });
  });

  it('says when the base URL is not a URL', async () => {
    expect(await fetchScimDirectory({ baseUrl: 'not a url' })).toEqual({ ok: false, errors: [{ line: 0, message: '"not a url" is not a valid URL.' }] });
  });
});
