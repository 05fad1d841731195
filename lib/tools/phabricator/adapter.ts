import type { Adapter, ArchiveAlternative, ComposerReading, DeleteAction, MentionReading, PlaceReading, PostReading, ReactionReading } from '../adapter';
import { inContent, isVisible, nearbyControl, pageBase, queryAllWithin, textOf } from '../dom';
import type { PageKind } from '../page';
import { hasAny, pathSegments } from '../url';
import { anyOf } from '../selector-table';
import { phabricatorFacts } from './facts';
import { selectorTable, selectors } from './selectors';
import { t } from '../../i18n/t';

const USERNAME = /^[A-Za-z0-9._-]*[A-Za-z0-9_-]$/;

/** Page kind from the object monogram routes (`/T123`, `/D45`, `/rABCdef…`, `/w/…`). */
function readKind(url: URL): PageKind {
  const [first = ''] = pathSegments(url);
  if (/^T\d+$/.test(first)) return 'task';
  if (/^D\d+$/.test(first)) return 'differential_revision';
  if (/^r[A-Z][A-Z0-9]*[0-9a-f]{7,40}$/.test(first) || /^R\d+:[0-9a-f]{7,40}$/.test(first)) return 'commit';
  if (first === 'w') return 'wiki';
  return 'other';
}

/** `/p/{username}/` → username. */
function usernameOf(el: Element | null | undefined): string | null {
  const match = /^(?:https?:\/\/[^/]+)?\/p\/([^/]+)\/?$/.exec(el?.getAttribute('href') ?? '');
  return match?.[1] && USERNAME.test(match[1]) ? match[1] : null;
}

/**
 * The header's policy callout names the view policy. "Public" is public; any other real view
 * policy (All Users on a company install, a project, a user, a custom policy) restricts who can
 * see the object. A codex-adjusted callout ("Edits Locked") hides the view policy: unknown.
 */
function readPlace(url: URL, doc: Document): PlaceReading {
  const callout = doc.querySelector(selectors.policyCallout);
  if (!callout || readKind(url) === 'other') return { place: 'unknown' };
  if (/\bpolicy-adjusted-/.test(callout.className) || callout.querySelector(selectors.policyAdjusted)) return { place: 'unknown' };
  const name = textOf(callout.querySelector(selectors.policyLink), 100);
  const icon = callout.querySelector(selectors.policyIcon)?.className ?? '';
  if (name === 'Public' || /\bfa-globe\b/.test(icon)) return { place: 'public', audience: t('audPhabricatorPublic') };
  if (!name) return { place: 'unknown' };
  const audience =
    name === 'All Users' ? t('audPhabricatorAllUsers') : /\bfa-briefcase\b/.test(icon) ? t('audMembersOf', name) : t('audPhabricatorPolicy', name);
  return { place: 'private', audience };
}

function mentions(root: ParentNode): MentionReading[] {
  // Remarkup only: timeline author links point at the same `/p/{user}/` URLs.
  return inContent(root, selectors.mention, selectors.remarkup).flatMap((element) => {
    const handle = usernameOf(element);
    return handle ? [{ element, handle }] : [];
  });
}

/** `2025-03-03 14:05:10 (UTC+1)` → ISO 8601 (Phabricator prints no datetime attribute). */
export function parsePrintTime(text: string): string | null {
  const match = /(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) \(UTC([+-]\d{1,2})?(?::?(\d{2}))?\)/.exec(text);
  if (!match) return null;
  const hours = Number(match[3] ?? 0);
  const offset = `${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:${match[4] ?? '00'}`;
  const date = new Date(`${match[1]}T${match[2]}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A curtain panel by its header ("Authored By", "Tags"). */
function curtainPanel(doc: Document, header: string): Element | null {
  return [...doc.querySelectorAll(selectors.curtainPanel)].find((panel) => textOf(panel.querySelector(selectors.curtainHeader), 60) === header) ?? null;
}

/** Tasks name their author in the curtain; revisions in the header's "Authored by" line. */
function authorOf(doc: Document): string | null {
  return usernameOf(curtainPanel(doc, 'Authored By')?.querySelector(selectors.profileLink)) ?? usernameOf(doc.querySelector(selectors.headAuthor));
}

/** The object's first project tag: the nearest thing Phabricator has to a container. */
function container(url: URL, doc: Document): string {
  const tag = curtainPanel(doc, 'Tags')?.querySelector(selectors.tag);
  return tag ? textOf(tag, 200) : (pathSegments(url)[0] ?? '');
}

const POST_SELECTOR = anyOf(selectors.descriptionSection, selectors.timelineShell);

function readOpeningPost(element: Element): PostReading | null {
  const doc = element.ownerDocument;
  const monogram = pathSegments(new URL(doc.location?.href ?? 'https://invalid.example/'))[0] ?? '';
  // The first text section is the description (tasks) or summary (revisions); later ones, such as
  // a revision's test plan, belong to the same opening post.
  if (!/^[TD]\d+$/.test(monogram) || element !== doc.querySelector(selectors.descriptionSection)) return null;
  return { element, id: monogram, author: authorOf(doc), time: null, permalink: null, body: element.querySelector(selectors.remarkup) ?? element };
}

function readComment(element: Element, base: string | null): PostReading | null {
  const comment = element.querySelector(selectors.comment);
  const anchor = element.querySelector(selectors.anchor);
  if (!comment || !anchor || !/^\d+$/.test(anchor.id)) return null;
  return {
    element,
    id: anchor.id,
    author: usernameOf(element.querySelector(selectors.timelineAuthor)),
    time: parsePrintTime(textOf(element.querySelector(selectors.printTime), 80)),
    permalink: base ? `${base}#${anchor.id}` : null,
    body: comment.querySelector(selectors.remarkup) ?? comment,
  };
}

function posts(root: ParentNode): PostReading[] {
  const base = pageBase('ownerDocument' in root && root.ownerDocument ? root.ownerDocument : (root as Document));
  return queryAllWithin(root, POST_SELECTOR).flatMap((element) =>
    (element.matches(selectors.timelineShell) ? readComment(element, base) : readOpeningPost(element)) ?? [],
  );
}

function composers(doc: Document): ComposerReading[] {
  return [...doc.querySelectorAll(selectors.composerForm)].flatMap((form) => {
    const editor = form.querySelector<HTMLElement>(selectors.composerField);
    if (!editor || !isVisible(editor)) return [];
    return [{ editor, container: form, submit: form.querySelector<HTMLElement>(selectors.submit) }];
  });
}

/**
 * Phabricator's reactions are tokens, awarded to the whole object (task or revision) from its
 * curtain, so only the opening post has one; the token dialog opens with the user's confirmation.
 */
function reaction(post: Element): ReactionReading | null {
  const doc = post.ownerDocument;
  if (post !== doc.querySelector(selectors.descriptionSection)) return null;
  const award = doc.querySelector<HTMLElement>(selectors.awardToken);
  return award ? { control: award, choice: selectors.tokenChoice, applied: false } : null;
}

function deleteAction(target: Element): DeleteAction | null {
  const link = target.closest(selectors.deleteLinks);
  if (!link) return null;
  const href = link.getAttribute('href') ?? '';
  return { target: href.startsWith('/transactions/remove/') ? 'comment' : 'document', element: link };
}

function archiveAlternative(action: DeleteAction): ArchiveAlternative | null {
  if (action.target === 'comment') {
    return {
      label: 'Edit Comment',
      hint: t('altPhabricatorEditComment'),
      control: nearbyControl(action.element, selectors.commentMenu, selectors.editComment),
    };
  }
  if (action.target === 'document') {
    return {
      label: 'Edit Document',
      hint: t('altPhrictionOutdated'),
      control: null,
    };
  }
  return null;
}

function title(doc: Document): string {
  const header = doc.querySelector(selectors.headerTitle);
  if (!header) return doc.title.replace(/^\S*\s*[TD]\d+\s+/, '');
  const copy = header.cloneNode(true) as Element;
  copy.querySelector(selectors.spacesName)?.remove();
  return textOf(copy, 300);
}

export const phabricator: Adapter = {
  id: 'phabricator',
  name: phabricatorFacts.name,
  matches: phabricatorFacts.matches,
  facts: phabricatorFacts,
  selectors: selectorTable,
  postSelector: POST_SELECTOR,
  detect: (doc) => hasAny(doc, [selectors.page]),
  kind: (url) => readKind(url),
  place: readPlace,
  // The main menu's profile button, else its mobile twin.
  viewer: (doc) => usernameOf(doc.querySelector(selectors.viewer)) ?? usernameOf(doc.querySelector(selectors.viewerMobileMenu)),
  mentions,
  posts,
  composers,
  reaction,
  // Comments have no threads: replies go in the page's comment form.
  reply: () => null,
  deleteAction,
  archiveAlternative,
  hovercard: selectors.hovercard,
  enterSends: false,
  gluedBlocks: false,
  title: (_url, doc) => title(doc),
  container: container,
};
