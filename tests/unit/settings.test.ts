import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, saveUserSettings, resetUserSettings, watchSettings, type SettingsSnapshot } from '@/lib/settings';

describe('settings', () => {
  it('are the defaults when nothing is stored', async () => {
    const s = await loadSettings();
    expect(s.effective).toEqual(DEFAULT_SETTINGS);
    expect(s.problems).toEqual([]);
  });

  it('overlay the user choice on the defaults, and managed policy on both', async () => {
    await saveUserSettings({ privateWarning: 'off', helpdeskUrl: 'https://help.user.example/' });
    await fakeBrowser.storage.managed.set({ privateWarning: 'confirm' });
    const s = await loadSettings();
    expect(s.effective.privateWarning).toBe('confirm');
    expect(s.effective.helpdeskUrl).toBe('https://help.user.example/');
    expect(s.managed).toEqual({ privateWarning: 'confirm' });
    expect(s.user).toEqual({ privateWarning: 'off', helpdeskUrl: 'https://help.user.example/' });
  });

  it('ignore an invalid managed value by itself and say why, keeping the valid ones', async () => {
    await fakeBrowser.storage.managed.set({ privateWarning: 'loud', archiveNudge: false, bogus: 1 });
    const s = await loadSettings();
    expect(s.effective.privateWarning).toBe(DEFAULT_SETTINGS.privateWarning);
    expect(s.effective.archiveNudge).toBe(false);
    expect(s.problems.join('\n')).toMatch(/privateWarning/);
    expect(s.problems.join('\n')).toMatch(/unknown setting "bogus"/);
  });

  it('take liveSearch per tool from policy over the user, and refuse values that are not booleans', async () => {
    await saveUserSettings({ liveSearch: { slack: true, github: false } });
    await fakeBrowser.storage.managed.set({ liveSearch: { slack: false } });
    const s = await loadSettings();
    expect(s.effective.liveSearch).toEqual({ slack: false });
    expect(s.managed).toEqual({ liveSearch: { slack: false } });
    await fakeBrowser.storage.managed.set({ liveSearch: { slack: 'yes', jira: true } });
    const bad = await loadSettings();
    expect(bad.effective.liveSearch).toEqual({ slack: true, github: false });
    expect(bad.problems.join('\n')).toMatch(/"liveSearch" ignored/);
  });

  it('leave the user’s own capture switches to the user, whatever policy says', async () => {
    await saveUserSettings({ captureSkip: ['https://github.com/acme/secret/*'] });
    await fakeBrowser.storage.managed.set({ capturePaused: true, captureSkip: [], archiveNudge: false });
    const s = await loadSettings();
    expect(s.effective.capturePaused).toBe(false);
    expect(s.effective.captureSkip).toEqual(['https://github.com/acme/secret/*']);
    expect(s.effective.archiveNudge).toBe(false);
    expect(s.problems.join('\n')).toMatch(/"capturePaused" is each user’s own choice/);
  });

  it('normalise self-hosted origins and reject URLs with paths', async () => {
    await fakeBrowser.storage.managed.set({ selfHosted: { gitlab: ['https://gitlab.acme.internal/'] } });
    expect((await loadSettings()).effective.selfHosted).toEqual({ gitlab: ['https://gitlab.acme.internal'] });
    await expect(saveUserSettings({ selfHosted: { gitlab: ['https://gitlab.acme.internal/path'] } })).rejects.toThrow(/origin/);
    await expect(saveUserSettings({ selfHosted: { jira: ['https://jira.acme.internal'] } } as never)).rejects.toThrow();
  });

  it('add the user’s self-hosted origins to the policy’s, which stay whatever the user saves', async () => {
    await fakeBrowser.storage.managed.set({ selfHosted: { gitlab: ['https://gitlab.acme.internal'] } });
    await saveUserSettings({ selfHosted: { gitlab: ['https://mine.example', 'https://gitlab.acme.internal'], mattermost: ['https://chat.example'] } });
    const s = await loadSettings();
    expect(s.effective.selfHosted).toEqual({
      gitlab: ['https://gitlab.acme.internal', 'https://mine.example'],
      mattermost: ['https://chat.example'],
    });
    await saveUserSettings({ selfHosted: {} });
    expect((await loadSettings()).effective.selfHosted).toEqual({ gitlab: ['https://gitlab.acme.internal'] });
  });

  it('reject an invalid user value without storing anything', async () => {
    await expect(saveUserSettings({ helpdeskUrl: 'javascript:alert(1)' })).rejects.toThrow(/helpdeskUrl/);
    expect((await loadSettings()).user).toEqual({});
  });

  it('reset a user choice back to the default', async () => {
    await saveUserSettings({ archiveNudge: false });
    await resetUserSettings(['archiveNudge']);
    expect((await loadSettings()).effective.archiveNudge).toBe(true);
  });

  it('are watched live: a policy pushed later reaches the watcher', async () => {
    const controller = new AbortController();
    const seen: SettingsSnapshot[] = [];
    watchSettings((s) => seen.push(s), controller.signal);
    await fakeBrowser.storage.managed.set({ helpdeskUrl: 'https://help.acme.example/' });
    await expect.poll(() => seen.at(-1)?.effective.helpdeskUrl).toBe('https://help.acme.example/');
    // Other local data (the directory's sync status) is not a settings change.
    const before = seen.length;
    await fakeBrowser.storage.local.set({ directorySync: { at: 1, ok: true, source: 'x' } });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.length).toBe(before);
    await saveUserSettings({ archiveNudge: false });
    await expect.poll(() => seen.at(-1)?.effective.archiveNudge).toBe(false);
    controller.abort();
    const count = seen.length;
    await fakeBrowser.storage.managed.set({ helpdeskUrl: 'https://other.example/' });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.length).toBe(count);
  });

  it('answer from the last policy read while the browser is still loading policy, then follow the fresh one', async () => {
    await fakeBrowser.storage.managed.set({ helpdeskUrl: 'https://help.acme.example/' });
    await loadSettings(); // caches the policy
    let release: (value: Record<string, unknown>) => void = () => undefined;
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => new Promise((resolve) => (release = resolve)) as never);
    const started = Date.now();
    expect((await loadSettings()).effective.helpdeskUrl).toBe('https://help.acme.example/');
    expect(Date.now() - started).toBeLessThan(1000);
    const controller = new AbortController();
    const seen: SettingsSnapshot[] = [];
    watchSettings((snapshot) => seen.push(snapshot), controller.signal);
    vi.mocked(fakeBrowser.storage.managed.get).mockResolvedValue({ helpdeskUrl: 'https://new.acme.example/' } as never);
    release({ helpdeskUrl: 'https://new.acme.example/' });
    await expect.poll(() => seen.at(-1)?.effective.helpdeskUrl).toBe('https://new.acme.example/');
    controller.abort();
  });
});
