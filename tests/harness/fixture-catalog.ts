import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TOOL_FACTS, TOOL_IDS, type ToolId } from '../../lib/tools/tool-ids';
import { onPatternHost } from '../../lib/tools/url';
import { ROOT } from './chromium';

export const FIXTURES_DIR = path.join(ROOT, 'tests/fixtures');

/** One saved page, as described by its tool folder's fixtures.json. */
export interface FixtureEntry {
  file: string;
  url: string;
  tool: ToolId;
  kind: string;
  place: 'public' | 'private' | 'unknown';
  title: string;
  container?: string;
  viewer?: string | null;
  mentions: string[];
  posts: Array<{ id: string; author: string | null }>;
  composers: number;
  deleteActions: string[];
  /**
   * For each delete action, what the tool offers instead: its label, and a selector (or
   * `selector = "text"`) for the control that starts it (or an element inside that control), or null.
   */
  alternatives: Record<string, { label: string; control: string | null }>;
  api?: Record<string, unknown>;
}

/** Whether the tool matches handles case-insensitively, from its facts. */
export const foldsCase = (tool: ToolId) => TOOL_FACTS[tool].handleCase === 'insensitive';

/** Whether a post's author is the page's viewer (who gets no Thank button on their own posts). */
export const byViewer = (entry: FixtureEntry, author: string | null): boolean =>
  author !== null && entry.viewer != null && (foldsCase(entry.tool) ? author.toLowerCase() === entry.viewer.toLowerCase() : author === entry.viewer);

/** For each post of the page, how many Thank hosts it should hold: one, unless the viewer wrote it or its author is unknown. */
export function expectedThankCounts(entry: FixtureEntry): Record<string, number> {
  return Object.fromEntries(entry.posts.map((p) => [p.id, byViewer(entry, p.author) || p.author === null ? 0 : 1]));
}

/**
 * Whether the page is on one of its tool's SaaS hosts, where the content script is declared: a
 * browser runs Daylight there with no setup. A page saved at a self-hosted origin is read by the
 * contract suite; in a browser it needs the origin configured (tests/e2e/self-hosted.spec.ts).
 */
export const onSaasHost = (entry: FixtureEntry): boolean => onPatternHost(TOOL_FACTS[entry.tool].matches, new URL(entry.url));

export function fixtureHtml(entry: FixtureEntry): string {
  return readFileSync(path.join(FIXTURES_DIR, entry.tool, entry.file), 'utf8');
}

/** Every fixture of every tool (or of the given tools). */
export function loadFixtureCatalog(tools: readonly ToolId[] = TOOL_IDS): FixtureEntry[] {
  return tools.flatMap((tool) => {
    const file = path.join(FIXTURES_DIR, tool, 'fixtures.json');
    if (!existsSync(file)) return [];
    const entries = JSON.parse(readFileSync(file, 'utf8')) as Array<Omit<FixtureEntry, 'tool'> & { tool?: ToolId }>;
    return entries.map((e) => ({ ...e, tool }));
  });
}

export function fixture(tool: ToolId, file: string): FixtureEntry {
  const entry = loadFixtureCatalog([tool]).find((e) => e.file === file);
  if (!entry) throw new Error(`No fixture ${tool}/${file} (see ${tool}/fixtures.json: ${listFixtureFiles(tool).join(', ')})`);
  return entry;
}

function listFixtureFiles(tool: ToolId): string[] {
  const dir = path.join(FIXTURES_DIR, tool);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')) : [];
}
