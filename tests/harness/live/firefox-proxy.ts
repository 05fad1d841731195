import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ToolId } from '../../../lib/tools/tool-ids';
import type { LiveServers } from './browser';
import { FORWARDED_HOST } from './servers';

/** The tools live search asks on their real hosts (the others are configured on loopback origins). */
const SAAS: Partial<Record<string, ToolId>> = { 'github.com': 'github', 'gitlab.com': 'gitlab', 'app.asana.com': 'asana', 'gitea.com': 'gitea', 'codeberg.org': 'gitea' };

export interface SaasProxy {
  /** Firefox preferences that send every https request through the proxy. */
  prefs: Record<string, string | number | boolean>;
  close(): Promise<void>;
}

/**
 * Firefox's WebDriver BiDi network interception sees the requests of tabs, not those of an
 * extension's background page, so the background's live searches on github.com, gitlab.com,
 * app.asana.com, gitea.com and codeberg.org cannot be answered there. This is an HTTPS proxy for them instead: Firefox
 * (network.proxy.*) opens a CONNECT tunnel, the proxy ends TLS with a throwaway self-signed
 * certificate (Firefox launched with acceptInsecureCerts) and passes each request, cookies and
 * all, to that tool's loopback server. Any other host is refused: nothing reaches the network.
 */
export async function startSaasProxy(servers: LiveServers): Promise<SaasProxy> {
  const dir = mkdtempSync(path.join(tmpdir(), 'daylight-proxy-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=daylight-test-proxy', '-addext', `subjectAltName=${Object.keys(SAAS).map((h) => `DNS:${h}`).join(',')}`], { stdio: 'ignore' });
  const tls = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (request: IncomingMessage, response: ServerResponse) => {
    const tool = SAAS[(request.headers.host ?? '').split(':')[0]!];
    if (!tool) return void response.writeHead(502).end('not a live-search host');
    const target = new URL(request.url ?? '/', servers[tool].origin);
    const upstream = httpRequest(target, { method: request.method, headers: { ...request.headers, host: target.host, [FORWARDED_HOST]: request.headers.host ?? '' } }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  const proxy = createHttpServer((_request, response) => response.writeHead(405).end('CONNECT only'));
  proxy.on('connect', (request: IncomingMessage, socket: Socket) => {
    const [host, port] = (request.url ?? '').split(':');
    if (!host || !(host in SAAS) || port !== '443') return void socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n', () => tls.emit('connection', socket));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as AddressInfo).port;
  return {
    prefs: { 'network.proxy.type': 1, 'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': port, 'network.proxy.share_proxy_settings': false },
    close: () =>
      new Promise((resolve) => {
        proxy.closeAllConnections();
        tls.closeAllConnections();
        proxy.close(() => resolve());
        rmSync(dir, { recursive: true, force: true });
      }),
  };
}
