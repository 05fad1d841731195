import { NearViewport } from '../../content/near-viewport';
import type { PostReading } from '../../tools/adapter';
import { ownedBy } from '../../tools/dom';
import { isDarkAround } from '../../ui/shadow-host';
import { lightThankHost, type ThankButton } from '../../ui/thank-button';
import type { ContentBatch, PageContext } from '../feature';

const THANK = '[data-daylight="thank"]';
/** Thank buttons are built half a screen ahead of the viewport, so scrolling does not show them appear. */
const BUILD_AHEAD = { verticalPercent: 50 };

/** A post's Thank host: light (an element only) until its button is built. */
export interface Placed {
  host: HTMLElement;
  button?: ThankButton;
  /** The name the host or button is labelled with. */
  name: string;
  key: string;
  post: PostReading;
}

/** Builds the real button into a light host (`dark` when the theme around it is known). */
export type BuildButton = (item: Placed, dark?: boolean) => ThankButton;

/**
 * Where Thank buttons go: exactly one host per post by someone else (never in a post nested in it),
 * after the post's text, kept single across host re-renders and recycled rows. Each host is a light
 * element until it is needed: its button is built when it comes near the viewport, when the post is
 * hovered, or when the host gets keyboard focus (which moves to the button).
 */
export class ThankHosts {
  private readonly placed = new Map<Element, Placed>();
  private readonly byHost = new WeakMap<Element, Placed>();
  private readonly near: NearViewport;
  /** Whether the subtrees of the batch being handled hold any Thank host (a page's first pass has none). */
  private hostsAround = true;
  /** The item under the pointer, shown in full (it is faint otherwise). */
  private pointed: Placed | undefined;

  constructor(
    private readonly page: PageContext,
    private readonly buildButton: BuildButton,
    signal: AbortSignal,
  ) {
    this.near = new NearViewport(
      page.win,
      (hosts) => {
        // The theme is read once per callback, before any button is built: reading styles
        // between buildings would make the browser recompute them for every post.
        let dark: boolean | undefined;
        for (const host of hosts) {
          const item = this.byHost.get(host);
          if (item) this.build(item, (dark ??= isDarkAround(item.post.element)));
        }
      },
      BUILD_AHEAD,
      signal,
    );
    signal.addEventListener(
      'abort',
      () => {
        for (const item of this.placed.values()) removeHost(item);
        this.placed.clear();
      },
      { once: true },
    );
    page.doc.addEventListener('pointerover', this.onPointerOver, { signal, passive: true });
    page.doc.addEventListener('focusin', this.onFocusIn, { signal });
  }

  /** Every placed host, built or not. */
  items(): Iterable<Placed> {
    return this.placed.values();
  }

  /** Start handling `batch`: hosts whose post left the page are forgotten. */
  begin(batch: ContentBatch): void {
    for (const item of this.placed.values()) if (!item.post.element.isConnected) this.forget(item);
    // One look over the batch instead of one per post, when there is nothing to find.
    this.hostsAround = batch.roots.some((root) => root.querySelector(THANK) !== null || ('matches' in root && (root as Element).matches(THANK)));
  }

  /** One Thank host in `post` (never in a post nested in it), for the ledger key `key`. */
  ensure(post: PostReading, key: string): void {
    const current = this.placed.get(post.element);
    this.dropStrays(post.element, current?.host);
    if (current && current.key === key && post.element.contains(current.host)) {
      current.post = post;
      return;
    }
    if (current) this.forget(current);
    // Only an element per post here: the button and its handlers are built when it is needed.
    const name = this.nameOf(post.author!);
    const item: Placed = { host: lightThankHost(name), name, post, key };
    // After the rendered text (inside it, unless it is an editor: Asana's description is one).
    const body = post.body && post.element.contains(post.body) ? post.body : null;
    if (body?.closest('[contenteditable="true"]')) body.after(item.host);
    else (body ?? post.element).append(item.host);
    this.placed.set(post.element, item);
    this.byHost.set(item.host, item);
    this.near.watch(item.host);
  }

  /** No Thank host in `element` (a post by the viewer, or by nobody). */
  remove(element: Element): void {
    const item = this.placed.get(element);
    if (item) this.forget(item);
    this.dropStrays(element, undefined);
  }

  /** Label every host or button with its author's name, once the directory has answered. */
  rename(): void {
    for (const item of this.placed.values()) {
      const name = this.nameOf(item.post.author!);
      if (item.name === name) continue;
      item.name = name;
      if (item.button) item.button.setName(name);
      else item.host.setAttribute('aria-label', `Thank ${name}`);
    }
  }

  private nameOf(handle: string): string {
    return this.page.people.get(handle)?.name ?? handle;
  }

  /** The post's real button, built now if it was not. */
  private build(item: Placed, dark?: boolean): ThankButton {
    item.button ??= this.buildButton(item, dark);
    return item.button;
  }

  /** Drop Thank hosts in `post` (never in a post nested in it) other than `keep`. */
  private dropStrays(post: Element, keep: Element | undefined): void {
    if (!this.hostsAround) return;
    // Usually there is none, or only `keep`: the ownership walk runs only when there are more.
    const hosts = post.querySelectorAll(THANK);
    if (hosts.length === 0 || (hosts.length === 1 && hosts[0] === keep)) return;
    for (const host of ownedBy(post, THANK, this.page.adapter.postSelector)) if (host !== keep) host.remove();
  }

  private forget(item: Placed): void {
    this.near.unwatch(item.host);
    removeHost(item);
    this.placed.delete(item.post.element);
  }

  private readonly onPointerOver = (event: Event) => {
    const element = event.target instanceof Element ? event.target.closest(this.page.adapter.postSelector) : null;
    const item = element ? this.placed.get(element) : undefined;
    if (item === this.pointed) return;
    this.pointed?.host.removeAttribute('data-near');
    if (item) this.build(item).host.setAttribute('data-near', '');
    this.pointed = item;
  };

  /** A light host reached by keyboard becomes the real button, and hands it the focus. */
  private readonly onFocusIn = (event: Event) => {
    const item = event.target instanceof Element ? this.byHost.get(event.target) : undefined;
    if (item && !item.button) this.build(item).focus();
  };
}

function removeHost(item: Placed): void {
  if (item.button) item.button.remove();
  else item.host.remove();
}
