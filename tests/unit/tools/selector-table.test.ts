// @vitest-environment jsdom
/**
 * Selectors as data (lib/tools/selector-table.ts): every adapter's selectors are dated alternatives in
 * its table, and its code holds no selector of its own.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { adapters } from '@/lib/tools/registry';
import { joinSelectors } from '@/lib/tools/selector-table';

/** DOM calls whose arguments are selectors, and which arguments. */
const SELECTOR_ARGUMENTS = new Map<string, number[]>(Object.entries({
  querySelector: [0],
  querySelectorAll: [0],
  closest: [0],
  matches: [0],
  inContent: [1, 2],
  queryAllWithin: [1],
  nearbyControl: [1, 2],
  ownedBy: [1, 2],
  hasAny: [1],
  within: [0, 1],
  anyOf: [0, 1, 2, 3],
}));

/** A string that reads as a CSS selector: a tag with a class, id or attribute, or one of them alone. */
const LOOKS_LIKE_SELECTOR = /^(?:[a-z][a-z0-9-]*)?(?:[.#][A-Za-z_][\w-]*|\[[\w-]+(?:[~|^$*]?=[^\]]*)?\])/;

/** Inline selectors in an adapter's source: string or template arguments of DOM queries, and selector-like strings anywhere. */
export function inlineSelectors(source: string, file = 'adapter.ts'): string[] {
  const found: string[] = [];
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const literalText = (node: ts.Node) => (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : ts.isTemplateExpression(node) ? node.getText(sf) : null);
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : ts.isIdentifier(node.expression) ? node.expression.text : '';
      for (const at of SELECTOR_ARGUMENTS.get(callee) ?? []) {
        const arg = node.arguments[at];
        const text = arg ? literalText(arg) : null;
        if (text !== null) found.push(`${callee}(${text})`);
      }
    }
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !ts.isImportDeclaration(node.parent) && LOOKS_LIKE_SELECTOR.test(node.text)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return [...new Set(found)];
}

describe('selector tables', () => {
  it.each(adapters)('$id: every role lists dated alternatives the browser accepts', (adapter) => {
    const roles = Object.entries(adapter.selectors);
    expect(roles.length).toBeGreaterThan(10);
    for (const [role, alternatives] of roles) {
      expect(alternatives.length, role).toBeGreaterThan(0);
      for (const { selector, generation, verified } of alternatives) {
        expect(() => document.querySelector(selector), `${role}: ${selector}`).not.toThrow();
        expect(selector).not.toMatch(/^\s|\s$|^,|,$/);
        expect(generation).toMatch(/^[a-z][a-z0-9-]*$/);
        expect(verified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new Date(`${verified}T00:00:00Z`).toISOString().slice(0, 10)).toBe(verified);
        // One selector per alternative: a list in one would hide which of its parts matched.
        expect(selector.replace(/"[^"]*"|'[^']*'/g, '').replace(/\([^()]*\)/g, ''), `${role}: ${selector}`).not.toContain(',');
      }
      expect(joinSelectors(alternatives).length).toBeGreaterThan(0);
    }
  });

  it.each(adapters)('$id: the adapter code holds no selector outside its table', (adapter) => {
    const source = readFileSync(`lib/tools/${adapter.id}/adapter.ts`, 'utf8');
    expect(inlineSelectors(source)).toEqual([]);
  });

  it('the scan finds inline selectors of every form', () => {
    const source = [
      "doc.querySelector('.markdown-body');",
      'el.closest(`${selectors.a} .note`);',
      "nearbyControl(el, '[role=\"menu\"]', selectors.edit);",
      "const EDIT = 'button[aria-label=\"Edit\"]';",
      "post.querySelectorAll('button');",
    ].join('\n');
    expect(inlineSelectors(source)).toEqual([
      'querySelector(.markdown-body)',
      '.markdown-body',
      'closest(`${selectors.a} .note`)',
      'nearbyControl([role="menu"])',
      '[role="menu"]',
      'button[aria-label="Edit"]',
      'querySelectorAll(button)',
    ]);
  });
});
