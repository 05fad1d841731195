import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installPage, openPagesOnInstall } from '@/lib/background/install-pages';
import { compareVersions, RELEASES, releasesSince } from '@/lib/whats-new';

describe('pages opened by runtime.onInstalled', () => {
  it('welcome on first install, "What’s new" on an update to another version, nothing otherwise', () => {
    expect(installPage({ reason: 'install' }, '0.2.0')).toBe('/welcome.html');
    expect(installPage({ reason: 'update', previousVersion: '0.1.0' }, '0.2.0')).toBe('/welcome.html?from=0.1.0#whats-new');
    // A reload during development reports an update to the same version.
    expect(installPage({ reason: 'update', previousVersion: '0.2.0' }, '0.2.0')).toBeNull();
    expect(installPage({ reason: 'chrome_update' }, '0.2.0')).toBeNull();
    expect(installPage({ reason: 'browser_update' }, '0.2.0')).toBeNull(); // Firefox's name for it
    expect(installPage({ reason: 'shared_module_update' }, '0.2.0')).toBeNull();
  });

  it('opens them in a tab when the browser fires onInstalled, the update one without taking focus', async () => {
    // The fake browser has no manifest; the built one would say this version.
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Daylight', version: '0.2.0' });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    openPagesOnInstall();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'browser_update', temporary: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0', temporary: false });
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(2));
    expect(create.mock.calls.map(([props]) => [new URL(props.url!).pathname + new URL(props.url!).search + new URL(props.url!).hash, props.active])).toEqual([
      ['/welcome.html', true],
      ['/welcome.html?from=0.1.0#whats-new', false],
    ]);
  });
});

describe('release notes', () => {
  it('compare versions numerically', () => {
    expect(compareVersions('0.10.0', '0.9.1')).toBeGreaterThan(0);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
  });

  it('list the releases after the previous version up to the current one, newest first', () => {
    const newest = RELEASES[0]!.version;
    expect(releasesSince('0.0.1', newest).map((r) => r.version)).toEqual(RELEASES.map((r) => r.version));
    expect(releasesSince(newest, newest)).toEqual([]);
  });

  it('have an entry for the version in package.json', async () => {
    const { version } = (await import('../../../package.json', { with: { type: 'json' } })).default;
    expect(RELEASES.map((r) => r.version)).toContain(version);
  });
});
