import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { pageRealmRules } from '../../lint/page-realm.js';

// A one-file program of its own (the project's would take the type checker a minute on a busy machine).
const dir = mkdtempSync(path.join(tmpdir(), 'daylight-page-realm-'));
writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], noEmit: true }, include: ['*.ts'] }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOURCES = {
  'dom.ts': [
    'export function f(u: URL, el: HTMLElement): string[] {',
    "  Object.defineProperty(el, 'x', { value: 1 });",
    '  return [...u.searchParams.keys(), ...new Headers().values()];',
    '}',
    '',
  ].join('\n'),
  'plain.ts': [
    'export function g(m: Map<string, number>, o: object): string[] {',
    "  Object.defineProperty(o, 'x', { value: 1 });",
    '  return [...m.keys(), ...Object.keys(o)];',
    '}',
    '',
  ].join('\n'),
};
// Every file is written before the first lint: typescript-eslint keeps the program it built for the tsconfig.
for (const [name, code] of Object.entries(SOURCES)) writeFileSync(path.join(dir, name), code);

async function ruleIds(name: keyof typeof SOURCES): Promise<string[]> {
  const file = path.join(dir, name);
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser, parserOptions: { project: path.join(dir, 'tsconfig.json'), tsconfigRootDir: dir } },
        plugins: { 'page-realm': { rules: pageRealmRules } },
        rules: { 'page-realm/no-dom-iterator-methods': 'error', 'page-realm/no-dom-expandos': 'error' },
      },
    ],
  });
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('page-realm lint rules (Firefox Xray patterns in content-script code, wired in tests/eslint.config.js)', () => {
  it('flags iterating keys(), values() or entries() of a DOM object, and expandos on DOM objects', async () => {
    const ids = await ruleIds('dom.ts');
    expect(ids.filter((id) => id === 'page-realm/no-dom-iterator-methods')).toHaveLength(2);
    expect(ids.filter((id) => id === 'page-realm/no-dom-expandos')).toHaveLength(1);
  });

  it('leaves the same method names on plain objects and maps alone', async () => {
    const ids = await ruleIds('plain.ts');
    // A parse error would show here as a message without a rule id.
    expect(ids).toEqual([]);
  });
}, 60_000);
