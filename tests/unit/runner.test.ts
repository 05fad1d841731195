// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { PeopleCache } from '@/lib/content/people-cache';
import type { Feature, PageContext } from '@/lib/features/feature';
import { FeatureRunner } from '@/lib/features/runner';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { github } from '@/lib/tools/github/adapter';
import { slack } from '@/lib/tools/slack/adapter';

const pageFor = (adapter = github, disabled: string[] = []): PageContext => ({
  adapter,
  url: new URL('https://github.com/acme/open-handbook/issues/1'),
  doc: document,
  win: window,
  kind: 'issue',
  place: 'public',
  settings: { ...DEFAULT_SETTINGS, disabledFeatures: disabled },
  people: new PeopleCache(adapter.id, 'https://github.com'),
  onContent: () => undefined,
});

function recording(id: string, extra: Partial<Feature> = {}) {
  const signals: AbortSignal[] = [];
  const feature: Feature = { id, description: `${id} feature`, init: (_p, signal) => void signals.push(signal), ...extra };
  return { feature, signals };
}

describe('FeatureRunner', () => {
  it('gives each feature its own abort scope per navigation, aborted by the next one', async () => {
    const a = recording('a');
    const b = recording('b');
    const runner = new FeatureRunner([a.feature, b.feature], vi.fn());
    const parent = new AbortController();
    await runner.run(pageFor(), parent.signal);
    expect(a.signals[0]).not.toBe(b.signals[0]);
    expect(runner.running).toEqual(['a', 'b']);
    await runner.run(pageFor(), parent.signal);
    expect(a.signals[0]?.aborted).toBe(true);
    expect(a.signals[1]?.aborted).toBe(false);
  });

  it('lists a feature as running once its start finished, never one that failed or was stopped', async () => {
    let finish: () => void = () => undefined;
    const slow = recording('slow', { init: () => new Promise<void>((resolve) => (finish = resolve)) });
    const failing = recording('failing', { init: () => { throw new Error('no composer'); } });
    const quick = recording('quick');
    const runner = new FeatureRunner([slow.feature, failing.feature, quick.feature], vi.fn());
    const parent = new AbortController();
    const started = runner.run(pageFor(), parent.signal);
    await Promise.resolve();
    expect(runner.running).toEqual(['quick']);
    finish();
    await started;
    expect(runner.running).toEqual(['slow', 'quick']);
    parent.abort();
    expect(runner.running).toEqual([]);
  });

  it('aborts every scope when the content script is invalidated', async () => {
    const a = recording('a');
    const runner = new FeatureRunner([a.feature], vi.fn());
    const parent = new AbortController();
    await runner.run(pageFor(), parent.signal);
    parent.abort();
    expect(a.signals[0]?.aborted).toBe(true);
  });

  it('isolates a failing feature, sync or async, and reports it under its id', async () => {
    const report = vi.fn();
    const ok = recording('ok');
    const sync = recording('sync-fail', { init: () => { throw new Error('selector found nothing'); } });
    const async = recording('async-fail', { init: async () => { throw new TypeError('boom'); } });
    const runner = new FeatureRunner([sync.feature, async.feature, ok.feature], report);
    await runner.run(pageFor(), new AbortController().signal);
    expect(ok.signals).toHaveLength(1);
    expect(report).toHaveBeenCalledWith({ featureId: 'sync-fail', message: 'selector found nothing' });
    expect(report).toHaveBeenCalledWith({ featureId: 'async-fail', message: 'boom' });
    expect(runner.failures.map((f) => f.featureId).sort()).toEqual(['async-fail', 'sync-fail']);
  });

  it('skips features switched off by settings and features for other tools', async () => {
    const off = recording('off');
    const slackOnly = recording('slack-only', { tools: ['slack'] });
    const runner = new FeatureRunner([off.feature, slackOnly.feature], vi.fn());
    await runner.run(pageFor(github, ['off']), new AbortController().signal);
    expect(off.signals).toHaveLength(0);
    expect(slackOnly.signals).toHaveLength(0);
    await runner.run(pageFor(slack), new AbortController().signal);
    expect(slackOnly.signals).toHaveLength(1);
  });
});
