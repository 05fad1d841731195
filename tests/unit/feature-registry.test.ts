import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURE_CATALOG } from '@/lib/features/catalog';
import { features } from '@/lib/features/registry';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Modules of lib/features/ that are the machinery, not features. */
const MACHINERY = new Set(['catalog.ts', 'feature.ts', 'registry.ts', 'runner.ts']);
/** A feature's entry in docs/features.md: one line naming its id, its file and the tests that show it working. */
const ENTRY = /^feature: `([^`]+)` · code: `([^`]+)` · tests: (.+)$/;

interface Entry {
  id: string;
  code: string;
  tests: string[];
}

function readEntries(markdown: string): Entry[] {
  return markdown.split('\n').flatMap((line) => {
    const match = ENTRY.exec(line);
    if (!match) return [];
    const tests = [...match[3]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    return [{ id: match[1]!, code: match[2]!, tests }];
  });
}

describe('feature registry', () => {
  // A feature is a file `<id>.ts`, or a folder `<id>/` of named parts wired by its `<id>/<id>.ts`.
  const files = readdirSync(path.join(ROOT, 'lib/features'), { withFileTypes: true }).flatMap((f) => {
    if (f.isDirectory()) return existsSync(path.join(ROOT, 'lib/features', f.name, `${f.name}.ts`)) ? [`${f.name}/${f.name}.ts`] : [`${f.name}/`];
    return f.name.endsWith('.ts') && !MACHINERY.has(f.name) ? [f.name] : [];
  });
  const codeOf = (id: string) => files.find((f) => f === `${id}.ts` || f === `${id}/${id}.ts`);
  const entries = readEntries(readFileSync(path.join(ROOT, 'docs/features.md'), 'utf8'));

  it('registers every feature file once, under the id its file is named after', () => {
    expect(features.map((f) => codeOf(f.id)).sort()).toEqual(files.sort());
    expect(new Set(features.map((f) => f.id)).size).toBe(features.length);
  });

  it('lists every feature in the catalogue the options page reads, in the order they run, with the same description', () => {
    expect(FEATURE_CATALOG.map((f) => ({ id: f.id, description: f.description }))).toEqual(features.map((f) => ({ id: f.id, description: f.description })));
  });

  it('documents each registered feature exactly once in docs/features.md, and nothing else', () => {
    expect(entries.map((e) => e.id).sort()).toEqual(features.map((f) => f.id).sort());
  });

  it.each(features.map((f) => [f.id, f] as const))('%s is described, and its entry names its file and tests that exist', (id, feature) => {
    expect(feature.description.length).toBeGreaterThan(20);
    const entry = entries.find((e) => e.id === id);
    expect(entry?.code).toBe(`lib/features/${codeOf(id)}`);
    expect(entry!.tests.length).toBeGreaterThan(0);
    for (const test of entry!.tests) {
      expect(test, `${id}: ${test} is a test file`).toMatch(/^tests\/.+\.(test|spec)\.tsx?$/);
      expect(existsSync(path.join(ROOT, test)), `${id}: ${test} exists`).toBe(true);
    }
  });
});
