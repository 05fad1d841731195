import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import demoDirectory from '../fixtures/directory/demo-directory.json' with { type: 'json' };
import { CHROME_BUILD, launchDaylight, ROOT, type DaylightBrowser } from '../harness/chromium';
import { pseudoText } from '../unit/i18n/locale-messages';
import { TOOL_IDS, TOOL_NAMES } from '../../lib/tools/tool-ids';
import { fixture } from '../harness/fixture-catalog';
import { serveFixtures } from '../harness/serve-fixtures';

/**
 * Daylight in German and Japanese, end to end: Chromium started with --lang=<language> (what picks the
 * locale files for browser.i18n on Linux; the LANGUAGE/LANG environment does not reach headless
 * Chromium), then the popup and options pages with no English left, and the working-hours hint on a
 * GitHub composer in the same language. One browser per language, shared by its tests.
 */

type Messages = Record<string, { message: string }>;
const messages = (locale: string) => JSON.parse(readFileSync(path.join(ROOT, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;
const english = messages('en');

/**
 * What is data, not Daylight's words: text from the tools and the directory (<bdi>, dir="auto", <code>,
 * <time>), and a textarea's text and placeholder (the user's own input: reasons, patterns, a CSV example).
 */
const DATA = 'bdi, code, time, style, script, textarea, [dir="auto"]';

/** Words only English has among Daylight's three languages: any of them outside data is English left over. */
const ENGLISH_WORDS = /\b(the|and|your|you|with|this|that|from|have|been|what|which|are|not|yet|of|to|is|no|none|nothing|show|search|settings|loading)\b/i;

interface Leftover {
  text: string;
  why: string;
}

/**
 * Every text node and visible attribute of the page that is still English: equal to (or, with its
 * placeholders filled, shaped like) an English message that the language translates differently, or
 * with English-only words in it. Data (names, teams, places, handles, addresses) is in <bdi> or <code>
 * by the pages' own rule and is left out, as are the product and tool names.
 */
function leftovers(page: Page, locale: string): Promise<Leftover[]> {
  const translated = messages(locale);
  const patterns = Object.entries(english)
    .filter(([key, entry]) => key !== 'extName' && translated[key]?.message !== entry.message && /\p{L}{3,}/u.test(entry.message))
    .map(([key, entry]) => ({ key, source: entry.message.replace(/[.*+?^{}()|[\]\\]/g, '\\$&').replace(/\$[A-Za-z0-9_@]+\$|\$\d/g, '.+') }));
  return page.evaluate(
    ({ patterns, englishWords, data }) => {
      const found: Leftover[] = [];
      const compiled = patterns.map((p) => ({ key: p.key, re: new RegExp(`^${p.source}$`, 's') }));
      const words = new RegExp(englishWords, 'i');
      const isData = (element: Element | null) => element?.closest(data) != null;
      const check = (text: string, where: string, withWords: boolean) => {
        const trimmed = text.trim();
        if (!/\p{L}{2,}/u.test(trimmed)) return;
        const message = compiled.find((p) => p.re.test(trimmed));
        if (message) found.push({ text: trimmed, why: `${where}: the English of ${message.key}` });
        else if (withWords && words.test(trimmed)) found.push({ text: trimmed, why: `${where}: English words` });
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!isData(node.parentElement)) check(node.textContent ?? '', `text in <${node.parentElement?.tagName.toLowerCase()}>`, true);
      }
      for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
        for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
          const value = element.getAttribute(name);
          if (value && !isData(element)) check(value, name, false);
        }
      }
      return found;
    },
    { patterns, englishWords: ENGLISH_WORDS.source, data: DATA },
  );
}

/** Elements sticking out of `frame` (its right edge), and clipped one-line text (ellipsis or hidden overflow). */
function brokenLayout(page: Page, frame: string): Promise<string[]> {
  return page.evaluate((frame) => {
    const box = document.querySelector(frame)!.getBoundingClientRect();
    const found: string[] = [];
    const describe = (element: Element) => `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}">${(element.textContent ?? '').trim().slice(0, 40)}`;
    for (const element of document.querySelectorAll(`${frame} *`)) {
      if (element.closest('.sr-only, [hidden], svg, [role="table"], table, dialog:not([open])')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      if (rect.right > box.right + 1) found.push(`sticks out by ${Math.round(rect.right - box.right)} px: ${describe(element)}`);
      const style = getComputedStyle(element);
      if ((style.overflowX === 'hidden' || style.textOverflow === 'ellipsis') && element.scrollWidth > element.clientWidth + 1 && !element.closest('bdi')) {
        found.push(`clipped: ${describe(element)}`);
      }
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px in ${window.innerWidth}`);
    return found;
  }, frame);
}

/** Lena outside working hours now (her hours start in three hours), everyone else as in the demo. */
function directoryWithLenaAway() {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Manila', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date());
  const now = Number(parts.find((p) => p.type === 'hour')!.value) * 60 + Number(parts.find((p) => p.type === 'minute')!.value);
  const clock = (m: number) => `${String(Math.floor((((m % 1440) + 1440) % 1440) / 60)).padStart(2, '0')}:${String((((m % 1440) + 1440) % 1440) % 60).padStart(2, '0')}`;
  const people = demoDirectory.people.map((p) => (p.id === 'lena' ? { ...p, timeZone: 'Asia/Manila', workingHours: `${clock(now + 180)}-${clock(now + 300)}`, workingDays: 'mon-sun' } : p));
  return { ...demoDirectory, people };
}

const LANGUAGES = [
  { locale: 'de', outside: 'außerhalb der Arbeitszeit', search: 'Suche' },
  { locale: 'ja', outside: '勤務時間外', search: '検索' },
] as const;

for (const language of LANGUAGES) {
  test.describe(`Daylight in ${language.locale}`, () => {
    let daylight: DaylightBrowser;
    const extensionPage = async (name: string) => {
      const page = await daylight.context.newPage();
      await page.goto(`chrome-extension://${daylight.extensionId}/${name}.html`);
      return page;
    };

    test.beforeAll(async () => {
      daylight = await launchDaylight({ args: [`--lang=${language.locale}`] });
      const page = await extensionPage('welcome');
      const [uiLocale, answer] = await page.evaluate(async (directory) => [
        chrome.i18n.getMessage('wordsLanguage'),
        await chrome.runtime.sendMessage({ daylight: 1, type: 'directory-replace', payload: { directory, source: 'e2e' } }),
      ], directoryWithLenaAway());
      expect(uiLocale, '--lang chooses the locale files').toBe(language.locale);
      expect(answer).toMatchObject({ ok: true });
      await page.close();
    });
    test.afterAll(async () => {
      await daylight?.close();
    });

    test('the popup has no English left, before and after a search', async () => {
      const popup = await extensionPage('popup');
      await expect(popup.getByTestId('directory-count')).not.toBeEmpty();
      await expect(popup.getByTestId('week-summary')).not.toBeEmpty();
      await expect(popup.getByTestId('search-empty')).toBeVisible();
      await expect(popup.getByRole('tab').first()).toHaveText(language.search);
      await expect(popup.locator('html')).toHaveAttribute('lang', language.locale);
      expect.soft(await leftovers(popup, language.locale)).toEqual([]);
      for (const tab of await popup.getByRole('tab').all()) {
        await tab.click();
        expect.soft(await brokenLayout(popup, '.popup'), 'the popup’s 460 px hold the words').toEqual([]);
      }
      await popup.getByRole('tab').first().click();
      await popup.getByRole('searchbox').fill('zzzq handbok tool:github');
      await expect(popup.locator('.results-heading')).toHaveText(messages(language.locale).noResults!.message);
      expect.soft(await leftovers(popup, language.locale)).toEqual([]);
      await popup.close();
    });

    test('the options page has no English left, the person editor included', async () => {
      const options = await extensionPage('options');
      await expect(options.getByTestId('people-count')).toContainText('30');
      await expect(options.locator('[data-setting]').first()).toBeVisible();
      await expect(options.getByTestId('saas-hosts').first()).toBeVisible();
      await expect(options.getByTestId('thanks-ledger')).toBeVisible();
      await expect(options.getByTestId('week-in-the-open')).toBeVisible();
      await expect(options.locator('[data-person="lena"]')).toBeVisible();
      expect.soft(await leftovers(options, language.locale)).toEqual([]);
      await options.getByRole('button', { name: messages(language.locale).addPerson!.message }).click();
      await expect(options.getByRole('dialog')).toBeVisible();
      expect.soft(await leftovers(options, language.locale)).toEqual([]);
      await options.close();
    });

    test('the working-hours hint on a GitHub composer speaks the language', async () => {
      const entry = fixture('github', 'issue-react-public.html');
      await serveFixtures(daylight.context, [entry]);
      const tab = await daylight.context.newPage();
      await tab.goto(entry.url);
      await expect(tab.locator('[data-daylight-person]').first()).toBeAttached();
      await tab.locator('[data-testid="comment-composer"] textarea').fill('@lena-k?');
      const hint = tab.locator('[data-daylight="working-hours"]');
      await expect(hint).toContainText(language.outside);
      await expect(hint).toContainText('Lena Kowalski');
      await expect(hint).not.toContainText('outside working hours');
      await expect(hint).not.toContainText(/\b(AM|PM)\b/);
      await tab.close();
    });
  });
}

/**
 * The pseudo-locale (tests/unit/i18n/locale-messages.ts: accented, bracketed, 40 % longer) in the real
 * build, as the English files of a copy of it: every word on the popup and options pages must be
 * bracketed (a word that is not came from no locale file), and nothing may stick out of the popup's
 * 460 px, be clipped, or make the options page scroll sideways with the longer words.
 */
test.describe('Daylight in the pseudo-locale', () => {
  let daylight: DaylightBrowser;
  let build: string;
  const extensionPage = async (name: string, width: number) => {
    const page = await daylight.context.newPage();
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`chrome-extension://${daylight.extensionId}/${name}.html`);
    return page;
  };

  test.beforeAll(async () => {
    build = mkdtempSync(path.join(tmpdir(), 'daylight-pseudo-'));
    cpSync(CHROME_BUILD, build, { recursive: true });
    const pseudo = Object.fromEntries(
      Object.entries(english).map(([key, entry]) => [key, { ...entry, message: key === 'extName' || key === 'wordsLanguage' ? entry.message : pseudoText(entry.message) }]),
    );
    writeFileSync(path.join(build, '_locales/en/messages.json'), JSON.stringify(pseudo));
    daylight = await launchDaylight({ extensionDir: build, args: ['--lang=en'] });
  });
  test.afterAll(async () => {
    await daylight?.close();
    rmSync(build, { recursive: true, force: true });
  });

  /** Words outside ⟦…⟧ that are not data (<bdi>, <code>, <time>, dir=auto) nor the product's and tools' names. */
  const unbracketed = (page: Page) =>
    page.evaluate(({ names, data }) => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim();
        if (!/\p{L}{2,}/u.test(text) || /[⟦⟧]/.test(text) || names.includes(text)) continue;
        if (node.parentElement?.closest(`${data}, option`)) continue;
        found.push(text);
      }
      for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
        if (element.closest(data)) continue;
        for (const name of ['aria-label', 'title', 'placeholder']) {
          const value = element.getAttribute(name);
          if (value && /\p{L}{2,}/u.test(value) && !/[⟦⟧]/.test(value) && !names.includes(value) && !/^\S+[:/.]\S*$/.test(value)) found.push(`${name}: ${value}`);
        }
      }
      return found;
    }, { names: ['Daylight', ...TOOL_IDS.map((id) => TOOL_NAMES[id])], data: DATA });

  test('the popup: every word from the locale files, and the longer words fit its 460 px', async () => {
    const popup = await extensionPage('popup', 500);
    await expect(popup.getByTestId('search-empty')).toBeVisible();
    await expect(popup.getByTestId('week-summary')).not.toBeEmpty();
    expect.soft(await unbracketed(popup)).toEqual([]);
    for (const tab of await popup.getByRole('tab').all()) {
      await tab.click();
      expect.soft(await brokenLayout(popup, '.popup')).toEqual([]);
    }
    await popup.close();
  });

  test('the options page: every word from the locale files, and nothing runs off the page', async () => {
    const options = await extensionPage('options', 1024);
    await expect(options.locator('[data-setting]').first()).toBeVisible();
    await expect(options.getByTestId('saas-hosts').first()).toBeVisible();
    await expect(options.getByTestId('week-in-the-open')).toBeVisible();
    expect.soft(await unbracketed(options)).toEqual([]);
    expect.soft(await brokenLayout(options, 'body')).toEqual([]);
    await options.close();
  });
});
