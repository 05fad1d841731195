import path from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { pageRealmRules } from './lint/page-realm.js';

/** Code bundled into the content scripts (entrypoints/*.content.ts and what they import). */
const CONTENT_SCRIPT_CODE = [
  'entrypoints/*.content.ts',
  'lib/{content,dom,features,kudos,openness,page,search,tools,ui}/**/*.ts',
  'lib/*.ts',
];

const NO_STRUCTURED_CLONE = { name: 'structuredClone', message: 'In a Firefox content script this clones into the page realm; copy with JSON or by hand.' };

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/fixtures/**', 'test-results/**', 'test-results-firefox/**', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      // Host pages are hostile input: never build DOM from strings.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM nodes or text; never parse strings as HTML.' },
        { property: 'outerHTML', message: 'Build DOM nodes or text; never parse strings as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM nodes or text; never parse strings as HTML.' },
      ],
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never HTML.' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Firefox runs content scripts against the page's objects through Xray wrappers (tests/lint/page-realm.js).
    files: CONTENT_SCRIPT_CODE,
    ignores: ['**/*.test.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: path.resolve(import.meta.dirname, '..') } },
    plugins: { 'page-realm': { rules: pageRealmRules } },
    rules: {
      'page-realm/no-dom-iterator-methods': 'error',
      'page-realm/no-dom-expandos': 'error',
      // The page's structuredClone makes page-realm copies, which Firefox content scripts see only through Xrays.
      'no-restricted-globals': ['error', NO_STRUCTURED_CLONE],
    },
  },
  {
    // Features are handed their page (PageContext in lib/features/feature.ts): its document, window and URL.
    files: ['lib/features/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        NO_STRUCTURED_CLONE,
        ...['window', 'document', 'location'].map((name) => ({ name, message: 'A feature uses the page it is given: page.win, page.doc, page.url.' })),
      ],
    },
  },
  {
    // Tests build fixture documents from strings on purpose.
    files: ['tests/**'],
    rules: {
      'no-restricted-properties': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never HTML.' },
        {
          selector: "CallExpression[callee.object.name='vi'][callee.property.name=/^(mock|doMock|unmock|doUnmock)$/]",
          message: 'Unit test files share loaded modules (tests/vitest.config.ts): pass a fake in instead of mocking a module.',
        },
      ],
    },
  },
);
