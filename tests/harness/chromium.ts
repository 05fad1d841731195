import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type LaunchOptions } from '@playwright/test';

export const CHROMIUM = process.env.DAYLIGHT_CHROMIUM ?? '/usr/bin/chromium';
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CHROME_BUILD = path.join(ROOT, '.output/chrome-mv3');

export interface DaylightBrowser {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

export interface LaunchDaylightOptions {
  headless?: boolean;
  extensionDir?: string;
  viewport?: { width: number; height: number } | null;
  args?: string[];
  ignoreDefaultArgs?: LaunchOptions['ignoreDefaultArgs'];
  /**
   * Daylight is force-installed by policy (ExtensionInstallForcelist) with this id, instead of
   * loaded unpacked. Chromium then must be allowed to fetch the update manifest: no
   * --disable-background-networking (it suppresses the install) and no --disable-extensions.
   */
  policyInstalledId?: string;
  /**
   * A profile directory to use and keep (closing the browser leaves it in place), so that a test
   * can relaunch Chromium on the same profile, as a browser restart does. A throwaway one by default.
   */
  profileDir?: string;
}

/** Force-installing fetches update.xml and the CRX after start-up; give it this long. */
const POLICY_INSTALL_TIMEOUT_MS = 60_000;

/**
 * Debian's Chromium with the built extension loaded, in a throwaway profile. Never downloads a
 * browser: the executable is the system one.
 */
export async function launchDaylight(options: LaunchDaylightOptions = {}): Promise<DaylightBrowser> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD;
  const fromPolicy = options.policyInstalledId;
  if (fromPolicy === undefined && !existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\`.`);
  }
  const profile = options.profileDir ?? mkdtempSync(path.join(tmpdir(), 'daylight-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    ignoreDefaultArgs: fromPolicy === undefined ? options.ignoreDefaultArgs : ['--disable-extensions', '--disable-background-networking'],
    args: [
      ...(fromPolicy === undefined
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--disable-background-networking']
        : []),
      '--no-sandbox',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      // No host but loopback resolves, at once: a saved page's images and scripts on other hosts
      // (avatars, CDNs) failed the same way before, but only after the resolver gave up, 1.5 to 5 s
      // into every page load. Fixtures are answered before any lookup (serve-fixtures.ts).
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1]',
      ...(options.args ?? []),
    ],
  });
  const isDaylight = (w: { url(): string }) => fromPolicy === undefined || new URL(w.url()).host === fromPolicy;
  const worker =
    context.serviceWorkers().find(isDaylight) ??
    (await context
      .waitForEvent('serviceworker', { predicate: isDaylight, timeout: fromPolicy === undefined ? 15_000 : POLICY_INSTALL_TIMEOUT_MS })
      .catch(async () => {
        await context.close();
        throw new Error(
          fromPolicy === undefined
            ? `Daylight's service worker never started: Chromium refused the extension in ${extensionDir}. ` +
                'Run chromium with --enable-logging=stderr and the same --load-extension to see its load error.'
            : `Daylight (${fromPolicy}) was not installed by policy: check chrome://policy and that update.xml and the CRX are served.`,
        );
      }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    close: async () => {
      await context.close();
      if (options.profileDir === undefined) rmSync(profile, { recursive: true, force: true });
    },
  };
}
