import { browser, type Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { DaylightDatabase } from '../db';
import { lazy } from '../lazy';
import { classifySender, DIRECTORY_IMPORT_PORT, directoryImportRequestSchema, type DirectoryImportEvent } from '../messaging';
import { replaceDirectory } from '../people/directory-store';
import { importOutcomeItem } from '../people/import-outcome';
import { personSchema, type Person } from '../people/schema';

const partSchema = lazy(() => z.array(personSchema()));

/**
 * Directory imports over a port (lib/messaging.ts, DIRECTORY_IMPORT_PORT). The parts are held in
 * the service worker's memory, never stored, until the last one; then the directory is replaced in
 * one transaction. So Options closing, the import worker stopping or the service worker stopping
 * before or during the commit leaves the directory as it was, and a commit that completes is
 * complete. What happened is kept in `importOutcomeItem` until Options has heard it, for Options
 * to say on reopening.
 */
export function acceptDirectoryImports(db: DaylightDatabase, changed: () => void, signal: AbortSignal): void {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  const listener = (port: Browser.runtime.Port) => {
    if (port.name !== DIRECTORY_IMPORT_PORT) return;
    const sender = classifySender(port.sender ?? {}, self);
    if ('refused' in sender || sender.kind !== 'extension') {
      port.disconnect();
      return;
    }
    let begun: { source: string; parts: number; at: number } | null = null;
    const people: Person[] = [];
    let next = 0;
    let committing = false;
    let open = true;
    const send = (event: DirectoryImportEvent) => {
      if (open) port.postMessage(event);
    };
    const refuse = (error: string) => {
      send({ type: 'refused', error });
      begun = null;
      void importOutcomeItem().setValue(null);
      port.disconnect();
      open = false;
    };
    const commit = async (source: string) => {
      committing = true;
      try {
        const change = await replaceDirectory(db, { version: 1, people }, source);
        changed();
        // Kept until Options has heard it: had Options closed (or lost the port) meanwhile, it reads this on reopening.
        await importOutcomeItem().setValue({ state: 'applied', source, at: Date.now(), change });
        send({ type: 'applied', change });
      } catch (error) {
        await importOutcomeItem().setValue(open ? null : { state: 'interrupted', source, at: Date.now() });
        send({ type: 'refused', error: `${error instanceof Error ? error.message : String(error)} Nothing was changed.` });
      }
    };
    port.onMessage.addListener((raw: unknown) => {
      if (committing) return;
      const request = directoryImportRequestSchema().safeParse(raw);
      if (!request.success) return refuse(`Not a directory import message: ${z.prettifyError(request.error)}`);
      const message = request.data;
      if (message.type === 'begin') {
        if (begun) return refuse('The import had already begun.');
        begun = { source: message.source, parts: message.parts, at: Date.now() };
        void importOutcomeItem().setValue({ state: 'under-way', source: message.source, at: begun.at });
        return;
      }
      if (!begun || message.part !== next) return refuse(`Part ${message.part + 1} arrived out of order: nothing was changed.`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.json);
      } catch (error) {
        return refuse(`Part ${message.part + 1} is not JSON (${error instanceof Error ? error.message : String(error)}): nothing was changed.`);
      }
      const part = partSchema().safeParse(parsed);
      if (!part.success) return refuse(`Part ${message.part + 1} is not a list of people: ${z.prettifyError(part.error).slice(0, 2000)}. Nothing was changed.`);
      for (const person of part.data) people.push(person);
      next += 1;
      send({ type: 'received', part: message.part });
      if (next === begun.parts) void commit(begun.source);
    });
    port.onDisconnect.addListener(() => {
      open = false;
      // Cut off before its last part: the people held here are dropped, nothing was stored.
      if (begun && !committing) void importOutcomeItem().setValue({ state: 'interrupted', source: begun.source, at: Date.now() });
    });
  };
  browser.runtime.onConnect.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onConnect.removeListener(listener), { once: true });
}

/** On start no import is under way: one the service worker was stopped in was not stored. */
export async function noteStoppedImport(): Promise<void> {
  const item = importOutcomeItem();
  const outcome = await item.getValue();
  if (outcome?.state === 'under-way') await item.setValue({ ...outcome, state: 'interrupted', at: Date.now() });
}
