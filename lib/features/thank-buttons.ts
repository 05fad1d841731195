import { appendToDraft } from '../content/append-draft';
import { post as send } from '../content/messages';
import { thankYouText } from '../kudos/thank-you';
import type { ComposerReading, PostReading } from '../tools/adapter';
import { ownedBy, textOf } from '../tools/dom';
import type { ToolId } from '../tools/tool-ids';
import { isDarkAround } from '../ui/shadow-host';
import { ThankButton, type ThankChoice } from '../ui/thank-button';
import type { Feature } from './feature';

const THANK = '[data-daylight="thank"]';
/** How long to wait for a reply box or a reaction picker the tool opens on a click. */
const OPEN_WAIT_MS = 1500;
/** Excerpts sent with a thanks, and with a post that may thank the user. */
const EXCERPT = 600;
const RECEIVED_TEXT = 2000;
/** Tools whose handles match case-insensitively (contract.md section 1). */
const CASE_INSENSITIVE: ReadonlySet<ToolId> = new Set(['github', 'gitlab', 'mattermost', 'phabricator']);

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

interface Placed {
  button: ThankButton;
  key: string;
  post: PostReading;
}

/**
 * thank-buttons: a Thank control in every post written by someone else. Thank publicly writes an
 * editable thank-you into the tool's composer (the post's thread where the tool has one), appended
 * to any draft and never sent; React applies the tool's own reaction through its own UI; Just
 * record it only writes the ledger. Every choice is recorded in the kudos ledger. Posts by others
 * that mention the user and thank them are recorded as thanks received.
 */
export const thankButtons: Feature = {
  id: 'thank-buttons',
  description: 'Adds a Thank button to posts by others: thank publicly in the composer, react, or just record it in your kudos ledger.',
  init(page, signal) {
    const { adapter } = page;
    const viewer = adapter.viewer(page.doc);
    const same = (a: string, b: string) => (CASE_INSENSITIVE.has(adapter.id) ? a.toLowerCase() === b.toLowerCase() : a === b);
    const base = `${page.url.origin}${page.url.pathname}${page.url.search}`;
    const keyOf = (post: PostReading) => post.permalink ?? `${base}#${post.id}`;
    const placed = new Map<Element, Placed>();
    const thanked = new Map<string, { id: string; at: number }>();
    const reported = new Set<string>();
    signal.addEventListener(
      'abort',
      () => {
        for (const { button } of placed.values()) button.remove();
        placed.clear();
      },
      { once: true },
    );

    const nameOf = (handle: string) => page.people.get(handle)?.name ?? handle;

    const composerFor = async (post: PostReading): Promise<ComposerReading | null> => {
      const reply = adapter.reply(post.element, page.doc);
      if (reply?.composer) return reply.composer;
      if (reply?.open) {
        reply.open.click();
        const opened = await waitFor(() => adapter.reply(post.element, page.doc)?.composer ?? null, OPEN_WAIT_MS, signal);
        if (opened) return opened;
      }
      return adapter.composers(page.doc)[0] ?? null;
    };

    /** Apply the tool's thanks reaction through its own controls; a message when it could not. */
    const react = async (post: PostReading): Promise<string | null> => {
      hover(post.element);
      const reaction = adapter.reaction(post.element);
      if (!reaction) return `${adapter.name} shows no reactions here: recorded in your ledger.`;
      if (reaction.applied) return null;
      reaction.control.click();
      if (reaction.choice === null) return null;
      const selector = reaction.choice;
      const choice = await waitFor(() => page.doc.querySelector<HTMLElement>(selector), OPEN_WAIT_MS, signal);
      if (!choice) return `Pick a reaction in ${adapter.name}’s picker: recorded in your ledger.`;
      (choice.closest<HTMLElement>('button, [role="menuitem"], [role="menuitemcheckbox"], [role="option"]') ?? choice).click();
      return null;
    };

    const choose = async (item: Placed, choice: ThankChoice, note: string) => {
      const { post, button, key } = item;
      const author = post.author!;
      const permalink = post.permalink ?? base;
      let via: ThankChoice = choice;
      if (choice === 'public') {
        const composer = await composerFor(post);
        const person = page.people.get(author);
        const written = composer !== null && appendToDraft(composer.editor, thankYouText({ tool: adapter.id, handle: author, name: person?.name ?? null, permalink, note }));
        if (!written) {
          via = 'record';
          button.tell('No comment box to write in here: recorded in your ledger only.');
        }
      } else if (choice === 'reaction') {
        const problem = await react(post);
        if (problem) button.tell(problem);
      }
      if (signal.aborted) return;
      try {
        const answer = await send('thanks-give', {
          tool: adapter.id,
          origin: location.origin,
          place: page.place,
          viewer,
          post: { postKey: key, permalink, handle: author, excerpt: textOf(post.body, EXCERPT) },
          note,
          via,
        });
        thanked.set(key, { id: answer.id, at: answer.at });
        button.setThanked({ id: answer.id, at: answer.at });
      } catch (error) {
        button.tell(`Not recorded: ${error instanceof Error ? error.message : String(error)}`);
      }
    };

    const undo = async (key: string, id: string) => {
      await send('thanks-archive', { id, archived: true }).catch(() => undefined);
      thanked.delete(key);
      for (const item of placed.values()) if (item.key === key) item.button.setThanked(null);
    };

    /** One Thank host in `post` (never in a post nested in it); true when it was placed now. */
    const ensure = (post: PostReading, key: string, dark: () => boolean): boolean => {
      const current = placed.get(post.element);
      for (const host of ownedBy(post.element, THANK, adapter.postSelector)) if (host !== current?.button.host) host.remove();
      if (current && current.key === key && post.element.contains(current.button.host)) {
        current.post = post;
        return false;
      }
      current?.button.remove();
      const author = post.author!;
      const item: Placed = {
        post,
        key,
        button: new ThankButton({
          name: nameOf(author),
          canReact: () => {
            hover(item.post.element);
            return adapter.reaction(item.post.element) !== null;
          },
          onChoose: (choice, note) => void choose(item, choice, note),
          onUndo: (id) => void undo(item.key, id),
        }),
      };
      // After the rendered text (inside it, unless it is an editor: Asana's description is one).
      const body = post.body && post.element.contains(post.body) ? post.body : null;
      if (body?.closest('[contenteditable="true"]')) body.after(item.button.host);
      else (body ?? post.element).append(item.button.host);
      item.button.applyTheme(dark());
      const done = thanked.get(key);
      if (done) item.button.setThanked(done);
      placed.set(post.element, item);
      return true;
    };

    const remove = (element: Element) => {
      placed.get(element)?.button.remove();
      placed.delete(element);
      for (const host of ownedBy(element, THANK, adapter.postSelector)) host.remove();
    };

    page.onContent((roots) => {
      for (const [element, item] of placed) {
        if (element.isConnected) continue;
        item.button.remove();
        placed.delete(element);
      }
      const asked: string[] = [];
      const mentioning: Array<{ postKey: string; permalink: string; handle: string; excerpt: string }> = [];
      const authors = new Set<string>();
      // The theme is read once per batch, before any button is added: reading styles between
      // insertions would make the browser recompute them for every post.
      let dark: boolean | undefined;
      const themeOf = (post: PostReading) => () => (dark ??= isDarkAround(post.element));
      for (const post of roots.flatMap((root) => adapter.posts(root))) {
        if (post.author === null || (viewer !== null && same(post.author, viewer))) {
          remove(post.element);
          continue;
        }
        const key = keyOf(post);
        authors.add(post.author);
        if (ensure(post, key, themeOf(post)) && !thanked.has(key)) asked.push(key);
        if (viewer !== null && !reported.has(key) && post.body && adapter.mentions(post.body).some((m) => same(m.handle, viewer))) {
          reported.add(key);
          mentioning.push({ postKey: key, permalink: post.permalink ?? base, handle: post.author, excerpt: textOf(post.body, RECEIVED_TEXT) });
        }
      }
      if (asked.length > 0) {
        void send('thanks-state', { postKeys: asked }).then(
          (state) => {
            for (const [key, entry] of Object.entries(state.thanked)) thanked.set(key, entry);
            for (const item of placed.values()) {
              const done = thanked.get(item.key);
              if (done) item.button.setThanked(done);
            }
          },
          () => undefined, // the background is restarting: the buttons show as not thanked yet
        );
      }
      if (mentioning.length > 0) {
        void send('thanks-seen', { tool: adapter.id, origin: location.origin, place: page.place, posts: mentioning }).catch(() => {
          for (const post of mentioning) reported.delete(post.postKey);
        });
      }
      // Names arrive from the directory after the buttons: label them "Thank <name>" then.
      void page.people.resolve(authors).then(() => {
        if (signal.aborted) return;
        for (const item of placed.values()) item.button.setName(nameOf(item.post.author!));
      });
    }, signal);

    // A post under the pointer shows its Thank button in full (it is faint otherwise).
    let near: Placed | undefined;
    document.addEventListener(
      'pointerover',
      (event) => {
        const element = event.target instanceof Element ? event.target.closest(adapter.postSelector) : null;
        const item = element ? placed.get(element) : undefined;
        if (item === near) return;
        near?.button.host.removeAttribute('data-near');
        item?.button.host.setAttribute('data-near', '');
        near = item;
      },
      { signal, passive: true },
    );
  },
};
