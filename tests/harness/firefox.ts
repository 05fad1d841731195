import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../lib/extension-ids';
import { ROOT } from './chromium';
import { fixtureHtml, type FixtureEntry } from './fixture-catalog';
import type { ExtraPages } from './serve-fixtures';
import type { Tab } from '../e2e/pages/daylight-page';

export const FIREFOX = process.env.DAYLIGHT_FIREFOX ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = path.join(ROOT, '.output/firefox-mv3');

/**
 * The add-on's internal UUID, fixed through `extensions.webextensions.uuids` so that its pages have
 * a known address (Firefox picks a random one per profile otherwise).
 */
export const ADDON_UUID = '6d1a3b52-0c1e-4a8e-9f3e-6a7c2b9d1e01';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

export type ExtensionPageName = 'popup' | 'options' | 'welcome';

export interface LaunchFirefoxOptions {
  /** Extra preferences (for instance a short `extensions.background.idle.timeout`). */
  prefs?: Record<string, string | number | boolean>;
  /** Install the built add-on (default). A policy test lets policies.json install it instead. */
  install?: boolean;
  /** Accept any TLS certificate, browser-wide (for a test proxy's own; tests/harness/live/firefox-proxy.ts). */
  acceptInsecureCerts?: boolean;
}

export interface FirefoxDaylight {
  browser: Browser;
  /** A new tab, selected (Firefox hides the others: no frames, nothing on screen). */
  newPage(): Promise<Page>;
  /** A new tab showing one of Daylight's own pages, loaded. */
  extensionPage(name: ExtensionPageName): Promise<Page>;
  /**
   * Serve saved pages at the tools' real URLs, with their same-origin API answers, to every tab,
   * the background and content scripts alike; replaces what was served before.
   */
  serve(entries: readonly FixtureEntry[], extra?: ExtraPages): void;
  close(): Promise<void>;
}

/** Loopback test servers (webhooks, directories) are reached for real; every other host is answered here. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi, with the Firefox build of Daylight
 * installed as a temporary add-on, in a throwaway profile. Never downloads a browser.
 */
export async function launchFirefox(options: LaunchFirefoxOptions = {}): Promise<FirefoxDaylight> {
  const install = options.install ?? true;
  if (install && !existsSync(path.join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${FIREFOX_BUILD}: run \`npm run build:firefox\` first.`);
  }
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: install it with \`apt-get install -y firefox-esr\`.`);
  const profile = mkdtempSync(path.join(tmpdir(), 'daylight-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    defaultViewport: { width: 1280, height: 800 },
    acceptInsecureCerts: options.acceptInsecureCerts ?? false,
    // Extension pages (moz-extension:) are privileged documents: BiDi reaches them only with this.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: ADDON_UUID }),
      ...options.prefs,
    },
  });
  try {
    if (install) await browser.installExtension(FIREFOX_BUILD);
  } catch (error) {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`Firefox refused the add-on in ${FIREFOX_BUILD}: ${String(error)}`);
  }

  let pages = new Map<string, () => string>();
  let api = new Map<string, unknown>();
  const respond = (url: URL): { status: number; contentType: string; body: string } | null => {
    if (LOOPBACK.has(url.hostname)) return null;
    url.hash = '';
    const page = pages.get(url.href);
    if (page) return { status: 200, contentType: 'text/html; charset=utf-8', body: page() };
    if (api.has(url.href)) return { status: 200, contentType: 'application/json', body: JSON.stringify(api.get(url.href)) };
    return { status: 404, contentType: 'text/plain', body: `Not in the Daylight fixtures: ${url.href}` };
  };
  await interceptEveryRequest(browser, respond);

  return {
    browser,
    newPage: () => browser.newPage(),
    async extensionPage(name) {
      const page = await browser.newPage();
      const url = `${EXTENSION_ORIGIN}/${name}.html`;
      // Puppeteer never sees an extension page's load over BiDi, so its goto would wait forever:
      // start the navigation and wait for the document instead.
      void page.goto(url, { timeout: 0 }).catch(() => undefined);
      await pollPage(page, (url) => location.href === url && document.readyState === 'complete', url);
      return page;
    },
    serve(entries, extra = {}) {
      pages = new Map();
      api = new Map();
      for (const entry of entries) {
        pages.set(withoutHash(entry.url), () => fixtureHtml(entry));
        const origin = new URL(entry.url).origin;
        for (const [pathname, body] of Object.entries(entry.api ?? {})) api.set(origin + pathname, body);
      }
      for (const [url, html] of Object.entries(extra)) pages.set(withoutHash(url), () => html);
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Wait until `condition` holds in the page. Puppeteer's waitForFunction builds its poller with
 * Function(), which extension pages' CSP forbids; evaluate (BiDi's script.callFunction) is allowed.
 */
export async function pollPage<A>(page: Tab, condition: (arg: A) => boolean, arg: A, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    // A navigation in progress destroys the context being asked: that is a "not yet".
    if (await page.evaluate(condition, arg).catch(() => false)) return;
    if (performance.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${condition.toString()} in ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The BiDi connection under Puppeteer's browser: public on its BiDi implementation, not in its types. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
  on(event: string, handler: (params: Record<string, unknown>) => void): void;
}

interface BeforeRequestSent {
  isBlocked: boolean;
  intercepts?: string[];
  request: { request: string; url: string };
}

/**
 * Answer every http(s) request of the browser (any tab, the background, content scripts) with
 * `respond`, or let it through when it returns null, through one BiDi intercept. Puppeteer's own
 * request interception is per tab and missed some content-script fetches right after a
 * cross-origin navigation, which then hung.
 */
async function interceptEveryRequest(browser: Browser, respond: (url: URL) => { status: number; contentType: string; body: string } | null): Promise<void> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const { result } = await connection.send('network.addIntercept', {
    phases: ['beforeRequestSent'],
    urlPatterns: [{ type: 'pattern', protocol: 'https' }, { type: 'pattern', protocol: 'http' }],
  });
  const intercept = result.intercept as string;
  connection.on('network.beforeRequestSent', (params) => {
    const event = params as unknown as BeforeRequestSent;
    if (!event.isBlocked || !event.intercepts?.includes(intercept)) return;
    const request = event.request.request;
    const answer = respond(new URL(event.request.url));
    const sent = answer
      ? connection.send('network.provideResponse', {
          request,
          statusCode: answer.status,
          reasonPhrase: answer.status === 200 ? 'OK' : 'Not Found',
          headers: [{ name: 'Content-Type', value: { type: 'string', value: answer.contentType } }],
          body: { type: 'string', value: answer.body },
        })
      : connection.send('network.continueRequest', { request });
    // The tab may close while its request is answered.
    sent.catch(() => undefined);
  });
}

function withoutHash(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}
