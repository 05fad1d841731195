import type { Adapter, ArchiveAlternative, ComposerReading, DeleteAction, MentionReading, PlaceReading, PostReading, ReactionReading } from '../adapter';
import { datetimeOf, inContent, isVisible, lastPathSegment, nearbyControl, pageBase, queryAllWithin, textOf } from '../dom';
import type { PageKind } from '../page';
import { pathSegments } from '../url';
import { giteaFacts } from './facts';
import { selectorTable, selectors } from './selectors';

/** Gitea's and Forgejo's usernames: letters, digits, `-`, `_` and `.` (models/user's name check). */
const USERNAME = /^[A-Za-z0-9_.-]{1,40}$/;

/**
 * `appSubUrl` of the page's `window.config` (Gitea 1.21+ and Forgejo; `AppSubUrl` in older Gitea),
 * as Go's templates escape it in a script (`'\/git'`).
 */
const CONFIG = /window\.config\s*=\s*\{[\s\S]{0,400}?\bappSubUrl\s*:\s*'((?:[^'\\]|\\\/){0,200})'/i;

const subUrls = new WeakMap<Document, string | null>();

/**
 * The instance's sub-path ('' at the origin's root, `/git` for an instance served under it), or null
 * when the page carries no Gitea config: every Gitea and Forgejo page writes `window.config` inline
 * in its head (templates/base/head_script.tmpl). Read once per document.
 */
function subUrlOf(doc: Document): string | null {
  if (subUrls.has(doc)) return subUrls.get(doc)!;
  let found: string | null = null;
  for (const script of doc.querySelectorAll(selectors.inlineScript)) {
    const match = CONFIG.exec((script.textContent ?? '').slice(0, 4000));
    if (match) {
      const path = match[1]!.replace(/\\\//g, '/').replace(/\/+$/, '');
      found = path === '' || /^\/[\w.~/-]*$/.test(path) ? path : null;
      break;
    }
  }
  // A page still loading may not have its head yet: only a reading that found the config is kept.
  if (found !== null) subUrls.set(doc, found);
  return found;
}

/** A Gitea or Forgejo page on any origin: its config script, and its navbar or the product's meta author. */
function isGitea(doc: Document): boolean {
  return subUrlOf(doc) !== null && (doc.querySelector(selectors.navbar) !== null || doc.querySelector(selectors.siteAuthor) !== null);
}

/** Path segments after the instance's sub-path. */
function appSegments(url: URL, doc: Document): string[] {
  const sub = pathSegments(new URL(subUrlOf(doc) ?? '/', url.origin));
  const segments = pathSegments(url);
  return sub.every((s, i) => segments[i] === s) ? segments.slice(sub.length) : segments;
}

/** Page kind from the path: `/<owner>/<repo>/issues/<n>`, `/pulls/<n>`, `/commit/<sha>`, `/wiki`. */
function readKind(url: URL, doc: Document): PageKind {
  const [owner, repo, section, id] = appSegments(url, doc);
  if (!owner || !repo || !section) return 'other';
  if (section === 'issues' && /^\d+$/.test(id ?? '')) return 'issue';
  if (section === 'pulls' && /^\d+$/.test(id ?? '')) return 'pull_request';
  if (section === 'commit' && /^[0-9a-f]{7,64}$/i.test(id ?? '')) return 'commit';
  if (section === 'wiki') return 'wiki';
  return 'other';
}

/** `owner/repo` of a repository page. */
function readContainer(url: URL, doc: Document): string {
  if (!isGitea(doc) || doc.querySelector(selectors.repoHeader) === null) return '';
  const [owner, repo] = appSegments(url, doc);
  return owner && repo ? `${owner}/${repo}` : '';
}

/** The repository header says private with a lock icon or a Private/Internal label; no header, no reading. */
function readPlace(url: URL, doc: Document): PlaceReading {
  if (!isGitea(doc) || doc.querySelector(selectors.repoHeader) === null) return { place: 'unknown' };
  const repository = readContainer(url, doc);
  const labels = [...doc.querySelectorAll(selectors.repoLabel)].map((label) => textOf(label, 40).toLowerCase());
  if (labels.includes('internal') || doc.querySelector(selectors.internalIcon) !== null) {
    return { place: 'private', audience: `Internal repository ${repository}: only members of its organisation can see it` };
  }
  if (labels.includes('private') || doc.querySelector(selectors.privateIcon) !== null) {
    return { place: 'private', audience: `Private repository ${repository}` };
  }
  return { place: 'public' };
}

/** A username from a profile link (`/<user>` under the sub-path, or the same on the page's origin). */
function usernameFromLink(link: Element | null | undefined): string | null {
  const segment = lastPathSegment(link?.getAttribute('href') ?? null);
  return segment && USERNAME.test(segment) ? segment : null;
}

/** The signed-in user: the user menu's name, else the comment form's avatar link (issue 19: two signals). */
function viewerOf(doc: Document): string | null {
  if (!isGitea(doc)) return null;
  for (const el of doc.querySelectorAll(selectors.viewerName)) {
    const name = (el.getAttribute('data-signed-in-username') ?? textOf(el, 60)).trim();
    if (USERNAME.test(name)) return name;
  }
  return usernameFromLink(doc.querySelector(selectors.viewerAvatar));
}

/**
 * Person mentions in rendered Markdown: Gitea links `@name` to `/<name>`. Team mentions
 * (`@org/team`, linking to /org/<org>/teams/<team>), links a writer typed with an @ in their text,
 * e-mail addresses and code are not persons.
 */
function mentions(root: ParentNode): MentionReading[] {
  const doc = 'ownerDocument' in root && root.ownerDocument ? root.ownerDocument : (root as Document);
  const origin = doc.location?.origin ?? '';
  return inContent(root, selectors.mention, selectors.body).flatMap((element) => {
    const text = (element.textContent ?? '').trim();
    const href = element.getAttribute('href') ?? '';
    if (!text.startsWith('@')) return [];
    const handle = text.slice(1);
    if (!USERNAME.test(handle) || lastPathSegment(href)?.toLowerCase() !== handle.toLowerCase()) return [];
    // Gitea writes absolute links on its own origin (Forgejo, older Gitea) or app-relative ones.
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith(`${origin}/`)) return [];
    return [{ element, handle }];
  });
}

/** Gitea Actions and other bot accounts carry a "bot" label beside their name; bots are not people. */
function postAuthor(post: Element): string | null {
  if ([...post.querySelectorAll(selectors.authorBadge)].some((badge) => textOf(badge, 20).toLowerCase() === 'bot')) return null;
  // Ghost and Actions users (ids below 0) have no profile link.
  return usernameFromLink(post.querySelector(selectors.postAuthor)) ?? usernameFromLink(post.querySelector(selectors.postAvatar));
}

function readPost(element: Element, base: string | null): PostReading | null {
  if (!/^issue(?:comment)?-\d+$/.test(element.id) || !isGitea(element.ownerDocument)) return null;
  return {
    element,
    id: element.id,
    author: postAuthor(element),
    time: datetimeOf(element.querySelector(selectors.postTime)),
    permalink: base ? `${base}#${element.id}` : null,
    body: element.querySelector(selectors.postBody),
  };
}

function posts(root: ParentNode): PostReading[] {
  const base = pageBase('ownerDocument' in root && root.ownerDocument ? root.ownerDocument : (root as Document));
  return queryAllWithin(root, selectors.post).flatMap((element) => readPost(element, base) ?? []);
}

function composers(doc: Document): ComposerReading[] {
  if (!isGitea(doc)) return [];
  return [...doc.querySelectorAll<HTMLElement>(selectors.composerField)].flatMap((editor) => {
    if (!isVisible(editor)) return [];
    const container = editor.closest(selectors.composerForm) ?? editor.parentElement ?? editor;
    return [{ editor, container, submit: container.querySelector<HTMLElement>(selectors.submit) }];
  });
}

/** Gitea's thanks-like reactions: 🎉 hooray, ❤️ heart. */
const THANKS = ['hooray', 'heart'];

/**
 * A post's reactions sit below it; its picker's menu is always in the page, so the 🎉 item itself
 * is what to click (each post has its own picker; a page-wide selector would find the first post's).
 */
function reaction(post: Element): ReactionReading | null {
  if (!post.matches(selectors.post) || !isGitea(post.ownerDocument)) return null;
  const existing = [...post.querySelectorAll<HTMLElement>(selectors.reactionButton)].find((b) => THANKS.includes(b.getAttribute('data-reaction-content') ?? ''));
  if (existing) return { control: existing, choice: null, applied: existing.getAttribute('data-has-reacted') === 'true' };
  const picker = post.querySelector(selectors.reactionPicker);
  const choices = picker ? [...picker.querySelectorAll<HTMLElement>(selectors.pickerChoice)] : [];
  const choice = THANKS.map((name) => choices.find((c) => c.getAttribute('data-reaction-content') === name)).find((c) => c !== undefined);
  return choice ? { control: choice, choice: null, applied: false } : null;
}

function deleteAction(target: Element): DeleteAction | null {
  const comment = target.closest(selectors.deleteComment);
  if (comment) return { target: 'comment', element: comment };
  const issue = target.closest(selectors.deleteIssue);
  return issue ? { target: 'issue', element: issue } : null;
}

function archiveAlternative(action: DeleteAction, doc: Document): ArchiveAlternative | null {
  if (action.target === 'comment') {
    return {
      label: 'Edit',
      hint: 'Edit the comment to correct or withdraw it: Gitea keeps its edit history, and the replies still make sense.',
      control: nearbyControl(action.element, selectors.contextMenu, selectors.editComment),
    };
  }
  if (action.target !== 'issue') return null;
  const pull = readKind(new URL(doc.location?.href ?? 'https://invalid.example/'), doc) === 'pull_request';
  const what = pull ? 'pull request' : 'issue';
  return {
    label: `Close ${what}`,
    hint: `Closing keeps the ${what}, its discussion and every link to it; it can be reopened (the comment box's Close button).`,
    control: doc.querySelector<HTMLElement>(selectors.closeIssue),
  };
}

export const gitea: Adapter = {
  id: 'gitea',
  name: giteaFacts.name,
  matches: giteaFacts.matches,
  facts: giteaFacts,
  selectors: selectorTable,
  postSelector: selectors.post,
  detect: isGitea,
  kind: readKind,
  place: readPlace,
  viewer: viewerOf,
  mentions,
  posts,
  composers,
  reaction,
  // No threads on issues and pull requests' timelines: the page's comment box is where a reply goes.
  reply: () => null,
  deleteAction,
  archiveAlternative,
  hovercard: null,
  enterSends: false,
  gluedBlocks: false,
  title: (_url, doc) => (isGitea(doc) ? textOf(doc.querySelector(selectors.title), 300) : ''),
  container: readContainer,
};
