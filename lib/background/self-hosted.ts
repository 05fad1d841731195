import { browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { Settings } from '../settings';
import { adapterFor } from '../tools/registry';
import { TOOL_IDS, type ToolId } from '../tools/tool-ids';

const ID_PREFIX = 'self-hosted-';

export interface SelfHostedScript {
  id: string;
  tool: ToolId;
  matches: string[];
}

/**
 * One dynamically registered content script per tool, covering that tool's self-hosted origins
 * (from policy and the user's settings). Origins already covered by the tool's SaaS hosts are left
 * to the static content script. Match patterns carry no port: Chromium ignores ports in them and
 * Firefox rejects them.
 */
export function wantedScripts(selfHosted: Settings['selfHosted']): SelfHostedScript[] {
  return TOOL_IDS.flatMap((tool) => {
    const saas = adapterFor(tool).matches.map((pattern) => new MatchPattern(pattern));
    const matches = [
      ...new Set(
        (selfHosted[tool] ?? [])
          .filter((origin) => !saas.some((pattern) => pattern.includes(`${origin}/`)))
          .map((origin) => {
            const url = new URL(origin);
            return `${url.protocol}//${url.hostname}/*`;
          }),
      ),
    ].sort();
    return matches.length > 0 ? [{ id: `${ID_PREFIX}${tool}`, tool, matches }] : [];
  });
}

/** Make the registered self-hosted scripts equal to the wanted ones; returns what changed. */
export async function syncSelfHostedScripts(selfHosted: Settings['selfHosted']): Promise<{ registered: string[]; removed: string[] }> {
  const wanted = wantedScripts(selfHosted);
  const existing = (await browser.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(ID_PREFIX));
  const same = (a: readonly string[] = [], b: readonly string[]) => a.length === b.length && [...a].sort().every((v, i) => v === b[i]);
  const stale = existing.filter((s) => !wanted.some((w) => w.id === s.id && same(s.matches, w.matches))).map((s) => s.id);
  const fresh = wanted.filter((w) => !existing.some((s) => s.id === w.id && same(s.matches, w.matches)));
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  if (fresh.length > 0) {
    await browser.scripting.registerContentScripts(
      fresh.map((script) => ({
        id: script.id,
        matches: script.matches,
        js: [`content-scripts/${script.tool}.js`],
        runAt: 'document_idle' as const,
        persistAcrossSessions: true,
      })),
    );
  }
  return { registered: fresh.map((s) => s.id), removed: stale.filter((id) => !fresh.some((s) => s.id === id)) };
}
