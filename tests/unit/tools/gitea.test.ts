/**
 * Gitea / Forgejo readings the contract suite does not spell out: detection on any origin from the
 * page alone, an instance under a sub-path, page kinds from the URL, the lock icons, reactions.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { gitea } from '@/lib/tools/gitea/adapter';
import { fixture, fixtureHtml } from '../../harness/fixture-catalog';

const load = (file: string, url?: string) => {
  const entry = fixture('gitea', file);
  return new JSDOM(fixtureHtml(entry), { url: url ?? entry.url }).window.document;
};
const html = (body: string, url = 'https://git.acme.example/') => new JSDOM(`<!doctype html><html><head>${body}</head><body></body></html>`, { url }).window.document;
const CONFIG = "<script>window.config = {\n\t\tappUrl: 'https:\\/\\/git.acme.example\\/',\n\t\tappSubUrl: '',\n\t};</script>";

describe('gitea detection', () => {
  it('finds Gitea or Forgejo on any origin from its config script and its navbar or meta author', () => {
    expect(gitea.detect(load('issue-public.html', 'https://code.acme.example/acme/tea-runner/issues/142'))).toBe(true);
    expect(gitea.detect(html(`${CONFIG}<meta name="author" content="Gitea - Git with a cup of tea">`))).toBe(true);
    expect(gitea.detect(html(`${CONFIG}<meta name="author" content="Forgejo – Beyond coding. We forge.">`))).toBe(true);
  });

  it('is not fooled by one sign alone', () => {
    expect(gitea.detect(html(CONFIG))).toBe(false);
    expect(gitea.detect(html('<meta name="author" content="Gitea - Git with a cup of tea">'))).toBe(false);
    expect(gitea.detect(html("<script>window.config = { appSubUrl: 'javascript:alert(1)' };</script><meta name=\"author\" content=\"Gitea - Git with a cup of tea\">"))).toBe(false);
  });
});

describe('gitea page kind', () => {
  const blank = new JSDOM('').window.document;
  it.each([
    ['https://gitea.com/acme/tea-runner/issues/142', 'issue'],
    ['https://codeberg.org/acme-ops/handbook/pulls/61', 'pull_request'],
    ['https://codeberg.org/acme-ops/handbook/pulls/61/files', 'pull_request'],
    ['https://gitea.com/acme/tea-runner/commit/9f1c2ab3d4', 'commit'],
    ['https://gitea.com/acme/tea-runner/wiki/Home', 'wiki'],
    ['https://gitea.com/acme/tea-runner/issues', 'other'],
    ['https://gitea.com/acme/tea-runner', 'other'],
    ['https://gitea.com/explore/repos', 'other'],
  ] as const)('%s → %s', (url, kind) => {
    expect(gitea.kind(new URL(url), blank)).toBe(kind);
  });

  it('reads the path after an instance’s sub-path (appSubUrl)', () => {
    const entry = fixture('gitea', 'issue-self-hosted.html');
    const doc = load('issue-self-hosted.html');
    expect(new URL(entry.url).pathname.startsWith('/forge/')).toBe(true);
    expect(gitea.kind(new URL(entry.url), doc)).toBe('issue');
    expect(gitea.container(new URL(entry.url), doc)).toBe('platform/infra');
  });
});

describe('gitea place', () => {
  it('says private for a lock icon alone, whatever the label’s language', () => {
    const doc = load('pull-private.html');
    for (const label of doc.querySelectorAll('.repo-header .ui.label')) label.textContent = 'Privat';
    expect(gitea.place(new URL(fixture('gitea', 'pull-private.html').url), doc)).toMatchObject({ place: 'private', audience: 'Private repository acme/deploy-keys' });
  });

  it('names an internal repository’s audience', () => {
    const entry = fixture('gitea', 'issue-internal.html');
    expect(gitea.place(new URL(entry.url), load(entry.file)).audience).toMatch(/^Internal repository acme-ops\/handbook/);
  });

  it('is unknown on a Gitea page outside a repository', () => {
    const doc = load('issue-public.html');
    doc.querySelector('.repo-header')!.remove();
    expect(gitea.place(new URL('https://gitea.com/explore/repos'), doc)).toEqual({ place: 'unknown' });
  });
});

describe('gitea reactions', () => {
  const post = (doc: Document, id: string) => gitea.posts(doc).find((p) => p.id === id)!.element;

  it('clicks the post’s existing 🎉, and knows when it is the viewer’s own', () => {
    const doc = load('issue-public.html');
    const opening = gitea.reaction(post(doc, 'issue-7001'));
    expect(opening).toMatchObject({ choice: null, applied: false });
    expect(opening!.control.getAttribute('data-reaction-content')).toBe('hooray');
    const mine = load('pull-private.html');
    const heart = gitea.reaction(post(mine, 'issuecomment-88103'));
    expect(heart).toMatchObject({ choice: null, applied: true });
    expect(heart!.control.matches('a.comment-reaction-button')).toBe(true);
  });

  it('else picks 🎉 in the post’s own picker, never another post’s', () => {
    const doc = load('issue-public.html');
    const element = post(doc, 'issuecomment-88006');
    const reading = gitea.reaction(element);
    expect(reading).toMatchObject({ choice: null, applied: false });
    expect(reading!.control.getAttribute('data-reaction-content')).toBe('hooray');
    expect(element.contains(reading!.control)).toBe(true);
  });
});
