/**
 * A tool's facts (handles, mentions, profiles, hosts, names) come from its own folder, and every
 * place that uses them reads them from there: nothing about a tool is written down elsewhere.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StoredPerson } from '@/lib/db';
import { mentionFor } from '@/lib/kudos/thank-you';
import { findConflicts } from '@/lib/people/conflicts';
import { profileUrl } from '@/lib/people/resolver';
import { normalHandle } from '@/lib/people/schema';
import { PeopleSuggester } from '@/lib/people/suggest';
import type { ToolFacts } from '@/lib/tools/facts';
import { adapters } from '@/lib/tools/registry';
import { TOOL_FACTS, TOOL_IDS, TOOL_NAMES, type ToolId } from '@/lib/tools/tool-ids';
import { readSchema, selfHostedProperties } from '../../../scripts/policy-templates';

/** A handle of each distinctive shape (a tool's facts' `distinctiveHandle`). */
const DISTINCTIVE: Partial<Record<ToolId, string>> = { slack: 'U024BE7LH', asana: '1207000000000101' };

/** The facts module in the tool's own folder, `lib/tools/<tool>/facts.ts`. */
async function folderFacts(tool: ToolId): Promise<ToolFacts | undefined> {
  const module = (await import(`../../../lib/tools/${tool}/facts.ts`)) as Record<string, ToolFacts>;
  return module[`${tool}Facts`];
}

describe.each(adapters)('$id facts', (adapter) => {
  it('come from its folder, and its adapter and the facts table carry that same object', async () => {
    const facts = await folderFacts(adapter.id);
    expect(facts).toBeDefined();
    expect(adapter.facts).toBe(facts);
    expect(TOOL_FACTS[adapter.id]).toBe(facts);
    expect(adapter.name).toBe(facts!.name);
    expect(TOOL_NAMES[adapter.id]).toBe(facts!.name);
    expect(adapter.matches).toBe(facts!.matches);
  });

  it('decide how handles are matched', () => {
    const folded = normalHandle(adapter.id, '@MiXeD.Handle');
    expect(folded).toBe(adapter.facts.handleCase === 'insensitive' ? 'mixed.handle' : 'MiXeD.Handle');
  });

  it('decide how a thanks mention and a suggestion are written', () => {
    const picker = adapter.facts.mentionStyle === 'picker';
    expect(mentionFor(adapter.id, 'lena-k', 'Lena Kowalski')).toBe(picker ? '@Lena Kowalski' : '@lena-k');
    const lena: StoredPerson = { id: 'lena', name: 'Lena Kowalski', handles: { [adapter.id]: 'lena-k' }, handleKeys: [], updatedAt: 0 };
    expect(new PeopleSuggester([lena]).suggest('Lena', adapter.id, null)[0]?.insert).toBe(picker ? 'Lena Kowalski' : 'lena-k');
  });

  it('give the profile address, on the plain key and on a self-hosted one', () => {
    const home = { origin: 'https://tool.acme.example', path: '/1/acme/channels/town-square' };
    expect(profileUrl(adapter.id, 'a b', { [adapter.id]: home })).toBe(adapter.facts.profileUrl('a%20b', undefined, home));
    expect(profileUrl(`${adapter.id}:tool.acme.example`, 'lena', { [adapter.id]: home })).toBe(adapter.facts.profileUrl('lena', 'https://tool.acme.example', home));
  });

  it('say which handles belong in another tool’s column', () => {
    const misplaced = Object.entries(DISTINCTIVE).filter(([tool]) => tool !== adapter.id);
    for (const [tool, handle] of misplaced) {
      const [conflict] = findConflicts([{ id: 'p', name: 'P', handles: { [adapter.id]: handle } }]);
      expect(conflict?.fix, `${tool} ${handle}`).toMatch(new RegExp(`^Move ${handle} to the ${tool} column and put the person's ${adapter.facts.name} ${adapter.facts.handleWord} here`));
    }
    const own = DISTINCTIVE[adapter.id];
    if (own) expect(findConflicts([{ id: 'p', name: 'P', handles: { [adapter.id]: own } }])).toEqual([]);
  });
});

describe('distinctive handles', () => {
  it('have a sample here for every tool whose facts declare a shape', () => {
    expect(Object.keys(DISTINCTIVE).sort()).toEqual(TOOL_IDS.filter((id) => TOOL_FACTS[id].distinctiveHandle).sort());
    for (const [tool, handle] of Object.entries(DISTINCTIVE)) expect(TOOL_FACTS[tool as ToolId].distinctiveHandle?.pattern.test(handle)).toBe(true);
  });
});

describe('per-tool parts written outside lib/tools', () => {
  it('the managed schema has one selfHosted property per tool, as the facts name it (npm run policy-templates)', () => {
    const selfHosted = readSchema().properties.selfHosted?.properties ?? {};
    expect(Object.keys(selfHosted)).toEqual([...TOOL_IDS]);
    expect(selfHosted).toEqual(selfHostedProperties());
  });

  it('the managed schema has one liveSearch property per tool (written by hand: its titles are not the facts’ names)', () => {
    expect(Object.keys(readSchema().properties.liveSearch?.properties ?? {})).toEqual([...TOOL_IDS]);
  });

  it('the package description, README and contract name every tool', () => {
    const description = (JSON.parse(readFileSync('package.json', 'utf8')) as { description: string }).description;
    const readme = readFileSync('README.md', 'utf8');
    const contract = readFileSync('docs/contract.md', 'utf8');
    for (const id of TOOL_IDS) {
      expect(description, id).toContain(TOOL_NAMES[id]);
      expect(readme, id).toContain(TOOL_NAMES[id]);
      expect(readme, id).toContain(`\`${id}\``);
      expect(contract, id).toContain(`| ${id} |`);
    }
  });
});
