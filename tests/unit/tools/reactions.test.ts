/**
 * Each tool's reaction UI and reply composer, read on its saved pages: the controls Daylight clicks
 * for "React" and the reply box "Thank publicly" writes into.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/tools/registry';
import type { ToolId } from '@/lib/tools/tool-ids';
import { fixture, fixtureHtml } from '../../harness/fixture-catalog';

function page(tool: ToolId, file: string) {
  const entry = fixture(tool, file);
  const doc = new JSDOM(fixtureHtml(entry), { url: entry.url }).window.document;
  const adapter = adapterFor(tool);
  const post = (id: string) => adapter.posts(doc).find((p) => p.id === id)!.element;
  return { doc, adapter, post };
}

describe('reactions', () => {
  it("github: the post's own 🎉 reaction is clicked once; a post without one has nothing Daylight can name", () => {
    const { adapter, post } = page('github', 'issue-react-public.html');
    const opening = adapter.reaction(post('issue-2659034112'));
    expect(opening).toMatchObject({ choice: null, applied: false });
    expect(opening!.control.getAttribute('aria-label')).toBe('hooray 2');
    // The comment's only reaction is 👍, which is not a thanks.
    expect(adapter.reaction(post('issuecomment-2481100201'))).toBeNull();
  });

  it('gitlab: "Add reaction" on a note opens the award picker, where 🎉 is chosen', () => {
    const { adapter, post } = page('gitlab', 'merge-request-public.html');
    const reading = adapter.reaction(post('note_2219101790'));
    expect(reading?.control.getAttribute('aria-label')).toBe('Add reaction');
    expect(reading?.choice).toContain('tada');
  });

  it("slack and mattermost: the hover toolbar's add-reaction button, on the message it belongs to only", () => {
    const slack = page('slack', 'channel-public.html');
    expect(slack.adapter.reaction(slack.post('1795519491.000400'))?.control.getAttribute('data-qa')).toBe('add_reaction_action');
    expect(slack.adapter.reaction(slack.post('1795514567.000100'))).toBeNull();
    const mattermost = page('mattermost', 'channel-public.html');
    const hovered = mattermost.adapter.posts(mattermost.doc).filter((p) => mattermost.adapter.reaction(p.element) !== null);
    expect(hovered).toHaveLength(1);
    expect(mattermost.adapter.reaction(hovered[0]!.element)?.control.getAttribute('aria-label')).toBe('add reaction');
  });

  it('phabricator: tokens are awarded to the object, from the opening post only', () => {
    const { adapter, post } = page('phabricator', 'task-public.html');
    expect(adapter.reaction(post('T1234'))?.control.getAttribute('href')).toBe('/token/give/PHID-TASK-q4xk7m2n5bfz3ty6/');
    expect(adapter.reaction(post('8805'))).toBeNull();
  });

  it('asana: none', () => {
    const { adapter, doc } = page('asana', 'task-public.html');
    for (const p of adapter.posts(doc)) expect(adapter.reaction(p.element)).toBeNull();
  });
});

describe('replies', () => {
  it('github: inline review comments reply in their thread; other comments in the page composer', () => {
    const { adapter, doc, post } = page('github', 'pull-request-classic-public.html');
    const review = adapter.reply(post('discussion_r1843300201'), doc);
    expect(review?.composer).toBeNull(); // the thread's reply form is hidden until "Reply…"
    expect(review?.open?.textContent?.trim()).toMatch(/^Reply/);
    expect(adapter.reply(post('issuecomment-2482055501'), doc)).toBeNull();
  });

  it("gitlab: a discussion's reply box opener; a standalone note starts a thread", () => {
    const { adapter, doc } = page('gitlab', 'merge-request-public.html');
    const readings = adapter.posts(doc).map((p) => adapter.reply(p.element, doc));
    expect(readings[0]).toBeNull(); // the description
    expect(readings.slice(1).every((r) => r?.open !== null)).toBe(true);
  });

  it('mattermost: posts in the thread view reply in its reply box', () => {
    const { adapter, doc } = page('mattermost', 'thread.html');
    for (const p of adapter.posts(doc)) expect(adapter.reply(p.element, doc)?.composer?.editor.id).toBe('reply_textbox');
  });

  it("slack: a message's thread opens from the message; no thread pane is open on the saved channel", () => {
    const { adapter, doc, post } = page('slack', 'channel-public.html');
    expect(adapter.reply(post('1795519491.000400'), doc)).toMatchObject({ composer: null });
  });
});
