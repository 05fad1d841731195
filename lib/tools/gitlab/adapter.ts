import type { Adapter, ArchiveAlternative, ComposerReading, DeleteAction, MentionReading, PlaceReading, PostReading, ReactionReading, ReplyReading } from '../adapter';
import { attributeOrLink, datetimeOf, inContent, isPressed, isVisible, lastPathSegment, namedReaction, nearbyControl, pageBase, queryAllWithin, textOf } from '../dom';
import type { PageKind, Place } from '../page';
import { pathSegments } from '../url';
import { anyOf } from '../selector-table';
import { gitlabFacts } from './facts';
import { selectorTable, selectors } from './selectors';
import { t } from '../../i18n/t';

const USERNAME = /^[A-Za-z0-9_.][A-Za-z0-9_.-]*$/;

/** Page kind from the path: project paths nest, so everything is read after the `/-/` separator. */
function readKind(url: URL): PageKind {
  const segments = pathSegments(url);
  const dash = segments.indexOf('-');
  if (dash < 1) return 'other';
  const [section, id] = segments.slice(dash + 1);
  const numbered = /^\d+$/.test(id ?? '');
  if ((section === 'issues' || section === 'work_items' || section === 'epics') && numbered) return 'issue';
  if (section === 'merge_requests' && numbered) return 'merge_request';
  if (section === 'commit' && /^[0-9a-f]{7,64}$/i.test(id ?? '')) return 'commit';
  if (section === 'wikis') return 'wiki';
  return 'other';
}

function isGitLab(doc: Document): boolean {
  return doc.querySelector(selectors.siteName) !== null && doc.body?.hasAttribute('data-page') === true;
}

/** Project visibility from `GET /api/v4/projects/:id`: internal counts as private (not everyone). */
function placeOfProject(json: unknown): Place {
  const visibility = typeof json === 'object' && json !== null ? (json as { visibility?: unknown }).visibility : undefined;
  return visibility === 'public' ? 'public' : visibility === 'private' || visibility === 'internal' ? 'private' : 'unknown';
}

/**
 * A confidential issue is private whatever the project; otherwise the project's visibility
 * decides, and GitLab pages do not show it, so the same-origin API is asked (with the user's session).
 */
function readPlace(url: URL, doc: Document): PlaceReading {
  if (!isGitLab(doc)) return { place: 'unknown' };
  if ([...doc.querySelectorAll(selectors.confidential)].some((el) => /confidential/i.test(el.textContent ?? ''))) {
    return { place: 'private', audience: t('audGitlabConfidential') };
  }
  const projectId = doc.body.getAttribute('data-project-id');
  const project = doc.body.getAttribute('data-project-full-path') ?? '';
  if (!projectId || !/^\d+$/.test(projectId)) return { place: 'unknown' };
  const root = url.pathname.slice(0, Math.max(0, url.pathname.indexOf(`/${project}/`)));
  return {
    place: 'unknown',
    lookup: {
      path: `${root}/api/v4/projects/${projectId}`,
      read: (json) => {
        const place = placeOfProject(json);
        const visibility = (json as { visibility?: string }).visibility;
        return place === 'private'
          ? { place, audience: t(visibility === 'internal' ? 'audGitlabInternalProject' : 'audGitlabPrivateProject', project) }
          : { place };
      },
    },
  };
}

/** A username from a user link (or the link an element wraps or sits in): `data-username`, else the href's last segment. */
function usernameFromLink(el: Element | null | undefined): string | null {
  if (!el) return null;
  const named = attributeOrLink(el, 'data-username', selectors.link);
  if (named && USERNAME.test(named)) return named;
  const segment = lastPathSegment(attributeOrLink(el, 'href', selectors.link));
  return segment && USERNAME.test(segment) ? segment : null;
}

/** Project and group access tokens act as bot users named `project_{id}_bot_{hex}` / `group_{id}_bot_{hex}`. */
const BOT_USERNAME = /^(?:project|group)_\d+_bot(?:_[0-9a-f]+)?$/;

/** A note's author, or null when it is a bot (a bot username, or the note header's "Bot" badge): bots are not people. */
function noteAuthor(note: Element): string | null {
  const username = usernameFromLink(note.querySelector(selectors.noteAuthor));
  if (!username || BOT_USERNAME.test(username)) return null;
  return [...note.querySelectorAll(selectors.noteBadge)].some((badge) => textOf(badge, 20).toLowerCase() === 'bot') ? null : username;
}

const GON_USERNAME = /gon\.current_username\s*=\s*"([^"\\]{1,255})"/;

/** `gon.current_username` from the page's inline scripts (GitLab writes it on every signed-in page). */
function gonUsername(doc: Document): string | null {
  for (const script of doc.querySelectorAll(selectors.inlineScript)) {
    const found = GON_USERNAME.exec(script.textContent ?? '');
    if (found) return USERNAME.test(found[1]!) ? found[1]! : null;
  }
  return null;
}

/** The signed-in user: the user menu's profile link, else `gon.current_username`, else the composer's avatar link. */
function viewerOf(doc: Document): string | null {
  if (!isGitLab(doc)) return null;
  return usernameFromLink(doc.querySelector(selectors.viewer)) ?? gonUsername(doc) ?? usernameFromLink(doc.querySelector(selectors.viewerAvatar));
}

function mentions(root: ParentNode): MentionReading[] {
  // Rendered Markdown only: approval widgets and note headers use the same link classes.
  return inContent(root, selectors.mention, selectors.body).flatMap((element) => {
    // A person mention has data-user; group mentions and @all carry data-group / data-project instead.
    if (!element.hasAttribute('data-user') || element.hasAttribute('data-group') || element.hasAttribute('data-project')) return [];
    const handle = usernameFromLink(element) ?? (element.getAttribute('data-original') ?? element.textContent ?? '').trim().replace(/^@/, '');
    return handle && USERNAME.test(handle) ? [{ element, handle }] : [];
  });
}

const POST_SELECTOR = anyOf(selectors.description, selectors.note);

function readDescription(element: Element): PostReading | null {
  const doc = element.ownerDocument;
  if (!isGitLab(doc) || element.parentElement?.closest(selectors.description)) return null;
  const iid = doc.body.getAttribute('data-page-type-id') ?? lastPathSegment(doc.location?.href ?? null) ?? '';
  // The description has no note id: GitLab's own reference (`#31`, `!77`) names it.
  const mergeRequest = /\/-\/merge_requests\//.test(doc.location?.pathname ?? '');
  return {
    element,
    id: `${mergeRequest ? '!' : '#'}${iid}`,
    author: usernameFromLink(doc.querySelector(selectors.descriptionAuthor)),
    time: datetimeOf(doc.querySelector(selectors.descriptionTime)),
    permalink: null,
    body: element.matches(selectors.descriptionBody) ? element : element.querySelector(selectors.descriptionBody),
  };
}

function readNote(element: Element, base: string | null): PostReading | null {
  // System notes ("added ~bug") are not comments, though they link people.
  if (element.matches(selectors.systemNote) || !/^note_\d+$/.test(element.id) || !element.querySelector(selectors.noteBody)) return null;
  return {
    element,
    id: element.id,
    author: noteAuthor(element),
    time: datetimeOf(element.querySelector(selectors.noteTime)),
    permalink: base ? `${base}#${element.id}` : null,
    body: element.querySelector(selectors.noteBody),
  };
}

function posts(root: ParentNode): PostReading[] {
  const base = pageBase('ownerDocument' in root && root.ownerDocument ? root.ownerDocument : (root as Document));
  return queryAllWithin(root, POST_SELECTOR).flatMap((element) =>
    (element.matches(selectors.note) ? readNote(element, base) : readDescription(element)) ?? [],
  );
}

function composers(doc: Document): ComposerReading[] {
  return [...doc.querySelectorAll<HTMLElement>(selectors.composerField)].flatMap((editor) => {
    if (!isVisible(editor)) return [];
    const container = editor.closest(selectors.composerForm) ?? editor.parentElement ?? editor;
    return [{ editor, container, submit: container.querySelector<HTMLElement>(selectors.submit) }];
  });
}

/** GitLab's thanks-like award emoji: 🎉 tada, ❤️ heart, 🙏 pray. */
const THANKS_AWARDS = /^(?:tada|heart|pray)$/;

/** Award emoji on a note or on the description (whose awards sit below it, in the page's awards block). */
function reaction(post: Element): ReactionReading | null {
  const scope = post.matches(selectors.note) ? post : post.ownerDocument.querySelector(selectors.descriptionAwards);
  if (!scope) return null;
  const awards = [...scope.querySelectorAll<HTMLElement>(selectors.awardButton)];
  const existing = awards.find((b) => THANKS_AWARDS.test(b.querySelector(selectors.awardEmoji)?.getAttribute('data-name') ?? b.getAttribute('data-emoji-name') ?? '')) ??
    namedReaction(awards, /^(?:tada|heart|pray)\b/i);
  if (existing) return { control: existing, choice: null, applied: isPressed(existing) };
  const opener = scope.querySelector<HTMLElement>(selectors.addAward);
  return opener ? { control: opener, choice: selectors.awardChoice, applied: false } : null;
}

/** A note is answered in its discussion (threads), or by starting one from the note. */
function reply(post: Element): ReplyReading | null {
  if (!post.matches(selectors.note)) return null;
  const thread = post.closest(selectors.discussion) ?? post;
  const editor = [...thread.querySelectorAll<HTMLElement>(selectors.replyField)].find((field) => isVisible(field));
  const container = editor?.closest(selectors.composerForm) ?? editor?.parentElement ?? null;
  return {
    composer: editor && container ? { editor, container, submit: container.querySelector<HTMLElement>(selectors.submit) } : null,
    open: thread.querySelector<HTMLElement>(selectors.replyOpen) ?? post.querySelector<HTMLElement>(selectors.replyToNote),
  };
}

function deleteAction(target: Element): DeleteAction | null {
  const note = target.closest(selectors.deleteNote);
  if (note) return { target: 'comment', element: note };
  const issue = target.closest(selectors.deleteIssue);
  if (issue) return { target: /task/i.test(issue.textContent ?? '') ? 'task' : 'issue', element: issue };
  const project = target.closest(selectors.deleteProject);
  return project ? { target: 'project', element: project } : null;
}

function archiveAlternative(action: DeleteAction, doc: Document): ArchiveAlternative | null {
  switch (action.target) {
    case 'comment':
      return {
        label: 'Edit comment',
        hint: t('altGitlabEditComment'),
        control: nearbyControl(action.element, selectors.noteItem, selectors.editNote),
      };
    case 'issue':
    case 'task':
      return {
        label: `Close ${action.target}`,
        hint: t(action.target === 'issue' ? 'altGitlabCloseIssue' : 'altGitlabCloseTask'),
        control: doc.querySelector<HTMLElement>(selectors.closeIssue),
      };
    case 'project':
      return {
        label: 'Archive project',
        hint: t('altGitlabArchiveProject'),
        control: [...doc.querySelectorAll<HTMLElement>(selectors.buttonOrLink)].find((b) => textOf(b, 40) === 'Archive project') ?? null,
      };
    default:
      return null;
  }
}

export const gitlab: Adapter = {
  id: 'gitlab',
  name: gitlabFacts.name,
  matches: gitlabFacts.matches,
  facts: gitlabFacts,
  selectors: selectorTable,
  postSelector: POST_SELECTOR,
  // Any origin can run GitLab; its pages carry og:site_name and the controller path on <body>.
  detect: isGitLab,
  kind: (url) => readKind(url),
  place: readPlace,
  viewer: viewerOf,
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
  title: (_url, doc) => textOf(doc.querySelector(selectors.title), 300),
  container: (_url, doc) => doc.body?.getAttribute('data-project-full-path') ?? '',
};
