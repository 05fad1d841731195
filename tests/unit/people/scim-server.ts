import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';

/** A SCIM user as the test server stores and serves it (RFC 7643 section 4.1, plus the enterprise extension). */
export type ScimUser = Record<string, unknown> & { id: string; userName: string };

export interface ScimServerOptions {
  users: ScimUser[];
  token?: string;
  /**
   * 'honoured': SCIMMY pages properly. 'ignored': every request gets every user and no
   * totalResults. 'stuck': startIndex is ignored but count is honoured, so page 1 comes back forever.
   */
  paging?: 'honoured' | 'ignored' | 'stuck';
}

export interface ScimServer {
  baseUrl: string;
  /** Every request path and query the server received, in order. */
  requests: string[];
  close: () => Promise<void>;
}

export const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** The context each request hands to the Users handlers: that server's own users. */
interface RequestContext {
  users: ScimUser[];
}

let declared = false;

/**
 * SCIMMY keeps resources in module-level state, so the Users resource is declared once and finds
 * each server's users through the per-request context instead of a closure.
 */
function declareUsers(): void {
  if (declared) return;
  declared = true;
  // RFC 7643 lists aim, gtalk, icq… as canonical ims types and SCIMMY rejects others; the contract
  // carries tool ids there (as IdPs with custom ims types do), so redefine ims without that limit.
  const { Attribute } = SCIMMY.Types;
  SCIMMY.Schemas.User.definition.truncate('ims');
  SCIMMY.Schemas.User.definition.extend([
    new Attribute('complex', 'ims', { multiValued: true, uniqueness: false }, [
      new Attribute('string', 'value'),
      new Attribute('string', 'display'),
      new Attribute('string', 'type'),
      new Attribute('boolean', 'primary'),
    ]),
  ]);
  SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .extend(SCIMMY.Schemas.EnterpriseUser)
    .ingress((resource, instance, ctx: RequestContext) => {
      const user = { ...JSON.parse(JSON.stringify(instance)), id: resource.id ?? `id-${ctx.users.length + 1}` } as ScimUser;
      const index = ctx.users.findIndex((stored) => stored.id === user.id);
      if (index >= 0) ctx.users[index] = user;
      else ctx.users.push(user);
      return user;
    })
    .egress((resource, ctx: RequestContext) => {
      if (resource.id) {
        const user = ctx.users.find((stored) => stored.id === resource.id);
        // SCIMMY answers any error other than its own or a TypeError with 404 Not Found.
        if (!user) throw new Error(`Resource ${resource.id} not found`);
        return user;
      }
      // SCIMMY hands over the parsed filter but leaves applying it to us; it pages the result itself.
      return resource.filter ? resource.filter.match(ctx.users) : ctx.users;
    });
}

/** Start a SCIM 2.0 service provider on 127.0.0.1 at a free port; its base URL ends in /scim/v2. */
export async function startScimServer(options: ScimServerOptions): Promise<ScimServer> {
  declareUsers();
  const token = options.token ?? 'test-token';
  const requests: string[] = [];
  const app = express();
  app.use((request, _response, next) => {
    requests.push(request.originalUrl);
    next();
  });
  if (options.paging === 'ignored' || options.paging === 'stuck') {
    app.get('/scim/v2/Users', (request, response) => {
      if (request.header('Authorization') !== `Bearer ${token}`) return void response.status(401).end();
      const count = Number(request.query.count);
      const users = options.paging === 'stuck' ? options.users.slice(0, count) : options.users;
      const totals = options.paging === 'stuck' ? { totalResults: options.users.length, startIndex: 1, itemsPerPage: users.length } : {};
      response.type('application/scim+json').send(JSON.stringify({ schemas: [LIST_RESPONSE], ...totals, Resources: users }));
    });
  }
  app.use(
    '/scim/v2',
    new SCIMMYRouters({
      type: 'bearer',
      handler: (request) => {
        if (request.header('Authorization') !== `Bearer ${token}`) throw new Error('Authorization failed: a valid bearer token is required');
        return 'test-admin';
      },
      context: (): RequestContext => ({ users: options.users }),
    }),
  );
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/scim/v2`,
    requests,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** A SCIM user with the fields Daylight reads; `extra` overrides or adds any attribute. */
export function scimUser(n: number, extra: Record<string, unknown> = {}): ScimUser {
  const userName = `user${n}`;
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE_USER],
    id: `id-${n}`,
    userName,
    displayName: `User ${n}`,
    emails: [{ value: `${userName}@acme.example`, type: 'work', primary: true }],
    title: 'Engineer',
    active: true,
    ims: [{ type: 'github', value: `gh-${userName}` }],
    [ENTERPRISE_USER]: { department: 'Platform' },
    ...extra,
  };
}
