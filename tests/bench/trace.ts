import type { BrowserContext, Page } from '@playwright/test';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs: what the event cost, less time the thread was descheduled. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; frame?: string; scriptName?: string; stackTrace?: Array<{ url?: string }> } };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing'].join(',');

/** Record a Chromium trace of the page's renderer while `action` runs. */
export async function traceWhile(context: BrowserContext, page: Page, action: () => Promise<void>): Promise<TraceEvent[]> {
  const client = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  client.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => client.once('Tracing.tracingComplete', () => resolve()));
  await client.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await action();
  await client.send('Tracing.end');
  await complete;
  await client.detach();
  return events;
}

export interface ScriptTime {
  /** Main-thread time inside the script's own calls (nested calls counted once), ms. */
  total: number;
  /** The longest top-level task that ran the script, ms. */
  longestTask: number;
  /** Main-thread time of every top-level task in the trace, ms. */
  allTasks: number;
  /**
   * CPU time of the script's own calls (thread time, nested calls counted once), ms: on a machine
   * whose other processes compete for the cores this moves much less than `total`.
   */
  cpu: number;
}

/**
 * Time a script spent on the page's main thread, from trace events attributed to its URL
 * (EvaluateScript, FunctionCall and the like), plus the longest task it ran in.
 */
export function scriptTime(events: readonly TraceEvent[], urlPart: string): ScriptTime {
  const own = events.filter((e) => e.ph === 'X' && e.dur !== undefined && e.args?.data?.url?.includes(urlPart) && e.name !== 'v8.compile');
  const tid = own[0]?.tid;
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined && e.tid === tid);
  const spans = own
    .filter((e) => e.tid === tid)
    .map((e) => [e.ts, e.ts + e.dur!] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [start, stop] of spans) {
    if (stop <= end) continue;
    total += stop - Math.max(start, end);
    end = stop;
  }
  let cpu = 0;
  let outerEnd = -Infinity;
  for (const e of own.filter((o) => o.tid === tid).sort((a, b) => a.ts - b.ts)) {
    if (e.ts < outerEnd) continue; // nested in a call already counted
    cpu += e.tdur ?? e.dur!;
    outerEnd = e.ts + e.dur!;
  }
  const longestTask = Math.max(
    0,
    ...tasks.filter((t) => spans.some(([s]) => s >= t.ts && s <= t.ts + t.dur!)).map((t) => t.dur!),
  );
  const allTasks = tasks.reduce((sum, t) => sum + t.dur!, 0);
  return { total: total / 1000, longestTask: longestTask / 1000, allTasks: allTasks / 1000, cpu: cpu / 1000 };
}

/**
 * The events up to the end of the first animation frame that ran the script's code: what it did
 * in reaction to a change until its frame batch was done (its mutation observer's callback included).
 */
export function untilFirstFrame(events: readonly TraceEvent[], urlPart: string): TraceEvent[] {
  const own = events.filter((e) => e.ph === 'X' && e.args?.data?.url?.includes(urlPart));
  const frame = events
    .filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts)
    .find((w) => own.some((e) => e.tid === w.tid && e.ts >= w.ts && e.ts <= w.ts + w.dur!));
  return frame ? events.filter((e) => e.ts + (e.dur ?? 0) <= frame.ts + frame.dur!) : [];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
