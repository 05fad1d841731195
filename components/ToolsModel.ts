import { MatchPattern } from 'wxt/utils/match-patterns';
import { wantedScripts } from '@/lib/background/self-hosted';
import type { PageReportRecord } from '@/lib/db';
import { t } from '@/lib/i18n/t';
import type { Settings, SettingsSnapshot } from '@/lib/settings';
import { adapterFor } from '@/lib/tools/registry';
import { TOOL_IDS, TOOL_NAMES, type ToolId } from '@/lib/tools/tool-ids';

/**
 * Pure helpers of the options Tools section: checking an origin the user types, and the status of
 * every configured origin (who configured it, whether its content script is registered, what the
 * last visit found). Nothing here renders, so it is cheap to test.
 */

export type OriginCheck = { ok: true; origin: string } | { ok: false; error: string };

/** The tool's SaaS hosts, as people know them (`github.com`, `*.slack.com`). */
export function saasHosts(tool: ToolId): string[] {
  return adapterFor(tool).matches.map((pattern) => pattern.replace(/^https:\/\//, '').replace(/\/\*$/, ''));
}

function coveredBySaas(tool: ToolId, origin: string): boolean {
  return adapterFor(tool).matches.some((pattern) => new MatchPattern(pattern).includes(`${origin}/`));
}

/** Whether `text` names a new self-hosted instance of `tool`; the error says what to fix. */
export function checkOrigin(tool: ToolId, text: string, configured: Settings['selfHosted']): OriginCheck {
  const trimmed = text.trim();
  const example = `https://${tool}.acme.internal`;
  if (trimmed === '') return { ok: false, error: t('originEmpty', example) };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, error: t('originNotAddress', trimmed, example) };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: t('originScheme') };
  if (url.username !== '' || url.password !== '') return { ok: false, error: t('originCredentials') };
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    return { ok: false, error: t('originPath', url.origin) };
  }
  const origin = url.origin;
  if (coveredBySaas(tool, origin)) return { ok: false, error: t('originSaas', origin, TOOL_NAMES[tool]) };
  const owner = TOOL_IDS.find((id) => configured[id]?.includes(origin));
  if (owner === tool) return { ok: false, error: t('originSameTool', origin, TOOL_NAMES[tool]) };
  if (owner) return { ok: false, error: t('originOtherTool', origin, TOOL_NAMES[owner]) };
  return { ok: true, origin };
}

/** What the content script registered for an origin is: the browser's registration, or the built-in SaaS script. */
export type Registration = 'registered' | 'not-registered' | 'built-in';

export interface OriginStatus {
  tool: ToolId;
  origin: string;
  source: 'policy' | 'user';
  registration: Registration;
  /** The latest page report from this origin for this tool, if it was visited. */
  lastVisit: { at: number; detected: boolean; path: string } | null;
}

export interface RegisteredScript {
  id: string;
  matches?: string[];
}

/** Every configured origin of every tool, policy ones first, with its registration and last visit. */
export function originStatuses(snapshot: SettingsSnapshot, registered: readonly RegisteredScript[], reports: readonly PageReportRecord[]): OriginStatus[] {
  const wanted = wantedScripts(snapshot.effective.selfHosted);
  return TOOL_IDS.flatMap((tool) => {
    const script = registered.find((s) => s.id === wanted.find((w) => w.tool === tool)?.id);
    const policy = snapshot.managed.selfHosted?.[tool] ?? [];
    return (snapshot.effective.selfHosted[tool] ?? []).map((origin): OriginStatus => {
      const url = new URL(origin);
      const pattern = `${url.protocol}//${url.hostname}/*`;
      const registration: Registration = coveredBySaas(tool, origin)
        ? 'built-in'
        : script?.matches?.includes(pattern)
          ? 'registered'
          : 'not-registered';
      const latest = reports
        .filter((r) => r.tool === tool && r.origin === origin)
        .reduce<PageReportRecord | null>((a, b) => (a === null || b.at > a.at ? b : a), null);
      return {
        tool,
        origin,
        source: policy.includes(origin) ? 'policy' : 'user',
        registration,
        lastVisit: latest && { at: latest.at, detected: latest.detected, path: latest.path },
      };
    });
  });
}

/** The user's own origins with one added or removed, as `saveUserSettings` takes them. */
export function withOrigin(user: Settings['selfHosted'] = {}, tool: ToolId, origin: string, present: boolean): Settings['selfHosted'] {
  const others = (user[tool] ?? []).filter((o) => o !== origin);
  const next = { ...user, [tool]: present ? [...others, origin] : others };
  if (next[tool]?.length === 0) delete next[tool];
  return next;
}

/** A host pattern Daylight needs access to for one tool: its SaaS hosts and every configured origin. */
export interface AccessPattern {
  tool: ToolId;
  pattern: string;
}

/** Every host pattern Daylight's content scripts run on, per tool (what the user may withdraw in Firefox). */
export function accessPatterns(selfHosted: Settings['selfHosted']): AccessPattern[] {
  return TOOL_IDS.flatMap((tool) => [
    ...adapterFor(tool).matches.map((pattern) => ({ tool, pattern })),
    ...(selfHosted[tool] ?? []).map((origin) => ({ tool, pattern: `${origin}/*` })),
  ]);
}
