import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * Files whose every user-visible word comes from the locale files. The rest of the UI still has
 * English literals and joins this list as it is translated (docs/features.md, "Languages").
 */
const TRANSLATED = ['lib/ui/person-card.ts', 'lib/ui/mention-suggestions.ts', 'lib/ui/working-hours-hint.ts', 'components/WelcomeApp.tsx'];

const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'label']);
const hasWords = (text: string) => /\p{L}{2,}/u.test(text);

/** User-visible literals: JSX text, visible attributes, and children of the `el()` helper (lib/ui/shadow-host.ts). */
function literals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
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
  for (const file of TRANSLATED) {
    it(`${file} has no literal words`, () => {
      expect(literals(file)).toEqual([]);
    });
  }

  it('the scanner finds literals (checked on an untranslated file)', () => {
    expect(literals('components/SearchEmptyState.tsx').length).toBeGreaterThan(0);
  });
});
