/**
 * In a Firefox content script the page's objects (URL, URLSearchParams, NodeList, Headers,
 * FormData, DOMTokenList, events…) are seen through Xray wrappers, which show only what the Web IDL
 * defines. The iterators their `keys()`, `values()` and `entries()` return are missing the
 * `[Symbol.iterator]` they inherit from the page's %IteratorPrototype%, so spreading them or
 * `for…of` over them throws "… is not iterable" in Firefox and works in Chromium. An expando set on
 * such an object with Object.defineProperty is visible to the content script only, never to the page.
 * These rules use the type checker to find calls on types declared in TypeScript's DOM library.
 */
import ts from 'typescript';
import { ESLintUtils } from '@typescript-eslint/utils';

const ITERATOR_METHODS = new Set(['keys', 'values', 'entries']);

/** Whether `symbol` is declared in TypeScript's DOM library (lib.dom*.d.ts; others, like @types/react, may merge into it). */
function declaredInDomLib(symbol) {
  return (symbol?.getDeclarations() ?? []).some((d) => /[\\/]lib\.dom(\.[a-z]+)?\.d\.ts$/.test(d.getSourceFile().fileName));
}

/** Whether `type` is (a union of, or nullable) interfaces declared in the DOM library. */
function isDomType(checker, type) {
  if (type.isUnion()) return type.types.every((t) => isDomType(checker, t) || (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) !== 0);
  return declaredInDomLib(type.getSymbol());
}

/** A problem rule with one message whose visitors get the type checker: what the two rules share. */
function typeAwareRule(messages, visitors) {
  return ESLintUtils.RuleCreator.withoutDocs({
    meta: { type: 'problem', messages, schema: [] },
    defaultOptions: [],
    create(context) {
      const services = ESLintUtils.getParserServices(context);
      return visitors(context, services, services.program.getTypeChecker());
    },
  });
}

export const pageRealmRules = {
  'no-dom-iterator-methods': typeAwareRule(
    {
      iterator:
        '`{{name}}()` of a DOM object returns an iterator Firefox content scripts cannot iterate (Xray). Iterate the object itself (`for…of`, `Array.from(x, ([key]) => key)`).',
    },
    (context, services, checker) => ({
      'CallExpression > MemberExpression.callee[computed=false]'(member) {
        if (!ITERATOR_METHODS.has(member.property.name)) return;
        const method = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(member.property));
        if (declaredInDomLib(method)) context.report({ node: member.property, messageId: 'iterator', data: { name: member.property.name } });
      },
    }),
  ),
  'no-dom-expandos': typeAwareRule(
    {
      expando:
        'A property defined on a DOM object is invisible to the page in Firefox (Xray expando). Use definePageGetter from lib/content/page-realm.ts.',
    },
    (context, services, checker) => ({
      "CallExpression[callee.object.name='Object'][callee.property.name=/^define(Property|Properties)$/]"(call) {
        const target = call.arguments[0];
        if (target && isDomType(checker, services.getTypeAtLocation(target))) context.report({ node: call, messageId: 'expando' });
      },
    }),
  ),
};
