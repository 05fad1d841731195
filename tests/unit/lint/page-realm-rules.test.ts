import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
// Linted as if it were content-script code (the rules apply only there); nothing is written to disk.
const filePath = path.join(root, 'lib/content/page-realm.ts');

async function ruleIds(code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'tests/eslint.config.js') });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('page-realm lint rules (Firefox Xray patterns in content-script code)', () => {
  it('flags iterating keys(), values() or entries() of a DOM object, and expandos on DOM objects', async () => {
    const ids = await ruleIds(
      [
        'export function f(u: URL, el: HTMLElement): string[] {',
        "  Object.defineProperty(el, 'x', { value: 1 });",
        '  return [...u.searchParams.keys(), ...new Headers().values()];',
        '}',
        '',
      ].join('\n'),
    );
    expect(ids.filter((id) => id === 'page-realm/no-dom-iterator-methods')).toHaveLength(2);
    expect(ids.filter((id) => id === 'page-realm/no-dom-expandos')).toHaveLength(1);
  });

  it('leaves the same method names on plain objects and maps alone', async () => {
    const ids = await ruleIds(
      [
        'export function g(m: Map<string, number>, o: object): string[] {',
        "  Object.defineProperty(o, 'x', { value: 1 });",
        '  return [...m.keys(), ...Object.keys(o)];',
        '}',
        '',
      ].join('\n'),
    );
    expect(ids.filter((id) => id.startsWith('page-realm/'))).toEqual([]);
  });
}, 60_000);
