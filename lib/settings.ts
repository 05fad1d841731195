import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { lazy } from './lazy';
import { DEFAULT_SETTINGS, USER_ONLY_SETTINGS } from './settings-defaults';
import { TOOL_IDS, toolIdSchema } from './tools/tool-ids';

/**
 * Settings: defaults, overlaid by the user's choices, overlaid by managed policy
 * (docs/contract.md section 5). A key present in managed storage wins and is shown locked; the one
 * exception is `selfHosted`, where the policy's origins and the user's add up (see combineSelfHosted).
 */

export { DEFAULT_PRIVATE_REASONS, DEFAULT_SETTINGS, USER_ONLY_SETTINGS } from './settings-defaults';

/** Each setting's schema, built on first use. */
const fieldSchemas = lazy(() => {
  const Origin = z.pipe(
    z.string().check(
      z.refine((value) => {
        try {
          const url = new URL(value);
          return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/$/, '');
        } catch {
          return false;
        }
      }, 'an origin is scheme://host[:port], without a path'),
    ),
    z.transform((value: string) => value.replace(/\/$/, '')),
  );
  const HttpUrl = z.url({ protocol: /^https?$/ });
  const OrEmpty = <T extends z.ZodMiniType>(schema: T) => z.union([schema, z.literal('')]);
  const Lines = (max: number, itemMax: number) =>
    z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(itemMax))).check(z.maxLength(max));

  return {
    directoryUrl: OrEmpty(HttpUrl),
    directoryToken: z.string().check(z.maxLength(4096)),
    directoryRefreshMinutes: z.int().check(z.minimum(5), z.maximum(7 * 24 * 60)),
    selfHosted: z.partialRecord(toolIdSchema(), z.array(Origin).check(z.maxLength(50))),
    privateWarning: z.enum(['off', 'warn', 'confirm']),
    privateWarningUnknown: z.boolean(),
    privateReasons: Lines(20, 80).check(z.minLength(1)),
    archiveNudge: z.boolean(),
    kudosWebhookUrl: OrEmpty(HttpUrl),
    helpdeskUrl: OrEmpty(HttpUrl),
    captureExclude: Lines(500, 2048),
    capturePaused: z.boolean(),
    captureSkip: Lines(500, 2048),
    disabledFeatures: Lines(100, 100),
    liveSearch: z.partialRecord(toolIdSchema(), z.boolean()),
  };
});

type Fields = ReturnType<typeof fieldSchemas>;
export type Settings = { [K in keyof Fields]: z.infer<Fields[K]> };
export type SettingKey = keyof Settings;
/** The whole settings object, as the background hands it to content scripts. */
export const settingsSchema = lazy(() => z.object(fieldSchemas()));


/** The user's own choices: only the keys they changed. Version 1 of the stored item (defined on first use). */
export const userSettingsItem = lazy(() =>
  storage.defineItem<Partial<Settings>>('local:settings', {
    fallback: {},
    version: 1,
  }),
);

export interface SettingsSnapshot {
  effective: Settings;
  user: Partial<Settings>;
  managed: Partial<Settings>;
  /** Problems found in stored or managed values; the offending values are ignored, never half-applied. */
  problems: string[];
}

/** Validate each key on its own, so one bad value cannot discard the rest. */
export function parseSettings(raw: unknown, source: string, options: { policy?: boolean } = {}): { values: Partial<Settings>; problems: string[] } {
  const values: Partial<Settings> = {};
  const problems: string[] = [];
  if (raw === null || typeof raw !== 'object') return { values, problems };
  for (const [key, value] of Object.entries(raw)) {
    const fields = fieldSchemas();
    if (!Object.hasOwn(fields, key)) {
      problems.push(`${source}: unknown setting "${key}" ignored`);
      continue;
    }
    if (options.policy === true && USER_ONLY_SETTINGS.has(key)) {
      problems.push(`${source}: "${key}" is each user’s own choice and is ignored`);
      continue;
    }
    const parsed = fields[key as SettingKey].safeParse(value);
    if (parsed.success) Object.assign(values, { [key]: parsed.data });
    else problems.push(`${source}: "${key}" ignored: ${z.prettifyError(parsed.error)}`);
  }
  return { values, problems };
}

/** The last managed policy read, so that settings are at hand while the browser's policy service starts. */
const managedCacheItem = lazy(() => storage.defineItem<Record<string, unknown>>('local:managedPolicyCache', { fallback: {} }));
/** Keys in `storage.local` that settings are read from (WXT stores `local:x` under `x`). */
const SETTINGS_STORAGE_KEYS: ReadonlySet<string> = new Set(['settings', 'managedPolicyCache']);
/** How long to wait for managed storage before answering from the cached policy. */
const MANAGED_WAIT_MS = 250;

/**
 * Managed storage, or nothing where the browser has no policy (Firefox without a policies.json).
 * Chromium answers `storage.managed.get()` only once its policy service has loaded, which takes
 * seconds after the browser starts; until then the last policy read stands in, and when the fresh
 * one differs it is cached, which notifies every settings watcher.
 */
async function readManagedRaw(): Promise<unknown> {
  const fresh = browser.storage.managed.get().then(
    async (policy: Record<string, unknown>) => {
      const cached = await managedCacheItem().getValue();
      if (JSON.stringify(cached) !== JSON.stringify(policy)) await managedCacheItem().setValue(policy);
      return policy;
    },
    () => ({}),
  );
  const stale = new Promise<unknown>((resolve) => setTimeout(() => resolve(managedCacheItem().getValue()), MANAGED_WAIT_MS));
  return Promise.race([fresh, stale]);
}

/**
 * Policy origins and the user's own add up: the organisation's instances are always covered (and
 * locked in Options, origin by origin), and a user may still name an instance the policy does not.
 */
function combineSelfHosted(user: Settings['selfHosted'] = {}, managed: Settings['selfHosted'] = {}): Settings['selfHosted'] {
  const combined: Settings['selfHosted'] = {};
  for (const tool of TOOL_IDS) {
    const origins = [...new Set([...(managed[tool] ?? []), ...(user[tool] ?? [])])];
    if (origins.length > 0) combined[tool] = origins;
  }
  return combined;
}

export function combineSettings(user: Partial<Settings>, managed: Partial<Settings>): Settings {
  return { ...DEFAULT_SETTINGS, ...user, ...managed, selfHosted: combineSelfHosted(user.selfHosted, managed.selfHosted) };
}

export async function loadSettings(): Promise<SettingsSnapshot> {
  const [userRaw, managedRaw] = await Promise.all([userSettingsItem().getValue(), readManagedRaw()]);
  const user = parseSettings(userRaw, 'Your settings');
  const managed = parseSettings(managedRaw, 'Organization policy', { policy: true });
  return {
    effective: combineSettings(user.values, managed.values),
    user: user.values,
    managed: managed.values,
    problems: [...managed.problems, ...user.problems],
  };
}

/** Save the user's value for some keys; managed keys still win when read. */
export async function saveUserSettings(patch: Partial<Settings>): Promise<void> {
  const { values, problems } = parseSettings(patch, 'New value');
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const current = await userSettingsItem().getValue();
  await userSettingsItem().setValue({ ...current, ...values });
}

/** Go back to the default (or the organisation's value) for these keys. */
export async function resetUserSettings(keys: readonly SettingKey[]): Promise<void> {
  const current = { ...(await userSettingsItem().getValue()) };
  for (const key of keys) delete current[key];
  await userSettingsItem().setValue(current);
}

/**
 * Call `onChange` with a fresh snapshot whenever the user's settings or managed policy change
 * (policy pushed by an admin applies live, in every open tab).
 */
export function watchSettings(onChange: (snapshot: SettingsSnapshot) => void, signal: AbortSignal): void {
  // Only the keys settings are made of: other local data (sync status, caches) changes often, and
  // each change here restarts features in every open tab.
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'local' && Object.keys(changes).some((key) => SETTINGS_STORAGE_KEYS.has(key)))) {
      void loadSettings().then((s) => signal.aborted || onChange(s));
    }
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
