import { appendToDraft } from '../content/append-draft';
import { IdleQueue } from '../dom/idle-queue';
import { post as send } from '../content/messages';
import { isThanks } from '../kudos/classify';
import { thankYouText } from '../kudos/thank-you';
import type { ComposerReading, PostReading } from '../tools/adapter';
import { ownedBy, textOf } from '../tools/dom';
import type { ToolId } from '../tools/tool-ids';
import { isDarkAround } from '../ui/shadow-host';
import { lightThankHost, ThankButton, type ThankChoice } from '../ui/thank-button';
import type { ContentBatch, Feature } from './feature';
import { FEATURE_DESCRIPTIONS } from './catalog';

const THANK = '[data-daylight="thank"]';
/** How long to wait for a reply box or a reaction picker the tool opens on a click. */
const OPEN_WAIT_MS = 1500;
/** Excerpts sent with a thanks, and with a post that may thank the user. */
const EXCERPT = 600;
const RECEIVED_TEXT = 2000;
/** Tools whose handles match case-insensitively (docs/contract.md section 1). */
const CASE_INSENSITIVE: ReadonlySet<ToolId> = new Set(['github', 'gitlab', 'mattermost', 'phabricator']);
/** Thank buttons are built half a screen ahead of the viewport, so scrolling does not show them appear. */
const BUILD_AHEAD = '50% 0px';

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

/** A post's Thank host: light (an element only) until its button is built. */
interface Placed {
  host: HTMLElement;
  button?: ThankButton;
  /** The name the host or button is labelled with. */
  name: string;
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
  description: FEATURE_DESCRIPTIONS['thank-buttons'],
  init(page, signal) {
    const { adapter } = page;
    const viewer = adapter.viewer(page.doc);
    const fold = CASE_INSENSITIVE.has(adapter.id) ? (handle: string) => handle.toLowerCase() : (handle: string) => handle;
    const viewerKey = viewer === null ? null : fold(viewer);
    /**
     * Whether a handle is the viewer's: asked of every mention on the page, so the viewer's is folded
     * once, and lengths are compared first (handles are ASCII where case folds: lengths never change).
     */
    const isViewer = (handle: string) => viewerKey !== null && handle.length === viewerKey.length && fold(handle) === viewerKey;
    const base = `${page.url.origin}${page.url.pathname}${page.url.search}`;
    const keyOf = (post: PostReading) => post.permalink ?? `${base}#${post.id}`;
    const placed = new Map<Element, Placed>();
    const byHost = new WeakMap<Element, Placed>();
    const thanked = new Map<string, { id: string; at: number }>();
    const reported = new Set<string>();
    /** Posts whose buttons were just built: their thanked state is asked of the ledger in idle time. */
    const asking: string[] = [];
    // Ledger lookups and received-thanks reading wait for idle time, a post at a time.
    const idle = new IdleQueue(signal);
    // Each post gets a light host at once; its button is built when it comes near the viewport.
    const near = new IntersectionObserver(
      (entries) => {
        // The theme is read once per callback, before any button is built: reading styles
        // between buildings would make the browser recompute them for every post.
        let dark: boolean | undefined;
        for (const entry of entries) {
          const item = entry.isIntersecting ? byHost.get(entry.target) : undefined;
          if (!item) continue;
          near.unobserve(entry.target);
          build(item, (dark ??= isDarkAround(item.post.element)));
        }
      },
      { rootMargin: BUILD_AHEAD },
    );
    signal.addEventListener(
      'abort',
      () => {
        near.disconnect();
        for (const item of placed.values()) removeHost(item);
        placed.clear();
      },
      { once: true },
    );

    const nameOf = (handle: string) => page.people.get(handle)?.name ?? handle;
    /** Label the host or button with the author's name, once the directory has answered. */
    const rename = (item: Placed, name: string) => {
      if (item.name === name) return;
      item.name = name;
      if (item.button) item.button.setName(name);
      else item.host.setAttribute('aria-label', `Thank ${name}`);
    };

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

    const choose = async (item: Placed, button: ThankButton, choice: ThankChoice, note: string) => {
      const { post, key } = item;
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
      for (const item of placed.values()) if (item.key === key) item.button?.setThanked(null);
    };

    /** Whether the subtrees of the batch being handled hold any Thank host (a page's first pass has none). */
    let hostsAround = true;
    /** Drop Thank hosts in `post` (never in a post nested in it) other than `keep`. */
    const dropStrays = (post: Element, keep: Element | undefined) => {
      if (!hostsAround) return;
      // Usually there is none, or only `keep`: the ownership walk runs only when there are more.
      const hosts = post.querySelectorAll(THANK);
      if (hosts.length === 0 || (hosts.length === 1 && hosts[0] === keep)) return;
      for (const host of ownedBy(post, THANK, adapter.postSelector)) if (host !== keep) host.remove();
    };

    /** One Thank host in `post` (never in a post nested in it). */
    const ensure = (post: PostReading, key: string) => {
      const current = placed.get(post.element);
      dropStrays(post.element, current?.host);
      if (current && current.key === key && post.element.contains(current.host)) {
        current.post = post;
        return;
      }
      if (current) forget(current);
      // Only an element per post here: the button and its handlers are built when it is needed.
      const name = nameOf(post.author!);
      const item: Placed = { host: lightThankHost(name), name, post, key };
      // After the rendered text (inside it, unless it is an editor: Asana's description is one).
      const body = post.body && post.element.contains(post.body) ? post.body : null;
      if (body?.closest('[contenteditable="true"]')) body.after(item.host);
      else (body ?? post.element).append(item.host);
      placed.set(post.element, item);
      byHost.set(item.host, item);
      near.observe(item.host);
    };

    /** The post's real button, built now if it was not (`dark` when the theme around it is known). */
    const build = (item: Placed, dark?: boolean): ThankButton => {
      if (item.button) return item.button;
      const button: ThankButton = new ThankButton(
        item.host,
        {
          name: item.name,
          canReact: () => {
            hover(item.post.element);
            return adapter.reaction(item.post.element) !== null;
          },
          onChoose: (choice, note) => void choose(item, button, choice, note),
          onUndo: (id) => void undo(item.key, id),
        },
        dark,
      );
      item.button = button;
      // Only a built button shows whether the post was thanked: the ledger is asked about the
      // few posts in view, in idle time, not about every post on the page.
      const done = thanked.get(item.key);
      if (done) button.setThanked(done);
      else {
        if (asking.length === 0) idle.add(() => lookUp(asking.splice(0)));
        asking.push(item.key);
      }
      return button;
    };

    const removeHost = (item: Placed) => (item.button ? item.button.remove() : item.host.remove());

    const forget = (item: Placed) => {
      near.unobserve(item.host);
      removeHost(item);
      placed.delete(item.post.element);
    };

    const remove = (element: Element) => {
      const item = placed.get(element);
      if (item) forget(item);
      dropStrays(element, undefined);
    };

    /**
     * Posts by others that mention the viewer and thank them, read in idle time. Classified here so
     * that only thanks travel to the background (which checks them again), not every mention.
     */
    const mentioning: Array<{ postKey: string; permalink: string; handle: string; excerpt: string }> = [];
    const received = (post: PostReading, key: string) => {
      if (!post.element.isConnected) {
        reported.delete(key);
        return;
      }
      const excerpt = textOf(post.body, RECEIVED_TEXT);
      if (isThanks(excerpt)) mentioning.push({ postKey: key, permalink: post.permalink ?? base, handle: post.author!, excerpt });
    };
    const reportMentioning = () => {
      if (mentioning.length === 0) return;
      const posts = mentioning.splice(0);
      void send('thanks-seen', { tool: adapter.id, origin: location.origin, place: page.place, posts }).catch(() => {
        for (const post of posts) reported.delete(post.postKey);
      });
    };
    /** The posts of `batch` whose own body mentions the viewer, from the mentions the annotation read. */
    const mentioningViewer = (batch: ContentBatch): Set<Element> => {
      const found = new Set<Element>();
      let posts: Set<Element> | undefined;
      for (const { element, handle } of batch.mentions) {
        if (!isViewer(handle)) continue;
        posts ??= new Set(batch.posts.map((p) => p.element));
        // The nearest enclosing element the adapter reads as a post.
        let post = element.closest(adapter.postSelector);
        while (post && !posts.has(post)) post = post.parentElement?.closest(adapter.postSelector) ?? null;
        if (post) found.add(post);
      }
      return found;
    };

    /** Which of these posts the user thanked already, from the ledger. */
    const lookUp = (keys: string[]) => {
      void send('thanks-state', { postKeys: keys }).then(
        (state) => {
          for (const [key, entry] of Object.entries(state.thanked)) thanked.set(key, entry);
          for (const item of placed.values()) {
            const done = thanked.get(item.key);
            if (done) item.button?.setThanked(done);
          }
        },
        () => undefined, // the background is restarting: the buttons show as not thanked yet
      );
    };

    page.onContent((batch) => {
      for (const item of placed.values()) if (!item.post.element.isConnected) forget(item);
      const authors = new Set<string>();
      const aboutViewer = mentioningViewer(batch);
      // One look over the batch instead of one per post, when there is nothing to find.
      hostsAround = batch.roots.some((root) => root.querySelector(THANK) !== null || ('matches' in root && (root as Element).matches(THANK)));
      for (const post of batch.posts) {
        if (post.author === null || isViewer(post.author)) {
          remove(post.element);
          continue;
        }
        const key = keyOf(post);
        authors.add(post.author);
        ensure(post, key);
        if (aboutViewer.has(post.element) && !reported.has(key) && post.body) {
          reported.add(key);
          idle.add(() => received(post, key));
        }
      }
      if (aboutViewer.size > 0) idle.add(reportMentioning);
      // Names arrive from the directory after the buttons: label them "Thank <name>" then.
      void page.people.resolve(authors).then(() => {
        if (signal.aborted) return;
        for (const item of placed.values()) rename(item, nameOf(item.post.author!));
      });
    }, signal);

    // A post under the pointer shows its Thank button in full (it is faint otherwise).
    let pointed: Placed | undefined;
    document.addEventListener(
      'pointerover',
      (event) => {
        const element = event.target instanceof Element ? event.target.closest(adapter.postSelector) : null;
        const item = element ? placed.get(element) : undefined;
        if (item === pointed) return;
        pointed?.host.removeAttribute('data-near');
        if (item) build(item).host.setAttribute('data-near', '');
        pointed = item;
      },
      { signal, passive: true },
    );
    // A light host reached by keyboard becomes the real button, and hands it the focus.
    document.addEventListener(
      'focusin',
      (event) => {
        const item = event.target instanceof Element ? byHost.get(event.target) : undefined;
        if (item && !item.button) build(item).focus();
      },
      { signal },
    );
  },
};
