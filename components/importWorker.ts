import { browser } from 'wxt/browser';
import { DIRECTORY_IMPORT_PORT, directoryImportEventSchema, type Response } from '@/lib/messaging';
import type { FromWorker, ImportInput, ImportPhase, PreviewSummary } from '@/lib/people/import-protocol';
import { importOutcomeItem } from '@/lib/people/import-outcome';
import type { RowError } from '@/lib/people/import-result';

/** `users`: SCIM users fetched so far. `storing`: every part is with the background, which is replacing the directory; it can no longer be cancelled. */
export type Progress = { phase: ImportPhase | 'users' | 'applying' | 'storing'; done?: number; total?: number };
export type Previewed = { ok: true; summary: PreviewSummary } | { ok: false; total: number; first: RowError[] };

/**
 * Thrown when the background went away after it had every part: whether it stored them is not
 * known here; the background keeps the outcome (lib/people/import-outcome.ts) and says it.
 */
export class LostWhileStoring extends Error {
  override name = 'LostWhileStoring';
}

/** Thrown when the user cancelled, so callers can tell it from a failure. */
export class Cancelled extends Error {
  override name = 'Cancelled';
}

/**
 * The options page's side of its import worker (lib/people/import.worker.ts): one job at a time,
 * each request answered by the worker's message for that job. Cancel terminates the worker (its
 * work stops at once, whatever it is doing) and the next job starts a new one.
 */
export class ImportWorker {
  private worker: Worker | null = null;
  private job = 0;
  private waiting: { job: number; type: FromWorker['type']; resolve: (message: FromWorker) => void; reject: (error: Error) => void } | null = null;
  private onProgress: (progress: Progress) => void = () => undefined;

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('../lib/people/import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<FromWorker>) => this.receive(data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(`The import worker stopped: ${event.message || 'no reason given'}. Nothing was changed.`));
    };
    this.worker = worker;
    return worker;
  }

  private receive(message: FromWorker): void {
    const waiting = this.waiting;
    if (!waiting || message.job !== waiting.job) return;
    if (message.type === 'progress') return this.onProgress({ phase: message.phase, done: message.done, total: message.total });
    this.waiting = null;
    if (message.type === 'crashed') waiting.reject(new Error(message.message));
    else waiting.resolve(message);
  }

  private fail(error: Error): void {
    const waiting = this.waiting;
    this.waiting = null;
    this.worker?.terminate();
    this.worker = null;
    waiting?.reject(error);
  }

  private ask<T extends FromWorker['type']>(type: T, request: (job: number) => Parameters<Worker['postMessage']>[0], job = this.job): Promise<Extract<FromWorker, { type: T }>> {
    const worker = this.start();
    return new Promise((resolve, reject) => {
      this.waiting?.reject(new Cancelled('Replaced by a newer request'));
      this.waiting = { job, type, resolve: resolve as (message: FromWorker) => void, reject };
      worker.postMessage(request(job));
    });
  }

  /** Read, check and compare a directory; the worker keeps it for `errors` and `parts`. */
  async preview(input: ImportInput, onProgress: (progress: Progress) => void): Promise<Previewed> {
    this.job += 1;
    this.onProgress = onProgress;
    const answer = await this.ask('preview', (job) => ({ type: 'preview', job, input }));
    const message = answer as FromWorker;
    if (message.type === 'refused') return { ok: false, total: message.total, first: message.first };
    if (message.type !== 'preview') throw new Error('The import worker answered out of turn.');
    return { ok: true, summary: message.summary };
  }

  /** Errors `from` … `from + count` of the refused import the worker holds. */
  async errors(from: number, count: number): Promise<RowError[]> {
    return (await this.ask('errors', (job) => ({ type: 'errors', job, from, count }))).errors;
  }

  /**
   * Apply the previewed import: the worker's JSON parts go to the background over a port, one at a
   * time as each is received; the background replaces the directory once it holds them all.
   */
  async apply(source: string, onProgress: (progress: Progress) => void): Promise<Response<'directory-replace'>> {
    const { parts } = await this.ask('parts', (job) => ({ type: 'parts', job }));
    const port = browser.runtime.connect({ name: DIRECTORY_IMPORT_PORT });
    try {
      return await new Promise((resolve, reject) => {
        let sent = 0;
        const stopped = () => reject(new Cancelled('The import was stopped before it was applied: nothing was changed.'));
        // Until the last part is sent the background holds the parts only, so stopping loses nothing.
        this.cancelApply = () => {
          port.disconnect();
          stopped();
        };
        const sendNext = () => {
          port.postMessage({ type: 'part', part: sent, json: parts[sent] });
          sent += 1;
          if (sent === parts.length) {
            this.cancelApply = null;
            onProgress({ phase: 'storing', total: parts.length });
          }
        };
        port.onMessage.addListener((raw: unknown) => {
          const event = directoryImportEventSchema().safeParse(raw);
          if (!event.success) return reject(new Error('The background answered the import with something else.'));
          if (event.data.type === 'received') {
            if (sent < parts.length) {
              onProgress({ phase: 'applying', done: event.data.part + 1, total: parts.length });
              sendNext();
            }
          } else if (event.data.type === 'applied') {
            // Heard: the kept outcome is for an Options that did not hear it.
            void importOutcomeItem().setValue(null);
            resolve(event.data.change);
          }
          else reject(new Error(event.data.error));
        });
        port.onDisconnect.addListener(() =>
          sent === parts.length ? reject(new LostWhileStoring('The background stopped while storing the import.')) : stopped(),
        );
        port.postMessage({ type: 'begin', source, parts: parts.length });
        if (parts.length > 1) onProgress({ phase: 'applying', done: 0, total: parts.length });
        sendNext();
      });
    } finally {
      this.cancelApply = null;
      port.disconnect();
    }
  }

  private cancelApply: (() => void) | null = null;

  /** Stop whatever the worker is doing (and an apply still sending parts): nothing is kept or changed. */
  cancel(): void {
    this.cancelApply?.();
    this.cancelApply = null;
    this.fail(new Cancelled('Cancelled'));
  }

  dispose(): void {
    this.cancel();
  }
}
