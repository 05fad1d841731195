import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

/**
 * Daylight's words come from the extension's locale files (public/_locales/<locale>/messages.json)
 * through browser.i18n, which picks the browser's language and falls back to English key by key.
 * Only the type is taken from the English file, so no locale file is bundled into any script.
 */
type Messages = typeof en;
/** A key whose message is one string (plural families are asked for with tn). */
export type MessageKey = { [K in keyof Messages]: K extends `${string}_${PluralCategory}` ? never : K }[keyof Messages];
type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/** The stem of a plural family: `thanksCount` for `thanksCount_one`, `thanksCount_other`… */
export type PluralKey = keyof Messages extends infer K ? (K extends `${infer Stem}_other` ? Stem : never) : never;

/** The message for `key` with its `$1`… placeholders filled, in the browser's language. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  return message(key, substitutions);
}

const rules = new Map<string, Intl.PluralRules>();

/** The plural form of `key` for `count` (by the language's own rules: Japanese has one form, Polish four), `$1` being the count. */
export function tn(key: PluralKey, count: number, ...substitutions: Array<string | number>): string {
  const language = uiLanguage();
  let plural = rules.get(language);
  if (!plural) rules.set(language, (plural = new Intl.PluralRules(language)));
  const values = [formatNumber(count), ...substitutions];
  return message(`${key}_${plural.select(count)}`, values, `${key}_other`);
}

/**
 * The language Daylight speaks, for Intl (dates, numbers, lists, plural rules) to agree with the words:
 * the browser's UI language when the locale files speak it (de-AT keeps its region), else the
 * language of the words shown (`wordsLanguage`: a French browser reads Daylight's English). Chromium
 * started with --lang=de reads the German files while getUILanguage() may still say en-US.
 */
export function uiLanguage(): string {
  let words = 'en';
  let browserLanguage = '';
  try {
    words = browser.i18n.getMessage('wordsLanguage') || 'en';
    browserLanguage = browser.i18n.getUILanguage();
  } catch {
    return words;
  }
  return browserLanguage.split('-')[0]?.toLowerCase() === words ? browserLanguage : words;
}

export function formatNumber(value: number): string {
  return value.toLocaleString(uiLanguage());
}

/** "GitHub, GitLab and Slack" in the UI language (`unit` for a plain list: "a, b, c"). */
export function formatList(items: readonly string[], type: 'conjunction' | 'unit' = 'conjunction'): string {
  return new Intl.ListFormat(uiLanguage(), { type, style: type === 'unit' ? 'short' : 'long' }).format(items);
}

/** A date and time in the UI language and the user's time zone ("8 Dec 2026, 14:05", "2026/12/08 14:05"). */
export function formatDateTime(at: number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return new Intl.DateTimeFormat(uiLanguage(), options).format(at);
}

/**
 * A message with some placeholders filled by nodes (a name in bold, a link, a reason in <bdi>): the
 * parts around them, in the language's own word order. Strings and numbers fill the others.
 */
export function tNodes(key: MessageKey, ...values: Array<Node | string | number>): Array<Node | string> {
  const markers = values.map((_, i) => String.fromCodePoint(0xe000 + i));
  const text = t(key, ...values.map((value, i) => (typeof value === 'object' ? markers[i]! : value)));
  return text
    .split(/([\u{E000}-\u{E0FF}])/u)
    .filter((part) => part !== '')
    .map((part) => {
      const index = markers.indexOf(part);
      return index === -1 ? part : (values[index] as Node);
    });
}

/**
 * A message whose placeholders are filled by the caller's own parts (React nodes in <bdi>, links):
 * the message's text pieces and, where each placeholder stands, its index, in the language's word order.
 */
export function tSlots(key: MessageKey, slots: number): Array<string | number> {
  const markers = Array.from({ length: slots }, (_, i) => String.fromCodePoint(0xe000 + i));
  const text = t(key, ...markers);
  return text.split(/([\u{E000}-\u{E0FF}])/u).filter((part) => part !== '').map((part) => {
    const index = markers.indexOf(part);
    return index === -1 ? part : index;
  });
}

function message(key: string, substitutions: Array<string | number>, fallback?: string): string {
  const values = substitutions.map(String);
  // Keys are checked against the English file by MessageKey and PluralKey above.
  const get = (name: string) => {
    try {
      return browser.i18n.getMessage(name as Parameters<typeof browser.i18n.getMessage>[0], values);
    } catch {
      return ''; // a context without browser.i18n (a script run outside the extension): the key shows
    }
  };
  const text = get(key) || (fallback ? get(fallback) : '');
  // A missing key shows itself rather than nothing; tests/unit/i18n/ fails on any.
  return text || key;
}

/**
 * An extension page in the UI language: `lang` for screen readers, hyphenation and fonts (Japanese
 * glyphs), `dir` from the locale files' own direction (`@@bidi_dir`, rtl for Arabic or Hebrew).
 */
export function applyDocumentLanguage(root: HTMLElement = document.documentElement): void {
  root.lang = uiLanguage();
  let dir = '';
  try {
    dir = browser.i18n.getMessage('@@bidi_dir');
  } catch {
    // No i18n here (a test's fake browser): the page keeps its own direction.
  }
  if (dir === 'rtl' || dir === 'ltr') root.dir = dir;
}
