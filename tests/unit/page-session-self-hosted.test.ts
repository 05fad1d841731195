// @vitest-environment jsdom
// Runs at http://localhost:3000, an origin that is no tool's SaaS host: the DOM must say which tool it is.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startPageSession } from '@/lib/content/page-session';
import { DEFAULT_SETTINGS } from '@/lib/settings-defaults';
import { markers, sessionScope } from './page-session-helpers';
import { gitlab } from '@/lib/tools/gitlab/adapter';
import { mattermost } from '@/lib/tools/mattermost/adapter';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

const session = sessionScope();
/** Longer than any delay the session waits before reporting (the report waits 1.5 s for the page to settle). */
const SETTLED_MS = 4_000;

describe('page session on a self-hosted origin', () => {
  it('marks a self-hosted page only once the DOM says it is the tool', async () => {
    history.replaceState(null, '', '/acme/handbook/-/issues/58');
    startPageSession(gitlab, session.context());
    expect(markers().tool).toBeNull();
    document.head.innerHTML = '<meta property="og:site_name" content="GitLab">';
    document.body.dataset.page = 'projects:issues:show';
    await expect.poll(() => markers().tool).toBe('gitlab');
    expect(markers().kind).toBe('issue');
  });

  it('reports a page that does not look like the tool, once, and the detection that replaces it', async () => {
    const reports: { detected: boolean; path: string }[] = [];
    fakeBrowser.runtime.onMessage.addListener(((message: { type: string; json: string }) => {
      if (message.type === 'page-report') {
        const { detected, path } = JSON.parse(message.json) as { detected: boolean; path: string };
        reports.push({ detected, path });
      }
      const data = message.type === 'settings-get' ? DEFAULT_SETTINGS : message.type === 'page-report-due' ? { due: true } : { ok: true };
      return Promise.resolve({ ok: true, data });
    }) as never);
    vi.useFakeTimers();
    history.replaceState(null, '', '/wiki');
    document.body.innerHTML = '<p>A wiki page</p>';
    startPageSession(gitlab, session.context());
    await vi.advanceTimersByTimeAsync(SETTLED_MS);
    expect(reports).toEqual([{ detected: false, path: '/wiki' }]);
    document.body.append(document.createElement('p')); // more of the same page: no second report
    await vi.advanceTimersByTimeAsync(SETTLED_MS);
    expect(reports).toHaveLength(1);

    document.head.innerHTML = '<meta property="og:site_name" content="GitLab">';
    document.body.dataset.page = 'projects:issues:show';
    await vi.advanceTimersByTimeAsync(SETTLED_MS);
    expect(reports.at(-1)).toEqual({ detected: true, path: '/wiki' });
  });

  it("leaves another tool's markers alone when its own tool is not on the page", async () => {
    // Self-hosted tools on one hostname (other ports) share match patterns, so every one of their scripts runs.
    history.replaceState(null, '', '/acme/handbook/-/issues/58');
    document.head.innerHTML = '<meta property="og:site_name" content="GitLab">';
    document.body.dataset.page = 'projects:issues:show';
    startPageSession(gitlab, session.context());
    await expect.poll(() => markers().tool).toBe('gitlab');
    const notDetected: string[] = [];
    fakeBrowser.runtime.onMessage.addListener(((message: { type: string; json: string }) => {
      if (message.type === 'page-report' && !(JSON.parse(message.json) as { detected: boolean }).detected) notDetected.push(message.json);
      const data = message.type === 'settings-get' ? DEFAULT_SETTINGS : message.type === 'page-report-due' ? { due: true } : { ok: true };
      return Promise.resolve({ ok: true, data });
    }) as never);
    const other = new ContentScriptContext('daylight-test-mattermost');
    try {
      startPageSession(mattermost, other);
      document.body.append(document.createElement('p'));
      // Mattermost's session has read the page and said it is not Mattermost's.
      await expect.poll(() => notDetected.length, { timeout: SETTLED_MS }).toBeGreaterThan(0);
      expect(markers()).toMatchObject({ tool: 'gitlab', kind: 'issue' });
    } finally {
      other.abort();
    }
  });
});
