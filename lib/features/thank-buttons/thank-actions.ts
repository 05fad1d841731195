import { t } from '../../i18n/t';
import { appendToDraft } from '../../content/append-draft';
import { post as send } from '../../content/messages';
import { thankYouText } from '../../kudos/thank-you';
import type { ComposerReading, PostReading } from '../../tools/adapter';
import { textOf } from '../../tools/dom';
import type { ThankButton, ThankChoice } from '../../ui/thank-button';
import type { PageContext } from '../feature';
import type { PostAddresses, ThankedPosts } from './thanked-posts';

/** How long to wait for a reply box or a reaction picker the tool opens on a click. */
const OPEN_WAIT_MS = 1500;
/** The excerpt sent with a thanks. */
const EXCERPT = 600;

/** Call `read` until it finds something, for at most `ms` (null then), or until `signal` aborts. */
function waitFor<T>(read: () => T | null, ms: number, signal: AbortSignal): Promise<T | null> {
  const deadline = Date.now() + ms;
  return new Promise((resolve) => {
    const poll = () => {
      const found = signal.aborted ? null : read();
      if (found !== null || signal.aborted || Date.now() >= deadline) resolve(found);
      else setTimeout(poll, 50);
    };
    poll();
  });
}

/** Hover toolbars (Slack, Mattermost) only exist while the pointer is over the message. */
function hover(element: Element): void {
  for (const type of ['pointerover', 'mouseover']) element.dispatchEvent(new MouseEvent(type, { bubbles: true }));
}

/** The post a Thank button belongs to, as it reads now (a re-render replaces the reading). */
export interface ThankTarget {
  post: PostReading;
  key: string;
}

/**
 * What choosing in a Thank panel does: Thank publicly writes an editable thank-you into the tool's
 * composer (the post's thread where the tool has one), appended to any draft and never sent; React
 * applies the tool's own reaction through its own UI; Just record it only writes the ledger. Every
 * choice is recorded in the kudos ledger.
 */
export class ThankActions {
  constructor(
    private readonly page: PageContext,
    private readonly viewer: string | null,
    private readonly addresses: PostAddresses,
    private readonly thanked: ThankedPosts,
    private readonly signal: AbortSignal,
  ) {}

  /** Whether the tool's own reaction UI is on the post. */
  canReact(post: PostReading): boolean {
    hover(post.element);
    return this.page.adapter.reaction(post.element) !== null;
  }

  async choose(target: ThankTarget, button: ThankButton, choice: ThankChoice, note: string): Promise<void> {
    const { adapter } = this.page;
    const { post, key } = target;
    const author = post.author!;
    const permalink = this.addresses.permalinkOf(post);
    let via: ThankChoice = choice;
    if (choice === 'public') {
      const composer = await this.composerFor(post);
      const person = this.page.people.get(author);
      const written = composer !== null && appendToDraft(composer.editor, thankYouText({ tool: adapter.id, handle: author, name: person?.name ?? null, permalink, note }));
      if (!written) {
        via = 'record';
        button.tell(t('thankNoComposer'));
      }
    } else if (choice === 'reaction') {
      const problem = await this.react(post);
      if (problem) button.tell(problem);
    }
    if (this.signal.aborted) return;
    try {
      const answer = await send('thanks-give', {
        tool: adapter.id,
        origin: this.page.url.origin,
        place: this.page.place,
        viewer: this.viewer,
        post: { postKey: key, permalink, handle: author, excerpt: textOf(post.body, EXCERPT) },
        note,
        via,
      });
      this.thanked.record(key, { id: answer.id, at: answer.at }, button);
    } catch (error) {
      button.tell(t('thankNotRecorded', error instanceof Error ? error.message : String(error)));
    }
  }

  /** The post's reply box (opened through the tool's own control), else the page's first composer. */
  private async composerFor(post: PostReading): Promise<ComposerReading | null> {
    const { adapter, doc } = this.page;
    const reply = adapter.reply(post.element, doc);
    if (reply?.composer) return reply.composer;
    if (reply?.open) {
      reply.open.click();
      const opened = await waitFor(() => adapter.reply(post.element, doc)?.composer ?? null, OPEN_WAIT_MS, this.signal);
      if (opened) return opened;
    }
    return adapter.composers(doc)[0] ?? null;
  }

  /** Apply the tool's thanks reaction through its own controls; a message when it could not. */
  private async react(post: PostReading): Promise<string | null> {
    const { adapter, doc } = this.page;
    hover(post.element);
    const reaction = adapter.reaction(post.element);
    if (!reaction) return t('thankNoReactions', adapter.name);
    if (reaction.applied) return null;
    reaction.control.click();
    if (reaction.choice === null) return null;
    const selector = reaction.choice;
    const choice = await waitFor(() => doc.querySelector<HTMLElement>(selector), OPEN_WAIT_MS, this.signal);
    if (!choice) return t('thankPickReaction', adapter.name);
    (choice.closest<HTMLElement>('button, [role="menuitem"], [role="menuitemcheckbox"], [role="option"]') ?? choice).click();
    return null;
  }
}
