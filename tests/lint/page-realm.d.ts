import type { ESLint } from 'eslint';

/** The rules of page-realm.js, for the unit test that runs them. */
export declare const pageRealmRules: NonNullable<ESLint.Plugin['rules']>;
