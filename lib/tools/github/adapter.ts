import type { Adapter, ComposerReading, DeleteAction, MentionReading, PlaceReading, PostReading } from '../adapter';
import { datetimeOf, insideCode, isVisible, lastPathSegment, queryAllWithin, textOf } from '../dom';
import type { PageKind } from '../page';
import { buildRecords } from '../records';
import { hasAny, pathSegments } from '../url';
import { selectors } from './selectors';

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const POST_ID = /^(?:issue-\d+|discussion-\d+|issuecomment-\d+|pullrequestreview-\d+|discussion_r\d+|discussioncomment-\d+|commitcomment-\d+)$/;

/** Page kind from the path, after github-url-detection's rules. */
function readKind(url: URL): PageKind {
  const [first, second, section, id] = pathSegments(url);
  if (first === 'orgs' && section === 'discussions' && /^\d+$/.test(id ?? '')) return 'discussion';
  if (first === undefined || second === undefined) return 'other';
  if (section === 'issues' && /^\d+$/.test(id ?? '')) return 'issue';
  if (section === 'pull' && /^\d+$/.test(id ?? '')) return 'pull_request';
  if (section === 'discussions' && /^\d+$/.test(id ?? '')) return 'discussion';
  if (section === 'commit' && /^[0-9a-f]{5,40}$/i.test(id ?? '')) return 'commit';
  if (section === 'wiki') return 'wiki';
  return 'other';
}

function repository(url: URL, doc: Document): string {
  const meta = doc.querySelector(selectors.repositoryName)?.getAttribute('content');
  if (meta) return meta;
  const [owner, repo] = pathSegments(url);
  return owner && repo && owner !== 'orgs' ? `${owner}/${repo}` : '';
}

/**
 * The octolytics meta tag on every repository page is the primary signal; the header label, where
 * shown, must agree. GitHub has no per-issue confidentiality.
 */
function readPlace(url: URL, doc: Document): PlaceReading {
  const flag = doc.querySelector(selectors.repositoryPublic)?.getAttribute('content');
  const label = textOf(doc.querySelector(selectors.repositoryLabel), 20).toLowerCase();
  const fromMeta = flag === 'true' ? 'public' : flag === 'false' ? 'private' : 'unknown';
  const fromLabel = label === 'public' ? 'public' : label === 'private' || label === 'internal' ? 'private' : 'unknown';
  if (fromMeta !== 'unknown' && fromLabel !== 'unknown' && fromMeta !== fromLabel) return { place: 'unknown' };
  const place = fromMeta !== 'unknown' ? fromMeta : fromLabel;
  const repo = repository(url, doc);
  if (place === 'private') return { place, audience: `${label === 'internal' ? 'Internal' : 'Private'} repository ${repo}` };
  return place === 'public' ? { place, audience: `Public repository ${repo}` } : { place };
}

/** A login from a profile link: the last path segment of its href, never its text. */
function loginOf(el: Element | null | undefined): string | null {
  if (!el) return null;
  const fromHref = lastPathSegment(el.getAttribute('href'));
  if (fromHref && LOGIN.test(fromHref)) return fromHref;
  const card = /^\/users\/([^/]+)\/hovercard/.exec(el.getAttribute('data-hovercard-url') ?? '')?.[1];
  return card && LOGIN.test(card) ? card : null;
}

function mentions(root: ParentNode): MentionReading[] {
  return queryAllWithin(root, selectors.mention).flatMap((element) => {
    // Team mentions, commit authors and other `user-mention` links outside comment bodies are not persons.
    if (element.getAttribute('data-hovercard-type') === 'team' || element.classList.contains('team-mention')) return [];
    if (!element.closest(selectors.body) || insideCode(element)) return [];
    const handle = loginOf(element);
    return handle ? [{ element, handle }] : [];
  });
}

function permalinkOf(doc: Document, id: string): string | null {
  const href = doc.location?.href;
  if (!href) return null;
  const url = new URL(href);
  url.hash = id;
  return url.href;
}

function reactPosts(root: ParentNode): PostReading[] {
  const posts: PostReading[] = [];
  for (const element of queryAllWithin(root, selectors.reactIssueBody)) {
    const link = element.querySelector(selectors.reactIssueLink) ?? element.ownerDocument.querySelector(selectors.reactIssueLink);
    const id = /#(issue-\d+)$/.exec(link?.getAttribute('href') ?? '')?.[1];
    if (!id) continue;
    const author = element.querySelector(selectors.reactIssueAuthor) ?? element.ownerDocument.querySelector(selectors.reactIssueAuthor);
    posts.push({
      element,
      id,
      author: loginOf(author),
      time: datetimeOf(link?.querySelector(selectors.time)),
      permalink: permalinkOf(element.ownerDocument, id),
      body: element.querySelector('.markdown-body'),
    });
  }
  for (const element of queryAllWithin(root, selectors.reactComment)) {
    const id = element.querySelector(selectors.reactCommentHeader)?.id;
    if (!id) continue;
    posts.push({
      element,
      id,
      author: loginOf(element.querySelector(selectors.reactCommentAuthor)),
      time: datetimeOf(element.querySelector(selectors.time)),
      permalink: permalinkOf(element.ownerDocument, id),
      body: element.querySelector('.markdown-body'),
    });
  }
  return posts;
}

/** The classic pull request's opening post: its element has no id, its permalink names `#issue-{id}`. */
function classicPullBodies(root: ParentNode): PostReading[] {
  return queryAllWithin(root, selectors.classicPullBody).flatMap((element) => {
    const id = [...element.querySelectorAll('a[href*="#issue-"]')]
      .map((a) => /#(issue-\d+)$/.exec(a.getAttribute('href') ?? '')?.[1])
      .find((found) => found !== undefined);
    const body = element.querySelector('.comment-body, .js-comment-body');
    if (!id || !body) return [];
    return [
      {
        element,
        id,
        author: loginOf(element.querySelector(selectors.classicAuthor)),
        time: datetimeOf(element.querySelector(selectors.time)),
        permalink: permalinkOf(element.ownerDocument, id),
        body,
      },
    ];
  });
}

function classicPosts(root: ParentNode): PostReading[] {
  return queryAllWithin(root, selectors.classicPost).flatMap((element) => {
    if (!POST_ID.test(element.id) || element.closest(`.react-issue-comment, [data-testid="issue-body"], ${selectors.classicPullBody}`)) return [];
    const body = element.querySelector('.comment-body, .js-comment-body, .markdown-body');
    if (!body) return [];
    // Posts nest (a review holds its inline comments); the author is the nearest one in this post.
    const author = [...element.querySelectorAll(selectors.classicAuthor)].find((a) => a.closest(selectors.classicPost) === element);
    return [
      {
        element,
        id: element.id,
        author: loginOf(author),
        time: datetimeOf(element.querySelector(selectors.time)),
        permalink: permalinkOf(element.ownerDocument, element.id),
        body,
      },
    ];
  });
}

function posts(root: ParentNode): PostReading[] {
  const found = [...reactPosts(root), ...classicPullBodies(root), ...classicPosts(root)];
  // Document order, whatever generation each post came from.
  return found.sort((a, b) => (a.element.compareDocumentPosition(b.element) & 4 ? -1 : 1));
}

function composers(doc: Document): ComposerReading[] {
  return [...doc.querySelectorAll<HTMLElement>(selectors.composerField)].flatMap((editor) => {
    if (!isVisible(editor)) return [];
    const container = editor.closest('form, [data-testid="comment-composer"]') ?? editor.parentElement ?? editor;
    const submit =
      container.querySelector<HTMLElement>('button[type="submit"].btn-primary, button[data-variant="primary"]') ??
      [...container.querySelectorAll<HTMLElement>('button')].find((b) => textOf(b, 40) === 'Comment') ??
      null;
    return [{ editor, container, submit }];
  });
}

function deleteAction(target: Element): DeleteAction | null {
  const control = target.closest(selectors.deleteControls);
  if (control) {
    const repo = control.matches('#dialog-show-repo-delete-menu-dialog, [data-show-dialog-id="repo-delete-menu-dialog"]');
    return { target: repo ? 'repository' : 'comment', element: control };
  }
  const item = target.closest('[role="menuitem"], button');
  const text = textOf(item, 40).toLowerCase();
  if (item?.matches('[role="menuitem"]') && text === 'delete') return { target: 'comment', element: item };
  if (text === 'delete issue') return { target: 'issue', element: item! };
  if (text === 'delete this repository') return { target: 'repository', element: item! };
  return null;
}

function title(doc: Document): string {
  const heading = textOf(doc.querySelector(selectors.title), 300);
  if (heading) return heading;
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '';
  return og.split(' · ')[0] ?? '';
}

export const github: Adapter = {
  id: 'github',
  name: 'GitHub',
  matches: ['https://github.com/*', 'https://gist.github.com/*'],
  selectors,
  postSelector: `${selectors.reactIssueBody}, ${selectors.reactComment}, ${selectors.classicPullBody}, ${selectors.classicPost}`,
  detect: (doc) => hasAny(doc, [selectors.page]),
  kind: (url) => readKind(url),
  place: readPlace,
  viewer: (doc) => doc.querySelector(selectors.viewer)?.getAttribute('content') || null,
  mentions,
  posts,
  composers,
  deleteAction,
  records: (url, doc) =>
    buildRecords({
      url,
      tool: 'github',
      kind: readKind(url),
      place: readPlace(url, doc).place,
      title: title(doc),
      container: repository(url, doc),
      posts: posts(doc),
      mentions,
    }),
};
