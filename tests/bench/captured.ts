import type { BrowserContext } from '@playwright/test';

/**
 * When Daylight's background last stored the capture of a page (the page record's `lastSeen`,
 * ms), read from its database in the extension's service worker; 0 when it never did.
 */
export async function lastCaptured(context: BrowserContext, extensionId: string, pageKey: string): Promise<number> {
  const worker = context.serviceWorkers().find((w) => new URL(w.url()).host === extensionId);
  if (!worker) throw new Error("Daylight's service worker is not running");
  return worker.evaluate(
    (key) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('daylight');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          // Records are stored in chunks (lib/search/record-store.ts), each record as JSON.
          const request = db.transaction('searchChunks').objectStore('searchChunks').index('keys').get(key);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            db.close();
            const chunk = request.result as { keys: string[]; records: string[] } | undefined;
            const slot = chunk?.keys.indexOf(key) ?? -1;
            resolve(chunk && slot >= 0 ? ((JSON.parse(chunk.records[slot]!) as { lastSeen?: number }).lastSeen ?? 0) : 0);
          };
        };
      }),
    pageKey,
  );
}

/** Wait until the background has stored a capture of the page made at or after `since`. */
export async function waitForCapture(context: BrowserContext, extensionId: string, pageKey: string, since: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await lastCaptured(context, extensionId, pageKey)) < since) {
    if (Date.now() > deadline) throw new Error(`No capture of ${pageKey} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
