import type { Adapter, ArchiveAlternative, ComposerReading, DeleteAction, MentionReading, PlaceReading, PostReading } from '../adapter';
import { attributeOrLink, inContent, isVisible, queryAllWithin, textOf } from '../dom';
import type { PageKind } from '../page';
import { hasAny, pathSegments } from '../url';
import { anyOf, within } from '../selector-table';
import { asanaFacts } from './facts';
import { selectorTable, selectors } from './selectors';
import { t } from '../../i18n/t';

const GID = /^\d{6,19}$/;

/** Task gid from both URL forms: legacy `/0/{project}/{task}[/f]` and `/1/{workspace}/…/task/{task}`. */
function taskGidOf(url: URL): string | null {
  const segments = pathSegments(url);
  if (segments[0] === '0') return GID.test(segments[2] ?? '') ? segments[2]! : null;
  if (segments[0] === '1') {
    const at = segments.indexOf('task');
    return at > 0 && GID.test(segments[at + 1] ?? '') ? segments[at + 1]! : null;
  }
  return null;
}

function readKind(url: URL): PageKind {
  return taskGidOf(url) ? 'task' : 'other';
}

/**
 * A user gid from a mention or actor link, or from the link an actor name wraps: `data-asana-gid`,
 * `/profile/{gid}` or legacy `/0/{gid}/list`. Rules (rule actions), teams and projects are not people.
 */
function gidOf(el: Element | null | undefined): string | null {
  if (!el) return null;
  const type = attributeOrLink(el, 'data-asana-type', selectors.link);
  if (type !== null && type !== 'user') return null;
  const direct = attributeOrLink(el, 'data-asana-gid', selectors.link);
  if (direct && GID.test(direct)) return direct;
  const href = attributeOrLink(el, 'href', selectors.link) ?? '';
  return /\/profile\/(\d{6,19})(?:[/?#]|$)/.exec(href)?.[1] ?? /^https:\/\/app\.asana\.com\/0\/(\d{6,19})\/list$/.exec(href)?.[1] ?? null;
}

function projectName(doc: Document): string | null {
  const pill = doc.querySelector(within(selectors.taskPane, selectors.projectPill));
  return pill ? textOf(pill, 300) : null;
}

/**
 * Asana shows privacy only where something is restricted: a private banner on the task, a lock by
 * the project's Share button, or a task in no project (visible to collaborators only). A task is
 * read as public only when its project's header is on screen and shows no lock.
 */
function readPlace(url: URL, doc: Document): PlaceReading {
  const pane = doc.querySelector(selectors.taskPane);
  if (!taskGidOf(url) || !pane) return { place: 'unknown' };
  const banner = [...pane.querySelectorAll(selectors.privacyBanner)].find((b) => /private/i.test(b.textContent ?? ''));
  if (banner) return { place: 'private', audience: textOf(banner, 200) };
  const project = projectName(doc);
  if (project === null) return { place: 'private', audience: t('audAsanaNoProject') };
  const header = doc.querySelector(selectors.projectHeader);
  const headerProject = doc.querySelector<HTMLInputElement>(selectors.projectTitle)?.value.trim();
  if (!header || headerProject !== project) return { place: 'unknown' };
  if (header.querySelector(selectors.projectLock)) return { place: 'private', audience: t('audMembersOf', project) };
  return { place: 'public', audience: t('audEveryoneWhoSees', project) };
}

/** Asana's composer keeps a picked person as a link to their profile, like a rendered mention. */
function draftMentions(editor: HTMLElement): string[] {
  return [...editor.querySelectorAll(selectors.mention)].flatMap((link) => {
    const gid = gidOf(link);
    return gid ? [gid] : [];
  });
}

/** Only rich-text bodies hold mentions; story headers link the same profile URLs for authors. */
const BODY = anyOf(selectors.storyText, selectors.descriptionBody);

function mentions(root: ParentNode): MentionReading[] {
  return inContent(root, selectors.mention, BODY).flatMap((element) => {
    if (element.getAttribute('data-asana-type') !== null && element.getAttribute('data-asana-type') !== 'user') return [];
    const handle = gidOf(element);
    return handle ? [{ element, handle }] : [];
  });
}

/** FNV-1a, 32 bits, as 8 hex digits: a short content key for comments, which have no id in the DOM. */
export function contentKey(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function isComment(story: Element): boolean {
  return story.querySelector(selectors.storyBody) !== null && !story.closest(selectors.creationStory);
}

function posts(root: ParentNode): PostReading[] {
  const doc = 'ownerDocument' in root && root.ownerDocument ? root.ownerDocument : (root as Document);
  const pane = doc.querySelector(selectors.taskPane);
  const taskGid = pane?.getAttribute('data-task-id') ?? (doc.location ? taskGidOf(new URL(doc.location.href)) : null);
  if (!pane || !taskGid) return [];
  const found: PostReading[] = [];
  for (const element of queryAllWithin(root, selectors.description)) {
    if (!pane.contains(element)) continue;
    found.push({
      element,
      id: taskGid,
      author: gidOf(pane.querySelector(selectors.creationActor)),
      time: null,
      permalink: null,
      body: element.querySelector(selectors.editor),
    });
  }
  for (const story of queryAllWithin(root, selectors.story)) {
    if (!pane.contains(story) || !isComment(story)) continue;
    const author = gidOf(story.querySelector(selectors.storyActor));
    const body = story.querySelector(selectors.storyText);
    // Comments carry no id in the DOM; a content key survives "load older comments" (a position would not).
    const key = contentKey(`${author ?? ''}|${textOf(story.querySelector(selectors.storyTimestamp), 100)}|${textOf(body, 100_000)}`);
    found.push({ element: story, id: `${taskGid}-c${key}`, author, time: null, permalink: null, body });
  }
  return found;
}

function composers(doc: Document): ComposerReading[] {
  return [...doc.querySelectorAll<HTMLElement>(selectors.composer)].flatMap((editor) => {
    if (!isVisible(editor)) return [];
    const container = editor.closest(selectors.composerContainer) ?? editor;
    const submit = [...container.querySelectorAll<HTMLElement>(selectors.button)].find((b) => textOf(b, 50) === 'Comment') ?? null;
    return [{ editor, container, submit }];
  });
}

const DELETE_LABELS: Record<string, DeleteAction['target']> = {
  'delete task': 'task',
  'delete comment': 'comment',
  'delete project': 'project',
  'delete subtask': 'task',
};

function deleteAction(target: Element): DeleteAction | null {
  const item = target.closest(selectors.menuItem);
  const kind = item ? DELETE_LABELS[textOf(item, 60).toLowerCase()] : undefined;
  return item && kind ? { target: kind, element: item } : null;
}

function archiveAlternative(action: DeleteAction, doc: Document): ArchiveAlternative | null {
  const menuItem = (label: string) =>
    [...(action.element.closest(selectors.menu)?.querySelectorAll<HTMLElement>(selectors.menuItem) ?? [])].find((item) => textOf(item, 60) === label) ?? null;
  switch (action.target) {
    case 'task':
      return {
        label: 'Mark complete',
        hint: t('altAsanaComplete'),
        control: doc.querySelector<HTMLElement>(within(selectors.taskPane, selectors.markComplete)),
      };
    case 'comment':
      return { label: 'Edit comment', hint: t('altEditCommentReplies'), control: menuItem('Edit comment') };
    case 'project':
      return { label: 'Archive project', hint: t('altAsanaArchiveProject'), control: menuItem('Archive project') };
    default:
      return null;
  }
}

export const asana: Adapter = {
  id: 'asana',
  name: asanaFacts.name,
  matches: asanaFacts.matches,
  facts: asanaFacts,
  selectors: selectorTable,
  postSelector: anyOf(selectors.description, selectors.story),
  detect: (doc) => hasAny(doc, [selectors.app]),
  kind: readKind,
  place: readPlace,
  // The comment composer's avatar, else the topbar's.
  viewer: (doc) => {
    for (const signal of [selectors.viewer, selectors.topbarViewer]) {
      const gid = doc.querySelector(signal)?.getAttribute('data-user-gid');
      if (gid && GID.test(gid)) return gid;
    }
    return null;
  },
  mentions,
  draftMentions,
  posts,
  composers,
  // Asana comments have neither reactions Daylight can name nor threads: the task's comment box is the place.
  reaction: () => null,
  reply: () => null,
  deleteAction,
  archiveAlternative,
  hovercard: null,
  enterSends: false,
  gluedBlocks: true,
  title: (_url, doc) => doc.querySelector<HTMLTextAreaElement>(within(selectors.taskPane, selectors.taskTitle))?.value.trim() ?? '',
  container: (_url, doc) => projectName(doc) ?? 'My Tasks',
};
