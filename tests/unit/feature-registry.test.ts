import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURE_CATALOG } from '@/lib/features/catalog';
import { features } from '@/lib/features/registry';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Modules of lib/features/ that are the machinery, not features. */
const MACHINERY = new Set(['catalog.ts', 'feature.ts', 'registry.ts', 'runner.ts']);

describe('feature registry', () => {
  const files = readdirSync(path.join(ROOT, 'lib/features')).filter((f) => f.endsWith('.ts') && !MACHINERY.has(f));
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it('registers every feature file once, under the id its file is named after', () => {
    expect(features.map((f) => `${f.id}.ts`).sort()).toEqual(files.sort());
    expect(new Set(features.map((f) => f.id)).size).toBe(features.length);
  });

  it('lists every feature in the catalogue the options page reads, in the order they run, with the same description', () => {
    expect(FEATURE_CATALOG.map((f) => ({ id: f.id, description: f.description }))).toEqual(features.map((f) => ({ id: f.id, description: f.description })));
  });

  it.each(features.map((f) => [f.id, f] as const))('%s is described and documented in the README', (id, feature) => {
    expect(feature.description.length).toBeGreaterThan(20);
    expect(readme).toContain(`\`${id}\``);
  });
});
