// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchSelectors, matchSelectorsWhenIdle } from '@/lib/content/selector-report';
import { IdleQueue } from '@/lib/dom/idle-queue';
import { github } from '@/lib/tools/github/adapter';
import { FIXTURES_DIR } from '@/tests/harness/fixture-catalog';

const drained = (queue: IdleQueue, done: () => boolean) =>
  new Promise<void>((resolve) => {
    const check = () => (done() ? resolve() : queue.add(check));
    queue.add(check);
  });

describe('IdleQueue', () => {
  it('runs jobs in order, including jobs added by jobs, and a failing job does not stop the others', async () => {
    const queue = new IdleQueue(new AbortController().signal);
    const ran: string[] = [];
    queue.add(() => {
      ran.push('a');
      queue.add(() => ran.push('c'));
    });
    queue.add(() => {
      throw new Error('job failed');
    });
    queue.add(() => ran.push('b'));
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.on('uncaughtException', onError);
    try {
      await drained(queue, () => ran.length === 3);
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(errors).toHaveLength(1);
  });

  it('drops what is left when its signal aborts', async () => {
    const controller = new AbortController();
    const queue = new IdleQueue(controller.signal);
    const ran: number[] = [];
    queue.add(() => ran.push(1));
    controller.abort();
    queue.add(() => ran.push(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toEqual([]);
  });
});

describe('matchSelectorsWhenIdle', () => {
  it('answers as matchSelectors does, for selectors that match, that do not, and that the browser rejects', async () => {
    const html = readFileSync(path.join(FIXTURES_DIR, 'github/issue-react-public.html'), 'utf8');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const alternative = (selector: string) => ({ selector, generation: 'test', verified: '2026-12-07' });
    const selectors = {
      ...github.selectors,
      broken: [alternative('a[')],
      none: [alternative('article.nothing-here')],
      mixed: [alternative('section.nor-here'), alternative('.markdown-body')],
    };
    const queue = new IdleQueue(new AbortController().signal);
    const result = await new Promise<Record<string, boolean>>((resolve) => matchSelectorsWhenIdle(doc, selectors, queue, resolve));
    expect(result).toEqual(matchSelectors(doc, selectors));
    expect(Object.values(result)).toContain(true);
    expect(Object.values(result)).toContain(false);
    // Each alternative is answered separately; the role matched when any of them did.
    expect(result).toMatchObject({ broken: false, 'broken.0': false, mixed: true, 'mixed.0': false, 'mixed.1': true });
  });
});
