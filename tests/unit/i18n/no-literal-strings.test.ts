import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { localeFile } from './locale-messages';

const root = path.resolve(import.meta.dirname, '../../..');

/** Where Daylight's UI lives: every file here is scanned, except those below. */
const SCANNED = ['components', 'lib/ui', 'lib/features'];

/**
 * Files not scanned, each with why. Untranslated ones still have English literals and leave this list
 * as they are translated (docs/features.md, "Languages").
 */
const NOT_SCANNED: Record<string, string> = {};

const scanned = SCANNED.flatMap((dir) =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => `${dir}/${name.split(path.sep).join('/')}`),
);

const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'label']);
/** Properties that hold words shown to the user (column headers, field labels and help). */
const VISIBLE_PROPERTIES = new Set(['label', 'header', 'help', 'caption', 'heading']);
const KEYS = new Set(Object.keys(localeFile('en')));
/** An address, a match pattern or `tool:host`: one token with `:`, `/` or `.` in it, the same in every language. */
const isAddress = (text: string) => /^\S+$/.test(text.trim()) && /[:/.]/.test(text);
/** Words a user would read; a message key (what `t` is given) and an address are not. */
const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !KEYS.has(text) && !isAddress(text);

const literals = (file: string) => literalsIn(file, readFileSync(path.join(root, file), 'utf8'));

/** User-visible literals: JSX text, visible attributes, and children of the `el()` helper (lib/ui/shadow-host.ts). */
function literalsIn(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const literalText = (node: ts.Node | undefined) =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : node && ts.isTemplateExpression(node) ? node.head.text + node.templateSpans.map((s) => s.literal.text).join('') : undefined;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText())) {
      const value = node.initializer && ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      const text = literalText(value);
      if (text && hasWords(text)) found.push(text);
    }
    if (ts.isCallExpression(node) && node.expression.getText() === 'el') {
      for (const child of node.arguments.slice(2)) {
        const text = literalText(child);
        if (text && hasWords(text)) found.push(text);
      }
      const attributes = node.arguments[1];
      if (attributes && ts.isObjectLiteralExpression(attributes)) {
        for (const property of attributes.properties) {
          if (!ts.isPropertyAssignment(property)) continue;
          const name = property.name.getText().replace(/['"]/g, '');
          const text = literalText(property.initializer);
          if (VISIBLE_ATTRIBUTES.has(name) && text && hasWords(text)) found.push(text);
        }
      }
    }
    if (ts.isPropertyAssignment(node) && VISIBLE_PROPERTIES.has(node.name.getText().replace(/['"]/g, ''))) {
      const text = literalText(node.initializer);
      if (text && hasWords(text)) found.push(text);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && /\.(textContent|innerText)$/.test(node.left.getText())) {
      const text = literalText(node.right);
      if (text && hasWords(text)) found.push(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('user-visible words come from the locale files', () => {
  for (const file of scanned.filter((name) => !(name in NOT_SCANNED))) {
    it(`${file} has no literal words`, () => {
      expect(literals(file)).toEqual([]);
    });
  }

  it('every file left out exists and is UI code', () => {
    for (const file of Object.keys(NOT_SCANNED)) expect(scanned, file).toContain(file);
  });

  it('the scanner finds JSX text, visible attributes, el() children and textContent', () => {
    const source = `
      const a = <p title="Some title">Hello there</p>;
      const b = <input placeholder={'Type here'} aria-label={\`Search \${x}\`} />;
      const c = el('button', { 'aria-label': 'Close it' }, 'Close');
      node.textContent = 'Saved';
      const columns = [{ key: 'week', header: 'Week of', width: 120 }];
      const fine = <p className="muted">{t('key')} · 42</p>;
      const address = <input placeholder="https://gitlab.acme.internal" />;`;
    expect(literalsIn('x.tsx', source).sort()).toEqual(['Close', 'Close it', 'Hello there', 'Saved', 'Search ', 'Some title', 'Type here', 'Week of']);
  });
});
