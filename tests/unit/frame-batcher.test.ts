// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createFrameBatcher } from '@/lib/dom/frame-batcher';

describe('createFrameBatcher', () => {
  it('runs one batch per schedule: the frame that ran it disarms the fallback timer', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    let runs = 0;
    const schedule = createFrameBatcher(() => (runs += 1), new AbortController().signal);
    schedule();
    vi.advanceTimersByTime(16);
    expect(runs).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    // Asked again just before the first batch's timer would have fired: the batch waits for its frame.
    vi.advanceTimersByTime(224);
    schedule();
    vi.advanceTimersByTime(10);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(16);
    expect(runs).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('on a page that changes after every batch, runs at most once per frame', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    let runs = 0;
    const schedule: () => void = createFrameBatcher(() => {
      runs += 1;
      schedule();
    }, new AbortController().signal);
    schedule();
    // Frame by frame, stopping early if batches multiply (armed callbacks that each run a batch).
    for (let frame = 0; frame < 100 && runs <= 200; frame += 1) vi.advanceTimersByTime(16);
    expect(runs).toBeLessThanOrEqual(100);
    expect(vi.getTimerCount()).toBeLessThanOrEqual(2);
  });

  it('falls back to its timer when no frame comes, and the late frame does not run the batch again', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((id) => void (frames[id - 1] = () => undefined));
    let runs = 0;
    const schedule = createFrameBatcher(() => (runs += 1), new AbortController().signal);
    schedule();
    vi.advanceTimersByTime(250);
    expect(runs).toBe(1);
    for (const frame of frames) frame(performance.now());
    expect(runs).toBe(1);
  });

  it('runs nothing after its signal aborts', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    const controller = new AbortController();
    let runs = 0;
    const schedule = createFrameBatcher(() => (runs += 1), controller.signal);
    schedule();
    controller.abort();
    vi.advanceTimersByTime(500);
    expect(runs).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
