// @vitest-environment jsdom
/**
 * Who is a person and who is the viewer, on every tool (issue 19, failures 2, 4 and 5): bots and apps
 * are never read as authors; the viewer is read from a second signal when the first is missing; an
 * author name that wraps its profile link still names the author.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Adapter } from '@/lib/tools/adapter';
import { adapterFor } from '@/lib/tools/registry';
import { TOOL_IDS, type ToolId } from '@/lib/tools/tool-ids';
import { fixture, fixtureHtml, loadFixtureCatalog, type FixtureEntry } from '../../harness/fixture-catalog';

const parse = (entry: FixtureEntry) => new JSDOM(fixtureHtml(entry), { url: entry.url }).window.document;
const authors = (adapter: Adapter, doc: Document) => adapter.posts(doc).map((p) => p.author);

/** The page without the signal each adapter reads the viewer from first. */
const FIRST_VIEWER_SIGNAL: Record<ToolId, string> = {
  github: 'meta[name="user-login"]',
  gitlab: 'a[data-testid="user-profile-link"]',
  slack: '[data-qa="user-button"]',
  mattermost: '#userAccountMenuButton',
  asana: '.CommentComposer .AvatarButton',
  phabricator: 'a.phabricator-core-user-menu',
  gitea: '#navbar .user-menu',
};

describe('the viewer, from a second signal', () => {
  const pages = loadFixtureCatalog().filter((e) => e.viewer);
  it.each(TOOL_IDS)('%s has pages with a viewer to read', (tool) => {
    expect(pages.some((e) => e.tool === tool)).toBe(true);
  });

  /**
   * Pages with no second signal: a Slack DM that mentions nobody shows "you" only on the self-DM
   * sidebar row (`data-qa-channel-sidebar-is-you`), which names the DM channel, not the member.
   */
  const NO_SECOND_SIGNAL = new Set(['slack/dm.html']);
  const withSecond = pages.filter((e) => e.tool !== 'phabricator' && !NO_SECOND_SIGNAL.has(`${e.tool}/${e.file}`));
  it.each(withSecond.map((e) => [`${e.tool}/${e.file}`, e] as const))('%s: read without the first signal', (_name, entry) => {
    const doc = parse(entry);
    for (const el of doc.querySelectorAll(FIRST_VIEWER_SIGNAL[entry.tool])) el.remove();
    expect(adapterFor(entry.tool).viewer(doc)).toBe(entry.viewer);
  });

  it('gitlab: from gon.current_username when the user menu and the composer are not rendered', () => {
    const entry = fixture('gitlab', 'merge-request-public.html');
    const doc = parse(entry);
    for (const el of doc.querySelectorAll('a[data-testid="user-profile-link"], .js-comment-form')) el.remove();
    expect(adapterFor('gitlab').viewer(doc)).toBeNull();
    const script = doc.head.appendChild(doc.createElement('script'));
    script.textContent = `//<![CDATA[\nwindow.gon={};gon.api_version="v4";gon.current_user_id=4211;gon.current_username="${entry.viewer}";gon.current_user_fullname="Priya Raman";\n//]]>`;
    expect(adapterFor('gitlab').viewer(doc)).toBe(entry.viewer);
  });

  it('phabricator: from the mobile main menu when the desktop one is not rendered', () => {
    const entry = fixture('phabricator', 'task-public.html');
    const doc = parse(entry);
    for (const el of doc.querySelectorAll(FIRST_VIEWER_SIGNAL.phabricator)) el.remove();
    expect(adapterFor('phabricator').viewer(doc)).toBeNull();
    const menu = doc.body.appendChild(doc.createElement('a'));
    menu.className = 'phabricator-core-user-mobile-menu';
    menu.setAttribute('href', `/p/${entry.viewer}/`);
    expect(adapterFor('phabricator').viewer(doc)).toBe(entry.viewer);
  });
});

describe('bots and apps are not people', () => {
  it('gitlab: a bot user (an access token bot, or a note headed "Bot") writes no post of a person', () => {
    const entry = fixture('gitlab', 'issue-legacy-public.html');
    const doc = parse(entry);
    const gitlab = adapterFor('gitlab');
    const notes = gitlab.posts(doc).filter((p) => p.element.id.startsWith('note_'));
    expect(notes.length).toBeGreaterThanOrEqual(2);
    for (const link of notes[0]!.element.querySelectorAll('[data-username]')) {
      link.setAttribute('data-username', 'project_278964_bot_5a9b0c3d');
      link.setAttribute('href', '/project_278964_bot_5a9b0c3d');
    }
    const badge = notes[1]!.element.querySelector('.note-header')!.appendChild(doc.createElement('span'));
    badge.className = 'gl-badge badge badge-neutral';
    badge.textContent = 'Bot';
    const read = new Map(gitlab.posts(doc).map((p) => [p.id, p.author]));
    expect(read.get(notes[0]!.id)).toBeNull();
    expect(read.get(notes[1]!.id)).toBeNull();
  });

  it('slack: a bot’s run of messages has no author (not the person above)', () => {
    const entry = fixture('slack', 'channel-public.html');
    const doc = parse(entry);
    const slack = adapterFor('slack');
    const before = authors(slack, doc);
    const senders = [...doc.querySelectorAll('[data-qa="message_sender_name"][data-message-sender]')];
    expect(senders.length).toBeGreaterThanOrEqual(2);
    const bot = senders[1]!;
    bot.setAttribute('data-message-sender', 'B0DEPLOYBOT');
    const after = authors(slack, doc);
    const first = before.indexOf(before.find((a, i) => i > 0 && a !== before[0] && a === bot.getAttribute('data-message-sender'))!);
    expect(after.filter((a) => a === null).length).toBeGreaterThan(before.filter((a) => a === null).length);
    expect(after).not.toContain('B0DEPLOYBOT');
    if (first >= 0) expect(after[first]).toBeNull();
  });

  it('mattermost: a post with the BOT tag, and the run it starts, have no author', () => {
    const entry = fixture('mattermost', 'channel-public.html');
    const doc = parse(entry);
    const mattermost = adapterFor('mattermost');
    const posts = mattermost.posts(doc);
    const index = posts.findIndex((p, i) => i > 0 && p.author !== null && p.author !== posts[i - 1]!.author && p.element.querySelector('.post__header'));
    expect(index).toBeGreaterThan(0);
    const tag = posts[index]!.element.querySelector('.post__header')!.appendChild(doc.createElement('span'));
    tag.className = 'Tag Tag--xs BotTag';
    tag.textContent = 'BOT';
    const after = authors(mattermost, doc);
    expect(after[index]).toBeNull();
    expect(after.slice(0, index)).toEqual(posts.slice(0, index).map((p) => p.author));
  });

  it('asana: a rule action is not a person', () => {
    const entry = fixture('asana', 'task-public.html');
    const doc = parse(entry);
    const asana = adapterFor('asana');
    const actor = doc.querySelector('.TaskStoryFeed-blockStory .BlockStory-actorName, .FeedBlockStory .BlockStory-actorName')!;
    actor.setAttribute('data-asana-type', 'rule');
    actor.setAttribute('data-asana-gid', '1207000000000999');
    actor.setAttribute('href', 'https://app.asana.com/0/1207000000000500/rules');
    const story = asana.posts(doc).find((p) => p.element.contains(actor))!;
    expect(story.author).toBeNull();
  });
});

describe('attributes on the element or on its link', () => {
  it('asana: an actor name that wraps the profile link still names the author', () => {
    const entry = fixture('asana', 'task-public.html');
    const doc = parse(entry);
    for (const actor of doc.querySelectorAll('a.BlockStory-actorName')) {
      const wrapper = doc.createElement('span');
      wrapper.className = actor.className;
      actor.className = 'PrimaryLink';
      actor.replaceWith(wrapper);
      wrapper.append(actor);
    }
    expect(doc.querySelectorAll('span.BlockStory-actorName > a[href]').length).toBeGreaterThan(0);
    expect(adapterFor('asana').posts(doc).map((p) => ({ id: p.id, author: p.author }))).toEqual(entry.posts);
  });
});
