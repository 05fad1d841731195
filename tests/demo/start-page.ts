import { TOOL_NAMES } from '../../lib/tools/tool-ids';
import type { FixtureEntry } from '../harness/fixture-catalog';

export const START_URL = 'https://demo.daylight.example/';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The demo workspace's start page: every demo page, grouped by tool, with who can see it. */
export function startPageHtml(entries: readonly FixtureEntry[]): string {
  const byTool = new Map<FixtureEntry['tool'], FixtureEntry[]>();
  for (const entry of entries) byTool.set(entry.tool, [...(byTool.get(entry.tool) ?? []), entry]);
  const sections = [...byTool]
    .map(
      ([tool, pages]) => `<section><h2>${escape(TOOL_NAMES[tool])}</h2><ul>${pages
        .map(
          (p) =>
            `<li><a href="${escape(p.url)}">${escape(p.title)}</a> <span class="tag ${p.place}">${escape(p.kind.replace(/[-_]/g, ' '))} · ${p.place}</span></li>`,
        )
        .join('')}</ul></section>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Daylight demo workspace</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1f2430}
header{background:#1e293b;color:#fff;padding:24px 40px}header h1{margin:0 0 4px;font-size:24px}header p{margin:0;color:#cbd5e1}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:16px;padding:24px 40px}
section{background:#fff;border:1px solid #d9dde5;border-radius:10px;padding:12px 18px}h2{font-size:17px;margin:4px 0 8px}
ul{margin:0;padding-left:18px}li{margin:4px 0}.tag{font-size:12px;border-radius:999px;padding:1px 8px;background:#e2e8f0;white-space:nowrap}
.tag.private{background:#fde68a}.tag.unknown{background:#e9d5ff}
</style></head><body><header><h1>Acme — Daylight demo workspace</h1>
<p>Saved pages of every tool Daylight supports, served at their real addresses. You are Priya Raman (Platform). The directory holds 30 colleagues.</p></header>
<main>${sections}</main></body></html>`;
}
