// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { asana } from '@/lib/tools/asana/adapter';
import { github } from '@/lib/tools/github/adapter';
import { gitlab } from '@/lib/tools/gitlab/adapter';
import { mattermost } from '@/lib/tools/mattermost/adapter';
import { phabricator } from '@/lib/tools/phabricator/adapter';
import { slack } from '@/lib/tools/slack/adapter';
import type { PageKind } from '@/lib/tools/page';

const blank = () => document.implementation.createHTMLDocument('');
const page = (html: string) => {
  const doc = blank();
  doc.body.innerHTML = html;
  return doc;
};

type Row = [url: string, kind: PageKind];

describe.each<[string, (url: URL, doc: Document) => PageKind, Row[]]>([
  [
    'github',
    github.kind,
    [
      ['https://github.com/acme/open-handbook/issues/112', 'issue'],
      ['https://github.com/acme/open-handbook/issues/new', 'other'],
      ['https://github.com/acme/open-handbook/issues', 'other'],
      ['https://github.com/acme/open-handbook/pull/118', 'pull_request'],
      ['https://github.com/acme/open-handbook/pull/118/files', 'pull_request'],
      ['https://github.com/acme/open-handbook/discussions/57', 'discussion'],
      ['https://github.com/orgs/acme/discussions/3', 'discussion'],
      ['https://github.com/acme/open-handbook/commit/8f3a2c1', 'commit'],
      ['https://github.com/acme/open-handbook/commit/not-a-sha', 'other'],
      ['https://github.com/acme/open-handbook/wiki/Home', 'wiki'],
      ['https://github.com/acme', 'other'],
      ['https://github.com/', 'other'],
    ],
  ],
  [
    'gitlab',
    gitlab.kind,
    [
      ['https://gitlab.com/acme/platform/infra-tools/-/issues/31', 'issue'],
      ['https://gitlab.com/acme/platform/deploy-keys/-/work_items/7', 'issue'],
      ['https://gitlab.com/groups/acme/-/epics/4', 'issue'],
      ['https://gitlab.com/acme/platform/infra-tools/-/merge_requests/77/diffs', 'merge_request'],
      ['https://gitlab.com/acme/handbook/-/commit/0a1b2c3d4e5f', 'commit'],
      ['https://gitlab.com/acme/handbook/-/wikis/home', 'wiki'],
      ['https://gitlab.com/acme/handbook/-/issues', 'other'],
      ['https://gitlab.com/acme/handbook', 'other'],
      ['https://gitlab.com/-/issues/3', 'other'],
    ],
  ],
  [
    'mattermost',
    (url) => mattermost.kind(url, blank()),
    [
      ['https://acme.cloud.mattermost.com/acme/channels/town-square', 'channel'],
      ['https://acme.cloud.mattermost.com/acme/messages/@marcus.oyelaran', 'dm'],
      ['https://acme.cloud.mattermost.com/acme/messages/0123456789abcdef0123456789abcdef01234567', 'group-dm'],
      ['https://acme.cloud.mattermost.com/acme/threads/abcdefghij0123456789klmnop', 'thread'],
      ['https://chat.acme.internal/mm/acme/channels/ops', 'channel'],
      ['https://acme.cloud.mattermost.com/acme/pl/abcdefghij0123456789klmnop', 'other'],
      ['https://acme.cloud.mattermost.com/login', 'other'],
    ],
  ],
  [
    'asana',
    asana.kind,
    [
      ['https://app.asana.com/1/1207000000000001/project/1207000000001001/task/1207000000002001', 'task'],
      ['https://app.asana.com/1/1207000000000001/task/1207000000002001', 'task'],
      ['https://app.asana.com/0/1207000000001001/1207000000002001', 'task'],
      ['https://app.asana.com/0/1207000000001001/1207000000002001/f', 'task'],
      ['https://app.asana.com/0/0/1207000000002003', 'task'],
      ['https://app.asana.com/0/1207000000001001/list', 'other'],
      ['https://app.asana.com/1/1207000000000001/project/1207000000001001/board', 'other'],
    ],
  ],
  [
    'phabricator',
    phabricator.kind,
    [
      ['https://we.phorge.it/T1234', 'task'],
      ['https://we.phorge.it/D567', 'differential_revision'],
      ['https://we.phorge.it/D567?id=2001', 'differential_revision'],
      ['https://we.phorge.it/rPabc1234def', 'commit'],
      ['https://we.phorge.it/R12:abc1234def', 'commit'],
      ['https://we.phorge.it/w/handbook/', 'wiki'],
      ['https://we.phorge.it/p/alice/', 'other'],
      ['https://we.phorge.it/', 'other'],
    ],
  ],
])('%s page kind from the URL', (_tool, kind, rows) => {
  it.each(rows)('%s → %s', (url, expected) => {
    expect(kind(new URL(url), blank())).toBe(expected);
  });
});

describe('slack page kind', () => {
  const header = (modifier: string, icon = 'channel') =>
    page(`<button data-qa="channel_name_button" class="p-view_header__big_button p-view_header__big_button--${modifier}">
      <span data-inline-channel-type-icon="${icon}"></span></button>`);
  it.each<[string, Document, PageKind]>([
    ['https://app.slack.com/client/T0ACME0001/C0GENERAL01', header('channel'), 'channel'],
    ['https://app.slack.com/client/T0ACME0001/C0PAYCORE01', header('channel', 'lock-filled'), 'private-channel'],
    ['https://app.slack.com/client/T0ACME0001/D0PRIMAR001', blank(), 'dm'],
    ['https://app.slack.com/client/T0ACME0001/G0GRPDM0001', header('mpdm'), 'group-dm'],
    ['https://app.slack.com/client/T0ACME0001/C0GENERAL01/thread/C0GENERAL01-1717430400.000100', blank(), 'thread'],
    ['https://app.slack.com/client/T0ACME0001/activity', blank(), 'other'],
    ['https://acme.slack.com/archives/C0GENERAL01/p1717430400000100', blank(), 'other'],
  ])('%s', (url, doc, expected) => {
    expect(slack.kind(new URL(url), doc)).toBe(expected);
  });

  it('never infers a private channel from a G or C id alone', () => {
    expect(slack.kind(new URL('https://app.slack.com/client/T1/C0PAYCORE01'), blank())).toBe('channel');
  });
});

describe('mattermost channel privacy read from the sidebar', () => {
  it('is a private channel when the active row says so', () => {
    const doc = page(`<li class="SidebarChannel active"><a class="SidebarLink" aria-label="payments-core private channel"></a></li>`);
    expect(mattermost.kind(new URL('https://acme.cloud.mattermost.com/acme/channels/payments-core'), doc)).toBe('private-channel');
  });
});
