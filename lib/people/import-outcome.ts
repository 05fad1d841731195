import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { lazy } from '../lazy';

/**
 * How the last directory import ended when Options was not there to see it, so that Options can
 * say on reopening whether everything or nothing was stored. The background writes it when an
 * import begins (`under-way`), and rewrites it when the import's port closes early
 * (`interrupted`: nothing stored) or when the commit ends after Options closed (`applied`).
 */
export const importOutcomeSchema = lazy(() =>
  z.object({
    state: z.enum(['under-way', 'interrupted', 'applied']),
    source: z.string(),
    at: z.number(),
    change: z.optional(z.object({ added: z.number(), changed: z.number(), archived: z.number() })),
  }),
);
export type ImportOutcome = z.infer<ReturnType<typeof importOutcomeSchema>>;

export const importOutcomeItem = lazy(() => storage.defineItem<ImportOutcome | null>('local:directoryImportOutcome', { fallback: null }));

/** The stored outcome, or null when there is none or it is not one (storage is checked where it is read). */
export async function readImportOutcome(): Promise<ImportOutcome | null> {
  const parsed = importOutcomeSchema().safeParse(await importOutcomeItem().getValue());
  return parsed.success ? parsed.data : null;
}
