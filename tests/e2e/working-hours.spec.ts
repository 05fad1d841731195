import type { Page } from '@playwright/test';
import demoDirectory from '../fixtures/directory/demo-directory.json' with { type: 'json' };
import { fixture } from '../harness/fixture-catalog';
import { serveFixtures } from '../harness/serve-fixtures';
import { expect, test } from './test';

/**
 * Content scripts run in an isolated world, which Playwright's clock cannot reach; so the zones are
 * pinned and each person's working hours are built around the real time there: "inside" people work
 * from two hours ago to two hours ahead, "outside" people start in three hours. Expected local times
 * are computed in the page with the same browser's Intl, when each check runs.
 */
function localMinutes(timeZone: string, at = new Date()): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return part('hour') * 60 + part('minute');
}

const clock = (minutes: number) => {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

function hours(timeZone: string, inside: boolean): string {
  const now = localMinutes(timeZone);
  return inside ? `${clock(now - 120)}-${clock(now + 120)}` : `${clock(now + 180)}-${clock(now + 300)}`;
}

const ZONES = {
  // On the GitHub page: four people in four zones (the viewer, priya-r, among them).
  tomas: { timeZone: 'America/New_York', inside: true },
  dmitri: { timeZone: 'Europe/Warsaw', inside: true },
  ines: { timeZone: 'Asia/Kolkata', inside: false },
  priya: { timeZone: 'Asia/Manila', inside: false },
  // Mentioned in the drafts.
  lena: { timeZone: 'Asia/Manila', inside: false },
  nadia: { timeZone: 'Europe/Warsaw', inside: true },
  // The other person of the Slack and Mattermost direct messages.
  marcus: { timeZone: 'Asia/Tokyo', inside: false },
} as const;

function directoryWithZones() {
  const people = demoDirectory.people.map((person) => {
    const zone = ZONES[person.id as keyof typeof ZONES];
    return zone ? { ...person, timeZone: zone.timeZone, workingHours: hours(zone.timeZone, zone.inside), workingDays: 'mon-sun' } : person;
  });
  return { ...demoDirectory, people };
}

test.beforeEach(async ({ daylight }) => {
  const page = await daylight.context.newPage();
  await page.goto(`chrome-extension://${daylight.extensionId}/welcome.html`);
  const answer = await page.evaluate(
    (directory) => chrome.runtime.sendMessage({ daylight: 1, type: 'directory-replace', payload: { directory, source: 'e2e' } }),
    directoryWithZones(),
  );
  expect(answer).toMatchObject({ ok: true });
  await page.close();
});

/** What the card should say now, with the browser's own Intl and locale. */
function expectedLine(tab: Page, timeZone: string, place: string, inside: boolean): Promise<string> {
  return tab.evaluate(
    ({ timeZone, place, inside }) =>
      `${new Intl.DateTimeFormat(navigator.language, { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date())} in ${place}, ${inside ? 'working hours' : 'outside working hours'}`,
    { timeZone, place, inside },
  );
}

test("cards give each person's local time and working state, in four zones", async ({ daylight, page: tab }) => {
  const entry = fixture('github', 'issue-react-public.html');
  await serveFixtures(daylight.context, [entry]);
  await tab.goto(entry.url);
  const people = [
    ['therrera', 'tomas', 'New York'],
    ['dvolkov', 'dmitri', 'Warsaw'],
    ['inescosta', 'ines', 'Kolkata'],
    ['priya-r', 'priya', 'Manila'],
  ] as const;
  for (const [handle, id, place] of people) {
    const mention = tab.locator(`[data-daylight-handle="${handle}"][data-daylight-person="${id}"]`).first();
    await mention.scrollIntoViewIfNeeded();
    await mention.focus();
    const line = tab.locator('[data-daylight="person-card"] [data-daylight-local-time]');
    const zone = ZONES[id];
    // Polled: the minute may turn between the two readings (the card updates itself every 15 s).
    await expect.poll(async () => (await line.textContent()) === (await expectedLine(tab, zone.timeZone, place, zone.inside)), { timeout: 20_000 }).toBe(true);
    await expect(line).toHaveAttribute('data-working', String(zone.inside));
    await tab.keyboard.press('Escape');
    await expect(tab.locator('[data-daylight="person-card"]')).toHaveCount(0);
  }
});

const hint = (tab: Page) => tab.locator('[data-daylight="working-hours"]');

test('GitHub: a draft mentioning someone outside working hours gets a quiet hint, never naming the viewer or someone at work', async ({ daylight, page: tab }) => {
  const entry = fixture('github', 'issue-react-public.html');
  await serveFixtures(daylight.context, [entry]);
  await tab.goto(entry.url);
  await expect(tab.locator('[data-daylight-person]').first()).toBeAttached();
  const composer = tab.locator('[data-testid="comment-composer"] textarea');
  await composer.fill('Thoughts, @nadiaosei @priya-r and @lena-k?');
  await expect(hint(tab)).toHaveCount(1);
  await expect(hint(tab)).toHaveText(/^Lena Kowalski is outside working hours \(\d{2}:\d{2}( [AP]M)? in Manila\); likely to read this in about (2|3) hours\.$/);
  await expect(hint(tab)).not.toContainText('Nadia');
  await expect(hint(tab)).not.toContainText('Priya');
  await expect(composer).toHaveValue('Thoughts, @nadiaosei @priya-r and @lena-k?'); // nothing changed in the draft
  // Lena taken out: only someone at work and the viewer remain, and the hint goes.
  await composer.fill('Thoughts, @nadiaosei @priya-r?');
  await expect(hint(tab)).toHaveCount(0);
});

for (const [tool, file, editorSelector, chip] of [
  ['slack', 'channel-private.html', '[data-qa="message_input"] .ql-editor', (id: string) => `<ts-mention data-id="${id}" data-label="@x">@x</ts-mention>`],
  ['asana', 'task-public.html', '.CommentComposer .ProseMirror', (gid: string) => `<a href="https://app.asana.com/1/1207000000000001/profile/${gid}" data-asana-type="user" data-asana-gid="${gid}">@x</a>`],
] as const) {
  test(`${tool}: mention chips in the composer get the same hint, in the same words`, async ({ daylight, page: tab }) => {
    const entry = fixture(tool, file);
    await serveFixtures(daylight.context, [entry]);
    await tab.goto(entry.url);
    await expect(tab.locator('[data-daylight-person]').first()).toBeAttached();
    const lena = demoDirectory.people.find((p) => p.id === 'lena')!.handles[tool];
    const nadia = demoDirectory.people.find((p) => p.id === 'nadia')!.handles[tool];
    const viewer = demoDirectory.people.find((p) => p.id === 'priya')!.handles[tool];
    const editor = tab.locator(editorSelector);
    // Chips as each tool's picker leaves them, then a keystroke as the user types on.
    await editor.evaluate((el, html) => (el.innerHTML = `<p>${html} </p>`), [chip(nadia), chip(viewer), chip(lena)].join(' '));
    await editor.click();
    await tab.keyboard.press('End');
    await tab.keyboard.type('see');
    await expect(hint(tab)).toHaveText(/^Lena Kowalski is outside working hours \(\d{2}:\d{2}( [AP]M)? in Manila\); likely to read this in about (2|3) hours\.$/);
    await editor.evaluate((el, html) => (el.innerHTML = `<p>${html} </p>`), chip(nadia));
    await editor.click();
    await tab.keyboard.press('End');
    await tab.keyboard.type('ok');
    await expect(hint(tab)).toHaveCount(0);
  });
}

for (const [tool, editorSelector] of [
  ['slack', '[data-qa="message_input"] .ql-editor'],
  ['mattermost', 'textarea#post_textbox'],
] as const) {
  test(`${tool}: writing in a direct message to someone outside working hours gets the same hint, with no mention`, async ({ daylight, page: tab }) => {
    const entry = fixture(tool, 'dm.html');
    await serveFixtures(daylight.context, [entry]);
    await tab.goto(entry.url);
    await expect(tab.locator('[data-daylight-person]').first()).toBeAttached();
    const editor = tab.locator(editorSelector);
    await editor.click();
    await tab.keyboard.type('see you tomorrow');
    await expect(hint(tab)).toHaveText(/^Marcus Oyelaran is outside working hours \(\d{2}:\d{2}( [AP]M)? in Tokyo\); likely to read this in about (2|3) hours\.$/);
    await expect(hint(tab)).not.toContainText('Priya');
    // An empty draft says nothing.
    await tab.keyboard.press('Control+A');
    await tab.keyboard.press('Backspace');
    await expect(hint(tab)).toHaveCount(0);
  });
}
