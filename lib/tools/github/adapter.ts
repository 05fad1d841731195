import type { Adapter, ArchiveAlternative, ComposerReading, DeleteAction, MentionReading, PlaceReading, PostReading, ReactionReading, ReplyReading } from '../adapter';
import { datetimeOf, inContent, isPressed, isVisible, lastPathSegment, namedReaction, nearbyControl, once, ownedBy, pageBase, queryAllWithin, textOf } from '../dom';
import type { PageKind } from '../page';
import { hasAny, pathSegments } from '../url';
import { anyOf } from '../selector-table';
import { githubFacts } from './facts';
import { selectorTable, selectors } from './selectors';
import { t } from '../../i18n/t';

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
  if (place === 'private') return { place, audience: t(label === 'internal' ? 'audGithubInternalRepo' : 'audGithubPrivateRepo', repo) };
  return place === 'public' ? { place, audience: t('audGithubPublicRepo', repo) } : { place };
}

/** Logins by href: a page links the same few people hundreds of times. */
const loginByHref = new Map<string, string | null>();
const MAX_REMEMBERED = 2000;

/** Apps (`/apps/…`: Copilot, github-actions, dependabot) are not people: no card, no Thank, no thanks received. */
const APP_PATH = /^(?:https:\/\/github\.com)?\/apps\//;

/** A login from a profile link: the last path segment of its href, never its text; null for an app. */
function loginOf(el: Element | null | undefined): string | null {
  if (!el) return null;
  const href = el.getAttribute('href');
  if ((href !== null && APP_PATH.test(href)) || APP_PATH.test(el.getAttribute('data-hovercard-url') ?? '')) return null;
  let fromHref = href === null ? null : loginByHref.get(href);
  if (fromHref === undefined) {
    const segment = lastPathSegment(href);
    fromHref = segment && LOGIN.test(segment) ? segment : null;
    if (loginByHref.size >= MAX_REMEMBERED) loginByHref.clear();
    loginByHref.set(href!, fromHref);
  }
  if (fromHref) return fromHref;
  const card = /^\/users\/([^/]+)\/hovercard/.exec(el.getAttribute('data-hovercard-url') ?? '')?.[1];
  return card && LOGIN.test(card) ? card : null;
}

function mentions(root: ParentNode): MentionReading[] {
  // Only rendered comment bodies: commit authors and other `user-mention` links elsewhere are not mentions.
  return inContent(root, selectors.mention, selectors.body).flatMap((element) => {
    const handle = loginOf(element);
    return handle ? [{ element, handle }] : [];
  });
}

/** One post, read according to the markup generation its element belongs to. */
function readPost(element: Element, base: string | null): PostReading | null {
  const permalink = (id: string) => (base ? `${base}#${id}` : null);
  if (element.matches(selectors.reactIssueBody)) {
    const doc = element.ownerDocument;
    const link = element.querySelector(selectors.reactIssueLink) ?? doc.querySelector(selectors.reactIssueLink);
    const id = /#(issue-\d+)$/.exec(link?.getAttribute('href') ?? '')?.[1];
    if (!id) return null;
    const author = element.querySelector(selectors.reactIssueAuthor) ?? doc.querySelector(selectors.reactIssueAuthor);
    const body = once(() => element.querySelector(selectors.markdownBody));
    return {
      element,
      id,
      author: loginOf(author),
      get time() {
        return datetimeOf(link?.querySelector(selectors.time));
      },
      permalink: permalink(id),
      get body() {
        return body();
      },
    };
  }
  if (element.matches(selectors.reactComment)) {
    const id = element.querySelector(selectors.reactCommentHeader)?.id;
    if (!id) return null;
    const body = once(() => element.querySelector(selectors.markdownBody));
    return {
      element,
      id,
      author: loginOf(element.querySelector(selectors.reactCommentAuthor)),
      get time() {
        return datetimeOf(element.querySelector(selectors.time));
      },
      permalink: permalink(id),
      get body() {
        return body();
      },
    };
  }
  if (element.matches(selectors.classicPullBody)) {
    // The classic pull request's opening post: its element has no id, its permalink names `#issue-{id}`.
    const id = [...element.querySelectorAll(selectors.issuePermalink)]
      .map((a) => /#(issue-\d+)$/.exec(a.getAttribute('href') ?? '')?.[1])
      .find((found) => found !== undefined);
    const body = element.querySelector(selectors.classicPullCommentBody);
    if (!id || !body) return null;
    return {
      element,
      id,
      author: loginOf(element.querySelector(selectors.classicAuthor)),
      get time() {
        return datetimeOf(element.querySelector(selectors.time));
      },
      permalink: permalink(id),
      body,
    };
  }
  if (!POST_ID.test(element.id) || element.parentElement?.closest(anyOf(selectors.reactComment, selectors.reactIssueBody, selectors.classicPullBody))) return null;
  // The 2026 pull request shell repeats a review's id on the element around it: one review, one post.
  if (sameIdAround(element)) return null;
  const body = element.querySelector(selectors.classicPostBody);
  if (!body) return null;
  // Posts nest (a review holds its inline comments); the author is the nearest one in this post.
  const author = [...element.querySelectorAll(selectors.classicAuthor)].find((a) => classicPostAround(a) === element);
  return {
    element,
    id: element.id,
    author: loginOf(author),
    get time() {
      return datetimeOf(element.querySelector(selectors.time));
    },
    permalink: permalink(element.id),
    body,
  };
}

/** An element around `el` that carries the same permalink id (the post `el` is part of), or null. */
function sameIdAround(el: Element): Element | null {
  for (let node = el.parentElement?.closest(selectors.classicPost) ?? null; node; node = node.parentElement?.closest(selectors.classicPost) ?? null) if (node.id === el.id) return node;
  return null;
}

/** The nearest classic post around an element: a targetable element whose id is a permalink (the outermost of those sharing it). */
function classicPostAround(el: Element): Element | null {
  for (let node = el.closest(selectors.classicPost); node; node = node.parentElement?.closest(selectors.classicPost) ?? null) {
    if (!POST_ID.test(node.id)) continue;
    let outer: Element = node;
    for (let around = sameIdAround(outer); around; around = sameIdAround(outer)) outer = around;
    return outer;
  }
  return null;
}

const POST_SELECTOR = anyOf(selectors.reactIssueBody, selectors.reactComment, selectors.classicPullBody, selectors.classicPost);

function posts(root: ParentNode): PostReading[] {
  const base = pageBase('ownerDocument' in root && root.ownerDocument ? root.ownerDocument : (root as Document));
  // One query over every kind of post keeps document order, whatever generation each post is.
  return queryAllWithin(root, POST_SELECTOR).flatMap((element) => readPost(element, base) ?? []);
}

function composers(doc: Document): ComposerReading[] {
  return [...doc.querySelectorAll<HTMLElement>(selectors.composerField)].flatMap((editor) => {
    if (!isVisible(editor)) return [];
    const container = editor.closest(selectors.composerContainer) ?? editor.parentElement ?? editor;
    const submit =
      container.querySelector<HTMLElement>(selectors.composerSubmit) ??
      [...container.querySelectorAll<HTMLElement>(selectors.button)].find((b) => textOf(b, 40) === 'Comment') ??
      null;
    return [{ editor, container, submit }];
  });
}

const isPost = (el: Element) => readPost(el, null) !== null;
/** GitHub's thanks-like reactions: 🎉 hooray, then ❤️ heart. */
const THANKS_REACTIONS = /^(?:hooray|heart|tada)\b|^(?:🎉|❤)/iu;

function reaction(post: Element): ReactionReading | null {
  const buttons = ownedBy(post, selectors.reactionButton, POST_SELECTOR, isPost);
  const existing = namedReaction(buttons, THANKS_REACTIONS);
  if (existing) return { control: existing, choice: null, applied: isPressed(existing) };
  const opener = ownedBy(post, selectors.reactionPicker, POST_SELECTOR, isPost)[0];
  return opener ? { control: opener, choice: selectors.reactionChoice, applied: false } : null;
}

/** Inline review comments are answered in their thread; everything else in the page's composer. */
function reply(post: Element): ReplyReading | null {
  const thread = post.matches(selectors.reviewComment) ? post.closest(selectors.reviewThread) : null;
  if (!thread) return null;
  const editor = [...thread.querySelectorAll<HTMLElement>(selectors.reviewReplyField)].find((field) => isVisible(field));
  const container = editor?.closest(selectors.form) ?? editor?.parentElement ?? null;
  return {
    composer: editor && container ? { editor, container, submit: container.querySelector<HTMLElement>(selectors.submitButton) } : null,
    open: thread.querySelector<HTMLElement>(selectors.reviewReplyOpen),
  };
}

function deleteAction(target: Element): DeleteAction | null {
  const control = target.closest(selectors.deleteControls);
  if (control) {
    const repo = control.matches(selectors.repositoryDelete);
    return { target: repo ? 'repository' : 'comment', element: control };
  }
  const item = target.closest(selectors.menuItemOrButton);
  const text = textOf(item, 40).toLowerCase();
  if (item?.matches(selectors.menuItem) && text === 'delete') return { target: 'comment', element: item };
  if (text === 'delete issue') return { target: 'issue', element: item! };
  if (text === 'delete this repository') return { target: 'repository', element: item! };
  return null;
}

/** A button anywhere on the page whose text is `text` (GitHub's own wording). */
function buttonNamed(doc: Document, text: string): HTMLElement | null {
  return [...doc.querySelectorAll<HTMLElement>(selectors.button)].find((b) => textOf(b, 60) === text) ?? null;
}

function archiveAlternative(action: DeleteAction, doc: Document): ArchiveAlternative | null {
  switch (action.target) {
    case 'comment':
      return {
        label: 'Hide',
        hint: t('altGithubHide'),
        control: nearbyControl(action.element, selectors.commentMenu, selectors.hideControl, 'Hide'),
      };
    case 'issue':
      return {
        label: 'Close issue',
        hint: t('altGithubCloseIssue'),
        control: buttonNamed(doc, 'Close issue'),
      };
    case 'repository':
      return {
        label: 'Archive this repository',
        hint: t('altGithubArchiveRepo'),
        control: buttonNamed(doc, 'Archive this repository'),
      };
    default:
      return null;
  }
}

function title(doc: Document): string {
  const heading = textOf(doc.querySelector(selectors.title), 300);
  if (heading) return heading;
  const og = doc.querySelector(selectors.ogTitle)?.getAttribute('content') ?? '';
  return og.split(' · ')[0] ?? '';
}

export const github: Adapter = {
  id: 'github',
  name: githubFacts.name,
  matches: githubFacts.matches,
  facts: githubFacts,
  selectors: selectorTable,
  postSelector: POST_SELECTOR,
  detect: (doc) => hasAny(doc, [selectors.page]),
  kind: (url) => readKind(url),
  place: readPlace,
  // The user-login meta tag, else the header's avatar button.
  viewer: (doc) => {
    const login = doc.querySelector(selectors.viewer)?.getAttribute('content') || doc.querySelector(selectors.viewerMenu)?.getAttribute('data-login');
    return login && LOGIN.test(login) ? login : null;
  },
  mentions,
  posts,
  composers,
  reaction,
  reply: (post) => reply(post),
  deleteAction,
  archiveAlternative,
  hovercard: selectors.hovercard,
  enterSends: false,
  gluedBlocks: false,
  title: (_url, doc) => title(doc),
  container: repository,
};
