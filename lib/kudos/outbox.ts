import type { DaylightDatabase, OutboxEntry } from '../db';

/** The alarm that wakes the background for the next attempt (alarms survive restarts). */
export const OUTBOX_ALARM = 'kudos-outbox';
/** Waits before the 2nd, 3rd, … attempt; the last one repeats. */
export const BACKOFF_MS: readonly number[] = [5_000, 15_000, 60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];
/** After this many attempts an announcement is marked failed; "Retry" in Options starts it again. */
export const MAX_ATTEMPTS = 12;
/** A webhook that does not answer within this time counts as a failed attempt. */
export const ATTEMPT_TIMEOUT_MS = 10_000;

export interface OutboxOptions {
  fetch?: typeof fetch;
  now?: () => number;
  /** Wake the sender at `at` (an alarm, and a timer while the worker lives). */
  wakeAt: (at: number) => void;
  timeoutMs?: number;
}

/** The wait before attempt `attempts + 1`, honouring a webhook's Retry-After (seconds) when longer. */
export function backoff(attempts: number, retryAfterSeconds?: number): number {
  const base = BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)] ?? BACKOFF_MS[0]!;
  return retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) ? Math.max(base, retryAfterSeconds * 1000) : base;
}

/**
 * The background's webhook outbox, kept in the database so it survives restarts. Each entry is
 * POSTed with its idempotency key (header `Idempotency-Key` and the body's `idempotency_key`) until
 * the webhook answers 2xx; then it is `sent` and never sent again. Failures and timeouts wait
 * longer each time (BACKOFF_MS). One sender runs at a time.
 */
export class Outbox {
  private running: Promise<void> | undefined;
  private again = false;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;

  constructor(
    private readonly db: DaylightDatabase,
    private readonly options: OutboxOptions,
  ) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? Date.now;
  }

  /** Queue one announcement and start sending. */
  async enqueue(entry: Pick<OutboxEntry, 'id' | 'thanksId' | 'url' | 'payload'>): Promise<void> {
    const at = this.now();
    await this.db.outbox.add({ ...entry, status: 'pending', attempts: 0, createdAt: at, nextAt: at });
    void this.run();
  }

  /** Send what is due now; resolves when this round (and any round asked for meanwhile) is done. */
  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.sendDue();
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Try a failed (or waiting) announcement again now. */
  async retry(id: string): Promise<void> {
    await this.db.outbox
      .where('id')
      .equals(id)
      .modify((entry) => {
        if (entry.status === 'failed' || entry.status === 'pending') {
          entry.status = 'pending';
          entry.nextAt = this.now();
        }
      });
    await this.run();
  }

  /** Undo of a thanks that is not announced yet: it never will be. */
  async cancel(thanksId: string): Promise<void> {
    await this.db.outbox
      .where('thanksId')
      .equals(thanksId)
      .modify((entry) => {
        if (entry.status === 'pending' || entry.status === 'failed') entry.status = 'cancelled';
      });
  }

  private async sendDue(): Promise<void> {
    const open = await this.db.outbox.where('status').anyOf('pending', 'sending').toArray();
    const due = open.filter((e) => e.nextAt <= this.now()).sort((a, b) => a.createdAt - b.createdAt);
    for (const entry of due) await this.attempt(entry);
    const waiting = await this.db.outbox.where('status').equals('pending').toArray();
    const next = Math.min(...waiting.map((e) => e.nextAt));
    if (Number.isFinite(next)) this.options.wakeAt(next);
  }

  private async attempt(entry: OutboxEntry): Promise<void> {
    const attempts = entry.attempts + 1;
    // Marked before the request: a crash mid-request leaves `sending`, retried with the same key.
    await this.db.outbox.update(entry.id, { status: 'sending', attempts });
    let error: string;
    let retryAfter: number | undefined;
    try {
      const response = await this.fetch(entry.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': entry.id },
        body: JSON.stringify(entry.payload),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? ATTEMPT_TIMEOUT_MS),
        credentials: 'omit',
      });
      if (response.ok) {
        await this.db.outbox.update(entry.id, { status: 'sent', sentAt: this.now(), lastError: undefined });
        return;
      }
      error = `HTTP ${response.status}`;
      const header = response.headers.get('Retry-After');
      retryAfter = header === null ? undefined : Number(header);
    } catch (failure) {
      error = failure instanceof Error && failure.name === 'TimeoutError' ? 'No answer in time' : failure instanceof Error ? failure.message : String(failure);
    }
    const failed = attempts >= MAX_ATTEMPTS;
    await this.db.outbox.update(entry.id, {
      status: failed ? 'failed' : 'pending',
      lastError: error,
      nextAt: this.now() + backoff(attempts, retryAfter),
    });
  }
}
