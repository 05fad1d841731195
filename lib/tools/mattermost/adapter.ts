import { AuthorRuns, type ChatMarkup } from '../chat-runs';
import type { Adapter, ArchiveAlternative, ComposerReading, DeleteAction, MentionReading, PlaceReading, PostReading, ReactionReading, ReplyReading } from '../adapter';
import { datetimeOf, inContent, isPressed, isVisible, once, queryAllWithin, textOf } from '../dom';
import type { PageKind, Place } from '../page';
import { hasAny, pathSegments } from '../url';
import { mattermostFacts } from './facts';
import { selectorTable, selectors } from './selectors';
import { t } from '../../i18n/t';

const POST_ID = /^(?:post_|rhsPost_|searchResult_)?([a-z0-9]{26})(?::\d+)?$/;

interface Route {
  /** The site's sub-path (Mattermost may live under one), then the team. */
  prefix: string;
  team: string;
  section: 'channels' | 'messages' | 'threads';
  name: string;
}

function routeOf(url: URL): Route | null {
  const segments = pathSegments(url);
  const at = segments.findIndex((s) => s === 'channels' || s === 'messages' || s === 'threads');
  if (at < 1 || segments[at + 1] === undefined) return null;
  const prefix = segments.slice(0, at - 1).map((s) => `/${s}`).join('');
  return { prefix, team: segments[at - 1]!, section: segments[at] as Route['section'], name: segments[at + 1]! };
}

/** What the active sidebar row says about the open channel. */
function sidebarPlace(doc: Document): Place {
  const row = doc.querySelector(selectors.activeSidebarLink);
  const label = row?.getAttribute('aria-label') ?? '';
  if (/private channel$/i.test(label) || row?.querySelector(selectors.sidebarPrivateIcon)) return 'private';
  if (/public channel$/i.test(label) || row?.querySelector(selectors.sidebarPublicIcon)) return 'public';
  return 'unknown';
}

function readKind(url: URL, doc: Document): PageKind {
  const route = routeOf(url);
  if (!route) return 'other';
  if (route.section === 'threads') return 'thread';
  if (route.section === 'messages') {
    if (route.name.startsWith('@')) return 'dm';
    return /^[0-9a-f]{40}$/.test(route.name) ? 'group-dm' : 'other';
  }
  return sidebarPlace(doc) === 'private' ? 'private-channel' : 'channel';
}

/** Channel type from `GET /api/v4/channels/:id`: O is open; P, D and G are private. */
function placeOfChannel(json: unknown): Place {
  const type = typeof json === 'object' && json !== null ? (json as { type?: unknown }).type : undefined;
  return type === 'O' ? 'public' : type === 'P' || type === 'D' || type === 'G' ? 'private' : 'unknown';
}

function channelLookup(prefix: string, channelId: string, seen: Place, audience?: string): PlaceReading['lookup'] {
  return {
    path: `${prefix}/api/v4/channels/${channelId}`,
    read: (json) => {
      const answer = placeOfChannel(json);
      // The API is authoritative; a page that says otherwise means something is off.
      const place = seen !== 'unknown' && answer !== seen ? 'unknown' : answer;
      return { place, ...(place === 'private' && audience ? { audience } : {}) };
    },
  };
}

function title(doc: Document): string {
  return textOf(doc.querySelector(selectors.channelTitle), 300);
}

function readPlace(url: URL, doc: Document): PlaceReading {
  const route = routeOf(url);
  if (!route) return { place: 'unknown' };
  const name = title(doc);
  if (route.section === 'threads') {
    // The global Threads view has no channel header: ask which channel the root post is in.
    return {
      place: 'unknown',
      lookup: {
        path: `${route.prefix}/api/v4/posts/${route.name}`,
        read: (json) => {
          const channel = typeof json === 'object' && json !== null ? (json as { channel_id?: unknown }).channel_id : undefined;
          return typeof channel === 'string' && /^[a-z0-9]{26}$/.test(channel)
            ? { place: 'unknown', lookup: channelLookup(route.prefix, channel, 'unknown', 'Only the members of this channel') }
            : { place: 'unknown' };
        },
      },
    };
  }
  const channelId = doc.querySelector(selectors.channelHeader)?.getAttribute('data-channelid') ?? null;
  let seen: Place;
  let audience: string;
  if (route.section === 'messages') {
    seen = 'private';
    const others = name.split(',').filter((s) => s.trim() !== '').length;
    audience = route.name.startsWith('@') ? t('audYouAnd', name || route.name) : t('audYouAndOthers', others);
  } else {
    seen = sidebarPlace(doc);
    const members = textOf(doc.querySelector(selectors.memberCount), 20);
    audience = members ? t('audMattermostMembersCount', name || route.name, members) : t('audMattermostMembers', name || route.name);
  }
  return {
    place: seen,
    ...(seen === 'private' ? { audience } : {}),
    ...(channelId ? { lookup: channelLookup(route.prefix, channelId, seen, audience) } : {}),
  };
}

function mentions(root: ParentNode): MentionReading[] {
  return inContent(root, selectors.mention, selectors.messageText).flatMap((element) => {
    // A person mention is rendered as AtMention (a `.mention-link` inside); @here, @channel,
    // unknown names and groups are not.
    if (!element.querySelector(selectors.mentionLink)) return [];
    const handle = (element.getAttribute('data-mention') ?? '').replace(/[.,;:!?]+$/, '');
    return handle ? [{ element, handle }] : [];
  });
}

function usernameOf(post: Element): string | null {
  const alt = post.querySelector(selectors.avatar)?.getAttribute('alt') ?? '';
  const username = alt.replace(/ profile image$/, '');
  return username && username !== 'user' ? username : null;
}

const CHAT: ChatMarkup = {
  row: (post) => post.closest(selectors.measurer) ?? post,
  // System posts ("joined the channel") never start a run.
  message: (row) => {
    const post = row.matches(selectors.post) ? row : row.querySelector(selectors.post);
    return post && !post.matches(selectors.systemPost) ? post : null;
  },
  // Bots and webhooks (the BOT tag) are not people: their run has no author.
  own: (post) => (post.querySelector(selectors.botTag) ? false : usernameOf(post)),
};

/** Mentions that are not of one person, though Mattermost highlights them for you. */
const GROUP_MENTIONS = new Set(['all', 'channel', 'here']);

/** The signed-in user: the account menu's avatar, else the author of a post of yours, else a mention of you. */
function viewerOf(doc: Document): string | null {
  const username = (doc.querySelector(selectors.viewerAvatar)?.getAttribute('alt') ?? '').replace(/ profile image$/, '');
  if (username && username !== 'user') return username;
  for (const post of doc.querySelectorAll(selectors.ownPost)) {
    const own = usernameOf(post);
    if (own) return own;
  }
  const mention = (doc.querySelector(selectors.viewerMention)?.getAttribute('data-mention') ?? '').replace(/[.,;:!?]+$/, '');
  return mention && !GROUP_MENTIONS.has(mention.toLowerCase()) ? mention : null;
}

function timeOf(post: Element): string | null {
  const epoch = Number(post.querySelector(selectors.permalink)?.getAttribute('aria-labelledby'));
  if (Number.isFinite(epoch) && epoch > 0) return new Date(epoch).toISOString();
  return datetimeOf(post.querySelector(selectors.time));
}

function posts(root: ParentNode): PostReading[] {
  const found: PostReading[] = [];
  const authors = new AuthorRuns(CHAT);
  for (const element of queryAllWithin(root, selectors.post)) {
    if (element.classList.contains('post--system')) continue;
    const id = POST_ID.exec(element.id)?.[1];
    if (!id) continue;
    const author = authors.next(element);
    const permalink = once(() => {
      const href = element.querySelector(selectors.permalink)?.getAttribute('href') ?? null;
      const origin = element.ownerDocument.location?.origin;
      return href?.startsWith('/') && origin ? `${origin}${href}` : href;
    });
    const body = once(() => element.querySelector(selectors.messageText));
    found.push({
      element,
      id,
      author,
      get time() {
        return timeOf(element);
      },
      get permalink() {
        return permalink();
      },
      get body() {
        return body();
      },
    });
  }
  return found;
}

function composers(doc: Document): ComposerReading[] {
  return [...doc.querySelectorAll<HTMLElement>(selectors.composer)].flatMap((editor) => {
    if (!isVisible(editor)) return [];
    const container = editor.closest(selectors.composerForm) ?? editor.parentElement ?? editor;
    return [{ editor, container, submit: container.querySelector<HTMLElement>(selectors.sendButton) }];
  });
}

/** Mattermost's thanks-like reactions, named in the reaction's id (`postReaction-{postId}-{emoji}`). */
const THANKS_EMOJI = /-(?:pray|raised_hands|tada|heart)$/;

/** Reactions under a post, or "add reaction" in the post's hover menu (present while hovered). */
function reaction(post: Element): ReactionReading | null {
  const existing = [...post.querySelectorAll<HTMLElement>(selectors.reaction)].find((r) => THANKS_EMOJI.test(r.id));
  if (existing) return { control: existing, choice: null, applied: isPressed(existing) };
  const opener = post.querySelector<HTMLElement>(selectors.addReaction);
  return opener ? { control: opener, choice: selectors.reactionChoice, applied: false } : null;
}

/** A post is answered in its thread: the right-hand thread view's reply box when it shows the post, else the reply arrow. */
function reply(post: Element, doc: Document): ReplyReading | null {
  const id = POST_ID.exec(post.id)?.[1];
  if (!id) return null;
  const thread = post.closest(selectors.threadView) ?? (doc.getElementById(`rhsPost_${id}`)?.closest(selectors.threadView) ?? null);
  const editor = thread ? [...doc.querySelectorAll<HTMLElement>(selectors.replyComposer)].find((field) => isVisible(field)) : undefined;
  const container = editor?.closest(selectors.composerForm) ?? editor?.parentElement ?? null;
  return {
    composer: editor && container ? { editor, container, submit: container.querySelector<HTMLElement>(selectors.sendButton) } : null,
    open: post.querySelector<HTMLElement>(selectors.replyOpen),
  };
}

function container(url: URL, doc: Document): string {
  const route = routeOf(url);
  if (!route) return '';
  if (route.section === 'threads') return `${route.team}/${textOf(doc.querySelector(selectors.threadChannel), 200)}`;
  return `${route.team}/${route.name}`;
}

function archiveAlternative(action: DeleteAction): ArchiveAlternative | null {
  if (action.target !== 'message') return null;
  const menu = action.element.closest(selectors.menu);
  // The menu item's label sits beside its shortcut key ("Edit" and "E"): compare the label only.
  const edit = [...(menu?.querySelectorAll<HTMLElement>(selectors.menuItem) ?? [])].find(
    (item) => item.matches(selectors.editPost) || textOf(item.querySelector(selectors.menuItemLabel) ?? item, 40) === 'Edit',
  );
  return {
    label: 'Edit',
    hint: t('altEditMessageReplies'),
    control: edit ?? null,
  };
}

export const mattermost: Adapter = {
  id: 'mattermost',
  name: mattermostFacts.name,
  matches: mattermostFacts.matches,
  facts: mattermostFacts,
  selectors: selectorTable,
  postSelector: selectors.post,
  detect: (doc) => hasAny(doc, [selectors.app]) && hasAny(doc, [selectors.post, selectors.composer, selectors.channelHeader]),
  kind: readKind,
  place: readPlace,
  viewer: viewerOf,
  mentions,
  posts,
  composers,
  reaction,
  reply,
  deleteAction: (target) => {
    // Channels have no delete in Mattermost's UI (only archive); posts do.
    const item = target.closest(selectors.deletePost);
    return item ? { target: 'message', element: item } : null;
  },
  archiveAlternative,
  hovercard: null,
  enterSends: true,
  gluedBlocks: true,
  title: (url, doc) => (routeOf(url)?.section === 'threads' ? `Thread in ${textOf(doc.querySelector(selectors.threadChannel), 200)}` : title(doc)),
  container: container,
};
