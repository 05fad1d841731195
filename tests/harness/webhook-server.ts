import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST the webhook received, and how it answered. */
export interface WebhookDelivery {
  key: string | null;
  body: Record<string, unknown>;
  status: number;
}

export interface WebhookServer {
  url: string;
  /** Every request, in order. */
  deliveries: WebhookDelivery[];
  /** Answered 2xx: the announcements the organisation actually got. */
  accepted(): WebhookDelivery[];
  /** Answer the next `count` requests with 500 (the default is to accept). */
  failNext(count: number): void;
  /** Answer every request with 503 until called with false. */
  setDown(down: boolean): void;
  /** Hold the next `count` requests for `ms` before answering (a slow or hung webhook). */
  stallNext(count: number, ms: number): void;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

/**
 * A Slack/Mattermost-style incoming webhook on 127.0.0.1 (a real HTTP server, loopback only) that
 * can fail, go down or stall on demand, and records what it received.
 */
export async function startWebhookServer(port = 0): Promise<WebhookServer> {
  const deliveries: WebhookDelivery[] = [];
  let failures = 0;
  let down = false;
  let stalls = 0;
  let stallMs = 0;
  const server = createServer((request, response) => {
    void readBody(request).then(async (text) => {
      if (stalls > 0) {
        stalls -= 1;
        await new Promise((resolve) => setTimeout(resolve, stallMs));
      }
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        body = { unparsed: text };
      }
      const status = request.method !== 'POST' ? 405 : down ? 503 : failures > 0 ? 500 : 200;
      if (status === 500) failures -= 1;
      const key = typeof request.headers['idempotency-key'] === 'string' ? request.headers['idempotency-key'] : null;
      deliveries.push({ key, body, status });
      if (response.writableEnded || response.destroyed) return;
      response.writeHead(status, { 'Content-Type': 'text/plain' });
      response.end(status === 200 ? 'ok' : 'failed');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/hooks/kudos`,
    deliveries,
    accepted: () => deliveries.filter((d) => d.status >= 200 && d.status < 300),
    failNext: (count) => (failures = count),
    setDown: (value) => (down = value),
    stallNext: (count, ms) => {
      stalls = count;
      stallMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
