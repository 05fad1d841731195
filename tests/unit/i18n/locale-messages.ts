import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The extension's locale files as browser.i18n reads them, for unit tests (WXT's fake browser has no
 * i18n): the same placeholder rules as Chromium's (named `$NAME$` placeholders whose content names
 * `$1`…`$9`; `$$` is a dollar sign), and the same key-by-key fallback to the default locale.
 */
export const LOCALES_DIR = path.resolve(import.meta.dirname, '../../../public/_locales');

export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type LocaleFile = Record<string, LocaleMessage>;

export function localeNames(): string[] {
  return readdirSync(LOCALES_DIR).sort();
}

const files = new Map<string, LocaleFile>();
export function localeFile(locale: string): LocaleFile {
  let file = files.get(locale);
  if (!file) files.set(locale, (file = locale === PSEUDO ? pseudoLocale(localeFile('en')) : (JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as LocaleFile)));
  return file;
}

/** Chromium's rendering of one message. */
export function render(entry: LocaleMessage, substitutions: readonly string[]): string {
  const named = (name: string) => {
    const placeholder = Object.entries(entry.placeholders ?? {}).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
    return placeholder ? placeholder.content.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '') : '';
  };
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$(\d)/g, (match, name: string | undefined, n: string | undefined) =>
    match === '$$' ? '$' : name !== undefined ? named(name) : (substitutions[Number(n) - 1] ?? ''),
  );
}

/** A pseudo-locale made from English: accented letters, 40 % longer, bracketed, so untranslated text and tight layouts show. */
export const PSEUDO = 'pseudo';
const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', c: 'ç', n: 'ñ', y: 'ý', A: 'Å', E: 'É', I: 'Î', O: 'Ø', U: 'Ü', C: 'Ç', N: 'Ñ' };
export function pseudoText(text: string): string {
  const parts = text.split(/(\$[A-Za-z0-9_@]+\$|\$\d|\$\$)/);
  const body = parts.map((part, i) => (i % 2 === 1 ? part : part.replace(/[a-zA-Z]/g, (ch) => ACCENTED[ch] ?? ch))).join('');
  const letters = text.replace(/\$[A-Za-z0-9_@]+\$/g, '').length;
  return `⟦${body}${'·'.repeat(Math.ceil(letters * 0.4))}⟧`;
}
function pseudoLocale(en: LocaleFile): LocaleFile {
  return Object.fromEntries(Object.entries(en).map(([key, entry]) => [key, { ...entry, message: key === 'extName' || key === 'wordsLanguage' ? entry.message : pseudoText(entry.message) }]));
}

let current = 'en';
/** The language unit tests render in (English unless a test says otherwise). */
export function setTestLocale(locale: string): void {
  current = locale;
}
export function testLocale(): string {
  return current;
}

export function getMessage(key: string, substitutions?: string | string[]): string {
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const entry = localeFile(current)[key] ?? localeFile('en')[key];
  return entry ? render(entry, values) : '';
}
