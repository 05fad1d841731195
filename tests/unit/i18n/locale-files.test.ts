import { describe, expect, it } from 'vitest';
import { localeFile, localeNames, render } from './locale-messages';

const placeholdersOf = (text: string) => [...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] as string).toLowerCase()).sort();
const numbered = (text: string) => [...new Set([...text.matchAll(/\$(\d)/g)].map((m) => m[1]))].sort();

describe('locale files', () => {
  const en = localeFile('en');

  it('English, German and Japanese are there, and Chromium accepts every key name', () => {
    expect(localeNames()).toEqual(expect.arrayContaining(['de', 'en', 'ja']));
    for (const key of Object.keys(en)) expect(key, key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  for (const locale of localeNames().filter((name) => name !== 'en')) {
    it(`${locale}: every English key, no other, and the same placeholders in each message`, () => {
      const file = localeFile(locale);
      expect(Object.keys(file).sort()).toEqual(Object.keys(en).sort());
      for (const [key, entry] of Object.entries(file)) {
        const english = en[key]!;
        expect(entry.message.trim(), `${locale} ${key} is empty`).not.toBe('');
        expect(placeholdersOf(entry.message), `${locale} ${key} placeholders`).toEqual(placeholdersOf(english.message));
        expect(numbered(entry.message), `${locale} ${key} $n`).toEqual(numbered(english.message));
        expect(entry.placeholders ?? {}, `${locale} ${key} placeholder contents`).toEqual(english.placeholders ?? {});
      }
    });
  }

  it('declares every named placeholder a message uses, and every plural family has its other form', () => {
    for (const [key, entry] of Object.entries(en)) {
      for (const name of placeholdersOf(entry.message)) expect(Object.keys(entry.placeholders ?? {}).map((k) => k.toLowerCase()), `${key} declares $${name}$`).toContain(name);
      const stem = /^(.*)_(zero|one|two|few|many)$/.exec(key)?.[1];
      if (stem) expect(en[`${stem}_other`], `${stem}_other`).toBeDefined();
    }
  });

  it('renders placeholders as Chromium does', () => {
    expect(render({ message: '$NAME$ has $$5 ($1)', placeholders: { name: { content: '$2' } } }, ['one', 'Lena'])).toBe('Lena has $5 (one)');
  });
});
