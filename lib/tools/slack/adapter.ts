import { AuthorRuns, type ChatMarkup } from '../chat-runs';
import type { Adapter, ArchiveAlternative, ComposerReading, DeleteAction, MentionReading, PlaceReading, PostReading, ReactionReading, ReplyReading } from '../adapter';
import { inContent, isPressed, isVisible, nearbyControl, once, queryAllWithin, textOf } from '../dom';
import type { PageKind } from '../page';
import { hasAny, pathSegments } from '../url';
import { within } from '../selector-table';
import { slackFacts } from './facts';
import { selectorTable, selectors } from './selectors';
import { t } from '../../i18n/t';

const MEMBER_ID = /^[UW][A-Z0-9]{2,}$/;

/** `/client/{team}/{conversation}[/thread/{id}]` → conversation id and whether it is a thread view. */
function conversationOf(url: URL): { id: string; thread: boolean } | null {
  const [client, , conversation, view] = pathSegments(url);
  if (client !== 'client' || conversation === undefined || !/^[CDG][A-Z0-9]+$/.test(conversation)) return null;
  return { id: conversation, thread: view === 'thread' };
}

type Visibility = 'public' | 'private' | 'dm' | 'group-dm' | null;

/** What the header says: its button class and type icon (never the id prefix alone). */
function headerVisibility(doc: Document): Visibility {
  const button = doc.querySelector(selectors.headerButton);
  if (!button) return null;
  if (button.classList.contains('p-view_header__big_button--dm')) return 'dm';
  if (button.classList.contains('p-view_header__big_button--mpdm')) return 'group-dm';
  const icon = button.querySelector(selectors.headerTypeIcon)?.getAttribute('data-inline-channel-type-icon') ?? '';
  if (icon.startsWith('lock')) return 'private';
  if (icon === 'channel') return 'public';
  return null;
}

/** What the selected sidebar row says (only rendered in the Home tab, and virtualised). */
function sidebarVisibility(doc: Document, conversation: string): Visibility {
  const row = doc.querySelector(selectors.selectedSidebarRow);
  if (!row || row.getAttribute('data-qa-channel-sidebar-channel-id') !== conversation) return null;
  const type = row.getAttribute('data-qa-channel-sidebar-channel-type');
  return type === 'channel' ? 'public' : type === 'private' ? 'private' : type === 'im' ? 'dm' : type === 'mpim' ? 'group-dm' : null;
}

function visibility(url: URL, doc: Document): Visibility | 'conflict' {
  const conversation = conversationOf(url);
  if (!conversation) return null;
  // A D id is always a direct message; C and G ids say nothing reliable about privacy.
  if (conversation.id.startsWith('D')) return 'dm';
  const header = headerVisibility(doc);
  const sidebar = sidebarVisibility(doc, conversation.id);
  if (header && sidebar && header !== sidebar) return 'conflict';
  return header ?? sidebar;
}

function title(doc: Document): string {
  return textOf(doc.querySelector(selectors.headerTitle), 300) || doc.title.replace(/ - Slack$/, '').split(' (')[0] || '';
}

function readKind(url: URL, doc: Document): PageKind {
  const conversation = conversationOf(url);
  if (!conversation) return 'other';
  if (conversation.thread) return 'thread';
  const seen = visibility(url, doc);
  if (seen === 'dm') return 'dm';
  if (seen === 'group-dm') return 'group-dm';
  if (seen === 'private') return 'private-channel';
  return 'channel';
}

function readPlace(url: URL, doc: Document): PlaceReading {
  const seen = visibility(url, doc);
  const name = title(doc);
  const members = textOf(doc.querySelector(selectors.memberCount), 20);
  const shared = doc.querySelector(selectors.externalConnection) !== null;
  const external = (audience: string) => (shared ? t('audSharedExternally', audience) : audience);
  switch (seen) {
    case 'public':
      return { place: 'public', audience: external(t('audSlackEveryone', name)) };
    case 'private':
      return { place: 'private', audience: external(members ? t('audSlackMembersCount', name, members) : t('audSlackMembers', name)) };
    case 'dm':
      return { place: 'private', audience: name ? t('audYouAnd', name) : t('whoConversation') };
    case 'group-dm': {
      const others = name.split(',').filter((s) => s.trim() !== '').length;
      return { place: 'private', audience: others > 0 ? t('audYouAndOthers', others) : t('whoConversation') };
    }
    default:
      return { place: 'unknown' };
  }
}

function handleOf(el: Element): string | null {
  const direct = el.getAttribute('data-member-id') ?? el.getAttribute('data-stringify-id');
  if (direct && MEMBER_ID.test(direct)) return direct;
  const fromHref = /\/team\/([UW][A-Z0-9]+)/.exec(el.getAttribute('href') ?? '')?.[1];
  return fromHref ?? null;
}

function draftMentions(editor: HTMLElement): string[] {
  return [...editor.querySelectorAll(selectors.composerMention)].flatMap((chip) => {
    const id = chip.getAttribute('data-id') ?? chip.getAttribute('data-member-id') ?? chip.getAttribute('data-user-id');
    return id && MEMBER_ID.test(id) ? [id] : [];
  });
}

function mentions(root: ParentNode): MentionReading[] {
  // Message bodies only: avatars and sender buttons link the same profiles.
  return inContent(root, selectors.mention, selectors.messageText).flatMap((element) => {
    const handle = handleOf(element);
    return handle ? [{ element, handle }] : [];
  });
}

/** The member who sent a run's first message; `false` for a bot or an app (a bot id, or the APP badge): they are not people. */
function senderOf(message: Element): string | null | false {
  const sender = message.querySelector(selectors.sender)?.getAttribute('data-message-sender');
  if (sender === undefined || sender === null) return message.querySelector(selectors.appBadge) ? false : null;
  return MEMBER_ID.test(sender) && !message.querySelector(selectors.appBadge) ? sender : false;
}

/** The signed-in member: the user button, else a mention Slack marks as one of you. */
function viewerOf(doc: Document): string | null {
  for (const [signal, attribute] of [[selectors.viewer, 'data-user-id'], [selectors.viewerMention, 'data-member-id']] as const) {
    const id = doc.querySelector(signal)?.getAttribute(attribute);
    if (id && MEMBER_ID.test(id)) return id;
  }
  return null;
}

const CHAT: ChatMarkup = {
  row: (message) => message.closest(selectors.listItem) ?? message,
  message: (row) => (row.matches(selectors.message) ? row : row.querySelector(selectors.message)),
  own: senderOf,
};

function tsToIso(ts: string | null | undefined): string | null {
  const seconds = Number(ts);
  return ts && Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : null;
}

function posts(root: ParentNode): PostReading[] {
  const found: PostReading[] = [];
  const authors = new AuthorRuns(CHAT);
  for (const element of queryAllWithin(root, selectors.message)) {
    const id =
      element.getAttribute('data-msg-ts') ??
      element.querySelector(selectors.timestamp)?.getAttribute('data-ts') ??
      element.closest(selectors.listItem)?.getAttribute('data-item-key') ??
      null;
    if (!id) continue;
    const author = authors.next(element);
    const permalink = once(() => element.querySelector(selectors.timestamp)?.getAttribute('href') ?? null);
    const body = once(() => element.querySelector(selectors.messageText));
    found.push({
      element,
      id,
      author,
      get time() {
        return tsToIso(id) ?? tsToIso(element.querySelector(selectors.timestamp)?.getAttribute('data-ts'));
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
  return [...doc.querySelectorAll<HTMLElement>(selectors.composerEditor)].flatMap((editor) => {
    // `.ql-clipboard` is Quill's off-screen paste trap, not a composer.
    if (editor.classList.contains('ql-clipboard') || !isVisible(editor)) return [];
    const container = editor.closest(selectors.composerContainer) ?? editor.parentElement ?? editor;
    return [{ editor, container, submit: container.querySelector<HTMLElement>(selectors.sendButton) }];
  });
}

/** Slack's thanks-like reactions, named in the pill's label ("2 reactions, react with pray emoji"). */
const THANKS_REACTJI = /\b(?:pray|raised_hands|tada|heart)\b/;

/** Reaction pills under a message, or "Add reaction" (the hover toolbar exists only while the pointer is over the message). */
function reaction(message: Element): ReactionReading | null {
  const pills = [...message.querySelectorAll<HTMLElement>(selectors.reactionPill)];
  const existing = pills.find((pill) => THANKS_REACTJI.test(pill.getAttribute('aria-label') ?? pill.getAttribute('data-qa-reaction-name') ?? ''));
  if (existing) return { control: existing, choice: null, applied: isPressed(existing) };
  const opener = message.querySelector<HTMLElement>(selectors.addReaction);
  return opener ? { control: opener, choice: selectors.reactionChoice, applied: false } : null;
}

/** A message is answered in its thread: the open thread pane when it shows this message, else "Reply in thread". */
function reply(message: Element, doc: Document): ReplyReading | null {
  const ts = message.getAttribute('data-msg-ts');
  const pane = doc.querySelector(selectors.threadPane);
  const inPane = pane !== null && (pane.contains(message) || (ts !== null && [...pane.querySelectorAll(selectors.messageTs)].some((el) => el.getAttribute('data-msg-ts') === ts)));
  const composer = inPane ? (composers(doc).find((c) => pane.contains(c.editor)) ?? null) : null;
  return { composer, open: message.querySelector<HTMLElement>(selectors.replyInThread) };
}

function deleteAction(target: Element): DeleteAction | null {
  const message = target.closest(selectors.deleteMessage);
  if (message) return { target: 'message', element: message };
  const control = target.closest(selectors.control);
  if (control?.closest(selectors.channelDetails) && /^delete (this )?channel/i.test(textOf(control, 100))) {
    return { target: 'channel', element: control };
  }
  return null;
}

function archiveAlternative(action: DeleteAction, doc: Document): ArchiveAlternative | null {
  if (action.target === 'message') {
    return {
      label: 'Edit message',
      hint: t('altSlackEditMessage'),
      control: nearbyControl(action.element, selectors.menu, selectors.editMessage),
    };
  }
  if (action.target === 'channel') {
    return {
      label: 'Archive channel for everyone',
      hint: t('altSlackArchiveChannel'),
      control:
        [...doc.querySelectorAll<HTMLElement>(within(selectors.channelDetails, selectors.button))].find((b) => /^archive (this )?channel/i.test(textOf(b, 100))) ?? null,
    };
  }
  return null;
}

export const slack: Adapter = {
  id: 'slack',
  name: slackFacts.name,
  matches: slackFacts.matches,
  facts: slackFacts,
  selectors: selectorTable,
  postSelector: selectors.message,
  detect: (doc) => hasAny(doc, [selectors.client]),
  kind: readKind,
  place: readPlace,
  viewer: viewerOf,
  mentions,
  draftMentions,
  posts,
  composers,
  reaction,
  reply,
  deleteAction,
  archiveAlternative,
  hovercard: null,
  enterSends: true,
  gluedBlocks: true,
  title: (_url, doc) => title(doc),
  container: (_url, doc) => title(doc),
};
