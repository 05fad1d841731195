import { post } from '../content/messages';
import { placeRef } from '../openness/place-key';
import { isSendKey, shouldHold } from '../openness/send-intent';
import { warningWords } from '../openness/warning-words';
import { ComposerLookup } from '../content/composer-lookup';
import { definePageGetter } from '../content/page-realm';
import type { ComposerReading } from '../tools/adapter';
import { PrivateWarningBanner } from '../ui/private-warning';
import type { Feature } from './feature';
import { FEATURE_DESCRIPTIONS } from './catalog';

/** The text a composer would send (a textarea's value or a contenteditable's text), trimmed. */
function draftOf(editor: HTMLElement): string {
  return (editor instanceof HTMLTextAreaElement ? editor.value : (editor.textContent ?? '')).trim();
}

/** What every tool's composer is, or is inside of. */
const EDITABLE = 'textarea, [contenteditable]';

/** A send Daylight held, to be replayed exactly once the user decides. */
interface HeldSend {
  composer: ComposerReading;
  replay: () => void;
}

/**
 * private-warning: while the place is private, each visible composer gets a banner saying who can
 * see a post there, suggesting an open place, with reasons to keep it private (the banner folds
 * for the place once one is given) and "Don't warn here again". In confirm mode the first send
 * (button, Enter or Ctrl/Cmd+Enter) is held until the user gives a reason or posts anyway, then
 * goes ahead unchanged; the draft is never touched. Sends are also noted for the local
 * "week in the open".
 */
export const privateWarning: Feature = {
  id: 'private-warning',
  description: FEATURE_DESCRIPTIONS['private-warning'],
  async init(page, signal) {
    const { settings, adapter } = page;
    const mode = settings.privateWarning;
    if (mode === 'off') return;
    const warned = page.place === 'private' || (page.place === 'unknown' && settings.privateWarningUnknown);
    const tool = adapter.id;
    const place = placeRef(tool, page.url, adapter.container(page.url, page.doc), adapter.title(page.url, page.doc));
    let choice = { reason: null as string | null, exception: false };
    if (warned) choice = await post('openness-place', { key: place.key }).catch(() => choice);
    if (signal.aborted) return;

    const note = (event: 'private-post' | 'public-post' | 'warned' | 'warning-cancelled', detail?: string) =>
      void post('openness-event', { tool, place: page.place, event, ...(detail ? { detail } : {}) }).catch(() => undefined);
    const choose = (patch: { reason?: string; exception?: boolean }) =>
      void post('openness-choose', { tool, key: place.key, label: place.label, url: place.url, ...patch }).catch(() => undefined);

    const words = warningWords(page.place, page.audience, page.kind);
    const banners = new Map<Element, PrivateWarningBanner>();
    /** Found when a banner or a send needs them: finding them reads the page. */
    const composers = new ComposerLookup(() => adapter.composers(page.doc));
    let confirmed = false;
    let typedUnderWarning = false;
    let composing = false;

    const showBanners = () => {
      const wanted = new Set(warned && !choice.exception ? composers.all().map((c) => c.container) : []);
      for (const [container, banner] of banners) {
        if (!wanted.has(container) || !container.isConnected) {
          banner.remove();
          banners.delete(container);
        }
      }
      for (const container of wanted) {
        let banner = banners.get(container);
        if (!banner) {
          banner = new PrivateWarningBanner(words, settings.privateReasons, settings.helpdeskUrl, { onReason: giveReason, onException: stopWarning }, container, signal);
          banner.render(choice.reason);
          banners.set(container, banner);
        }
        // Hosts re-render around their composers: put the banner back right above it.
        if (banner.host.nextElementSibling !== container) container.before(banner.host);
      }
    };
    const giveReason = (reason: string) => {
      choice = { ...choice, reason };
      choose({ reason });
      for (const banner of banners.values()) banner.render(reason);
    };
    const stopWarning = () => {
      choice = { ...choice, exception: true };
      choose({ exception: true });
      showBanners();
    };
    signal.addEventListener('abort', () => {
      for (const banner of banners.values()) banner.remove();
    }, { once: true });

    page.onContent((batch) => {
      // Finding composers reads the whole page: only when this batch may have added, moved or
      // removed one (a chat list that grew has none).
      const touched = batch.roots.some((root) => !('closest' in root) || root.querySelector(EDITABLE) !== null || (root as Element).closest(EDITABLE) !== null);
      const moved = [...banners].some(([container, banner]) => !container.isConnected || banner.host.nextElementSibling !== container);
      if (touched) composers.reset();
      if (touched || moved) showBanners();
    }, signal);
    // No call now: the page session hands every feature the whole document once it has started.

    const composerOf = (target: EventTarget | null, part: 'editor' | 'submit'): ComposerReading | undefined => {
      const composer = composers.of(target, part);
      // A composer found late (it appeared since this feature last heard of the page) gets its
      // banner before a send can slip past.
      if (composer && warned && !choice.exception && !banners.has(composer.container)) showBanners();
      return composer;
    };

    /** A send is about to happen: let it through (noting it) or hold it until the user decides. */
    const onSend = (event: Event, composer: ComposerReading, replay: () => void) => {
      const draft = draftOf(composer.editor);
      if (!shouldHold({ mode, warned, exception: choice.exception, reason: choice.reason, confirmed, draft })) {
        if (draft === '') return;
        if (page.place === 'private') note('private-post', choice.reason ?? undefined);
        else if (page.place === 'public') note('public-post');
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      void hold({ composer, replay });
    };

    const hold = async ({ composer, replay }: HeldSend) => {
      const banner = banners.get(composer.container);
      if (!banner || banner.holding) return;
      const decision = await banner.hold();
      if (signal.aborted) return;
      banner.render(choice.reason);
      composer.editor.focus();
      if (decision.kind === 'cancel') {
        note('warning-cancelled');
        return;
      }
      if (decision.kind === 'reason') giveReason(decision.reason);
      confirmed = true;
      replay();
    };

    page.win.addEventListener(
      'click',
      (event) => {
        const composer = composerOf(event.target, 'submit');
        if (!composer?.submit) return;
        const submit = composer.submit;
        onSend(event, composer, () => submit.click());
      },
      { capture: true, signal },
    );
    page.win.addEventListener(
      'keydown',
      (event) => {
        const composer = composerOf(event.target, 'editor');
        if (!composer || !isSendKey(event, adapter.enterSends, composing)) return;
        const target = event.target as HTMLElement;
        const init: KeyboardEventInit = {
          key: event.key,
          code: event.code,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          shiftKey: event.shiftKey,
          altKey: event.altKey,
          bubbles: true,
          cancelable: true,
          composed: true,
        };
        onSend(event, composer, () => {
          const replayed = new KeyboardEvent('keydown', init);
          // Hosts that still read the legacy codes (Quill, older React handlers) see an Enter.
          for (const name of ['keyCode', 'which']) definePageGetter(replayed, name, () => 13);
          target.dispatchEvent(replayed);
        });
      },
      { capture: true, signal },
    );
    page.win.addEventListener('compositionstart', () => (composing = true), { capture: true, signal });
    page.win.addEventListener('compositionend', () => (composing = false), { capture: true, signal });
    page.win.addEventListener(
      'input',
      (event) => {
        // Typing under the warning: if the next post is in an open place, the warning was heeded.
        if (typedUnderWarning || page.place !== 'private' || banners.size === 0 || choice.reason !== null || !composerOf(event.target, 'editor')) return;
        typedUnderWarning = true;
        note('warned');
      },
      { capture: true, signal },
    );
  },
};
