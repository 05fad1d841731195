// @vitest-environment jsdom
/**
 * @vitest-environment-options { "url": "https://github.com/" }
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_REAPPLIES } from '@/lib/content/host-fight';
import { startPageSession } from '@/lib/content/page-session';
import { FEATURE_CATALOG } from '@/lib/features/catalog';
import type { PageState } from '@/lib/messaging';
import { DEFAULT_SETTINGS } from '@/lib/settings-defaults';
import { github } from '@/lib/tools/github/adapter';
import { sessionScope } from './page-session-helpers';

const session = sessionScope();

const comment = (id: number) => {
  const element = document.createElement('div');
  element.className = 'react-issue-comment';
  element.innerHTML = `<div data-testid="comment-header" id="issuecomment-${id}"><a data-testid="avatar-link" href="/lena-k">lena-k</a></div>
    <div class="markdown-body"><p>cc <a class="user-mention" data-hovercard-type="user" href="https://github.com/nadiaosei">@nadiaosei</a></p></div>`;
  return element;
};

/** A host page that takes away every Daylight marker and element on every mutation it sees. */
function hostileHost(signal: AbortSignal): { writes: (element: Element) => number } {
  const written = new Map<Element, number>();
  const observer = new MutationObserver((records) => {
    // Each element Daylight wrote on since the last callback counts once, however many markers it got.
    const targets = new Set<Element>();
    for (const record of records) {
      const target = record.target as Element;
      if (record.type === 'attributes' && record.oldValue === null && target.hasAttribute(record.attributeName!)) targets.add(target);
    }
    for (const target of targets) written.set(target, (written.get(target) ?? 0) + 1);
    for (const element of document.querySelectorAll('*')) {
      for (const name of element.getAttributeNames()) if (name.startsWith('data-daylight')) element.removeAttribute(name);
    }
    for (const ours of document.querySelectorAll('[data-daylight]')) ours.remove();
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeOldValue: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return { writes: (element) => written.get(element) ?? 0 };
}

describe('a host page that removes what Daylight writes', () => {
  it('gets the markers back a bounded number of times, then Daylight leaves them and says so', async () => {
    const errors: { featureId: string; message: string }[] = [];
    fakeBrowser.runtime.onMessage.addListener(((message: { type: string; json: string }) => {
      if (message.type === 'feature-error') errors.push(JSON.parse(message.json) as { featureId: string; message: string });
      if (message.type === 'settings-get') return Promise.resolve({ ok: true, data: { ...DEFAULT_SETTINGS, disabledFeatures: FEATURE_CATALOG.map((f) => f.id) } });
      return message.type === 'page-state' ? undefined : Promise.resolve({ ok: true, data: { ok: true, due: false } });
    }) as never);
    history.replaceState(null, '', '/acme/open-handbook/issues/112');
    const first = comment(42);
    document.body.append(first);
    const ctx = session.context();
    const host = hostileHost(ctx.signal);
    startPageSession(github, ctx);

    await expect.poll(() => errors.map((e) => e.featureId), { timeout: 5000 }).toContain('annotation');
    // Fresh content is still read and marked (once, as the host removes it again at once).
    const second = comment(43);
    document.body.append(second);
    await expect.poll(() => host.writes(second), { timeout: 5000 }).toBeGreaterThan(0);
    const third = comment(44);
    document.body.append(third);
    await expect.poll(() => host.writes(third), { timeout: 5000 }).toBeGreaterThan(0);
    // The first comment: marked once, put back at most MAX_REAPPLIES times, then left alone but for
    // the page's own changes beside it (the list read again once per change: two here).
    expect(host.writes(first)).toBeGreaterThan(0);
    expect(host.writes(first)).toBeLessThanOrEqual(1 + MAX_REAPPLIES + 2);
    expect(host.writes(document.documentElement)).toBeLessThanOrEqual(1 + MAX_REAPPLIES);
    expect(errors.filter((e) => e.featureId === 'annotation')).toHaveLength(1);

    const state = (await fakeBrowser.runtime.sendMessage({ daylight: 1, type: 'page-state' })) as { ok: boolean; data: PageState };
    expect(state.data.featureErrors.map((e) => e.featureId)).toContain('annotation');
  });
});
