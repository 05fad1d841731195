import { browser } from 'wxt/browser';

export interface InstallDetails {
  reason: string;
  previousVersion?: string;
}

/**
 * The page to open after `runtime.onInstalled`: the welcome page on first install only, a short
 * "What's new" after an update to a different version, nothing when the browser itself updated
 * or a shared module did.
 */
export function installPage(details: InstallDetails, currentVersion: string): string | null {
  if (details.reason === 'install') return '/welcome.html';
  if (details.reason === 'update' && details.previousVersion !== undefined && details.previousVersion !== currentVersion) {
    return `/welcome.html?from=${encodeURIComponent(details.previousVersion)}#whats-new`;
  }
  return null;
}

/** Open the page for this install event; "What's new" opens in the background, never stealing focus. */
export async function openInstallPage(details: InstallDetails): Promise<void> {
  const page = installPage(details, browser.runtime.getManifest().version);
  if (page === null) return;
  await browser.tabs.create({ url: browser.runtime.getURL(page as '/welcome.html'), active: details.reason === 'install' });
}

/** Open the welcome page or "What's new" whenever the extension is installed or updated. */
export function openPagesOnInstall(): void {
  browser.runtime.onInstalled.addListener((details) => {
    void openInstallPage(details).catch((error: unknown) => console.error('Daylight: could not open the welcome page', error));
  });
}
