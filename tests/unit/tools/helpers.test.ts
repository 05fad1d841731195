// @vitest-environment jsdom
import { readableText } from '@/lib/tools/dom';
import { describe, expect, it } from 'vitest';
import { wantedScripts } from '@/lib/background/self-hosted';
import { parsePrintTime } from '@/lib/tools/phabricator/adapter';
import { buildRecords, canonicalUrl } from '@/lib/tools/records';
import { slack } from '@/lib/tools/slack/adapter';

describe('parsePrintTime (Phabricator prints no datetime attribute)', () => {
  it.each([
    ['2025-03-03 14:05:10 (UTC+1)', '2025-03-03T13:05:10.000Z'],
    ['2026-11-20 09:00:00 (UTC)', '2026-11-20T09:00:00.000Z'],
    ['2026-11-20 09:00:00 (UTC-5)', '2026-11-20T14:00:00.000Z'],
    ['2026-11-20 09:00:00 (UTC+5:30)', '2026-11-20T03:30:00.000Z'],
    ['Mon, Mar 3, 2:05 PM', null],
    ['', null],
  ])('%s → %s', (text, iso) => {
    expect(parsePrintTime(text)).toBe(iso);
  });
});

describe('self-hosted content script registrations', () => {
  it('registers one script per tool with its origins as port-less match patterns', () => {
    expect(
      wantedScripts({ gitlab: ['https://gitlab.acme.internal', 'https://git.acme.internal:8443'], mattermost: ['http://chat.acme.lan'] }),
    ).toEqual([
      { id: 'self-hosted-gitlab', tool: 'gitlab', matches: ['https://git.acme.internal/*', 'https://gitlab.acme.internal/*'] },
      { id: 'self-hosted-mattermost', tool: 'mattermost', matches: ['http://chat.acme.lan/*'] },
    ]);
  });

  it('leaves SaaS hosts to the static content scripts, and registers nothing for no origins', () => {
    expect(wantedScripts({ gitlab: ['https://gitlab.com'], github: [] })).toEqual([]);
  });
});

describe('search records', () => {
  it('drop the fragment and tracking parameters from the page key', () => {
    expect(canonicalUrl(new URL('https://github.com/a/b/issues/1?utm_source=x&tab=1#issuecomment-2'))).toBe('https://github.com/a/b/issues/1?tab=1');
  });

  it('are bounded in size however long the page is', () => {
    document.body.innerHTML = `<div data-qa="message_container" data-msg-ts="1.1"><div data-qa="message-text">${'word '.repeat(10_000)}</div></div>`;
    const records = buildRecords({
      url: new URL('https://app.slack.com/client/T1/C1'),
      tool: 'slack',
      kind: 'channel',
      place: 'public',
      title: 't'.repeat(1000),
      container: 'c',
      posts: slack.posts(document),
      mentions: slack.mentions,
      text: readableText,
    });
    expect(records[0]!.title.length).toBeLessThanOrEqual(300);
    expect(records[1]!.text.length).toBeLessThanOrEqual(4000);
    expect(records[1]!.key).toBe('https://app.slack.com/client/T1/C1#1.1');
  });

  it('leave out a post that was not read (never on screen), its words included, but keep its author among the participants', () => {
    document.body.innerHTML = ['1.1', '1.2'].map((ts, i) => `<div data-qa="message_container" data-msg-ts="${ts}"><button data-qa="message_sender_name" data-message-sender="U0AUTHOR0${i}">A</button><div data-qa="message-text">${i === 0 ? 'seen words' : 'unseen words'}</div></div>`).join('');
    const posts = slack.posts(document);
    const records = buildRecords(
      { url: new URL('https://app.slack.com/client/T1/C1'), tool: 'slack', kind: 'channel', place: 'public', title: 'general', container: 'general', posts, mentions: slack.mentions, text: readableText },
      [{ text: 'seen words', mentions: [] }, undefined],
    );
    expect(records.map((r) => r.key)).toEqual(['https://app.slack.com/client/T1/C1', 'https://app.slack.com/client/T1/C1#1.1']);
    expect(records[0]!.text).toBe('seen words');
    expect(records[0]!.participants).toEqual(['U0AUTHOR00', 'U0AUTHOR01']);
  });
});
