import { CONTENT_MARKERS } from '../content/annotate';
import { IdleQueue } from '../dom/idle-queue';
import { isVisible } from '../tools/dom';
import type { MentionReading } from '../tools/adapter';
import { PersonCardView } from '../ui/person-card';
import { toolLink } from '../tools/links';
import type { Feature } from './feature';
import { FEATURE_DESCRIPTIONS } from './catalog';

const { handle: HANDLE } = CONTENT_MARKERS;
/** Set on a mention the directory resolves (docs/contract.md section 2). */
const PERSON = 'data-daylight-person';
/** The pointer must rest this long on a mention before its card shows (no card on a mere pass). */
export const HOVER_INTENT_MS = 100;
/** Leaving the mention for the card, or back, within this time keeps the card open. */
const LEAVE_GRACE_MS = 250;
/** Mentions marked per idle-time job. */
const MARK_CHUNK = 250;
/**
 * Whether this content script has set the person marker anywhere yet: until it has, no mention
 * carries a stale one, and the mentions of people the directory does not know need no look.
 */
let personMarked = false;

/**
 * person-cards: every mention the directory knows gets `data-daylight-person`, and hovering it
 * (with intent) or focusing it shows the person's card: name, title, team, e-mail, and their
 * handles on every tool with links and copy buttons. Esc closes it. Post authors are resolved too,
 * for the features that thank people.
 */
export const personCards: Feature = {
  id: 'person-cards',
  description: FEATURE_DESCRIPTIONS['person-cards'],
  init(page, signal) {
    const view = new PersonCardView(page.adapter.id, (tool, href) => toolLink(tool, href, page.settings.selfHosted));
    signal.addEventListener('abort', () => view.hide(), { once: true });

    const mark = (mentions: readonly MentionReading[]) => {
      for (const { element, handle } of mentions) {
        const person = page.people.get(handle);
        if (!person && !personMarked) continue;
        // A mention recycled for another handle since it was read is marked by its own batch.
        if (!element.isConnected || element.getAttribute(HANDLE) !== handle) continue;
        if (person) {
          if (element.getAttribute(PERSON) !== person.id) element.setAttribute(PERSON, person.id);
          personMarked = true;
        } else if (person === null && element.hasAttribute(PERSON)) element.removeAttribute(PERSON);
      }
    };
    // Marking a whole page after the directory answers is idle work, a few hundred mentions at a time.
    const idle = new IdleQueue(signal);

    let showTimer: ReturnType<typeof setTimeout> | undefined;
    // Focus Daylight itself puts back on a mention (after Esc) must not reopen its card.
    let quietFocus: Element | undefined;
    let hideTimer: ReturnType<typeof setTimeout> | undefined;
    /**
     * What the pointer rests on when it is on no mention Daylight has read yet: content that is
     * still being read (or was before this feature started) gets its card when its mention is read.
     */
    let restingOn: Element | undefined = [...page.doc.querySelectorAll(':hover')].at(-1);
    /** Every person mention carries the handle marker from the annotation, before the directory has answered. */
    const mentionOf = (target: EventTarget | null) => (target instanceof Element ? target.closest(`[${HANDLE}]`) : null);
    /**
     * The person a mention is: its marker, or, where the marking (idle work on a heavy page) has not
     * reached it yet, the directory's answer asked for now, and the marker set with it.
     */
    const personOf = (mention: Element): Promise<string | null> => {
      const id = mention.getAttribute(PERSON);
      if (id) return Promise.resolve(id);
      const handle = mention.getAttribute(HANDLE);
      if (!handle) return Promise.resolve(null);
      return page.people.resolve([handle]).then(() => {
        const person = page.people.get(handle);
        if (!person || signal.aborted || mention.getAttribute(HANDLE) !== handle) return null;
        mention.setAttribute(PERSON, person.id);
        personMarked = true;
        return person.id;
      });
    };
    /** The tool's own hovercards showing now (one opens on the same mention as Daylight's card). */
    const toolCards = () => (page.adapter.hovercard ? [...page.doc.querySelectorAll(page.adapter.hovercard)].filter(isVisible) : []);
    // A tool's hovercard opening or moving after Daylight's card moves Daylight's card beside it.
    const toolCardWatch = new MutationObserver(() => view.replace(toolCards()));
    signal.addEventListener('abort', () => toolCardWatch.disconnect(), { once: true });
    const watchToolCards = () => {
      toolCardWatch.disconnect();
      if (!page.adapter.hovercard || !view.element) return;
      toolCardWatch.observe(page.doc.body, { childList: true });
      for (const card of page.doc.querySelectorAll(page.adapter.hovercard)) toolCardWatch.observe(card, { attributes: true, attributeFilter: ['style', 'class', 'hidden'] });
    };
    const hideCard = () => {
      toolCardWatch.disconnect();
      view.hide();
    };
    const cardOf = (mention: Element) => personOf(mention).then((id) => (id ? page.people.card(id) : null));
    const open = (mention: Element) => {
      clearTimeout(hideTimer);
      void cardOf(mention).then((card) => {
        if (!card || signal.aborted || !mention.isConnected) return;
        view.show(card, mention, toolCards());
        watchToolCards();
      });
    };
    /** Show a mention's card after the hover-intent delay, its directory answer and card fetched meanwhile. */
    const intend = (mention: Element) => {
      clearTimeout(showTimer);
      void cardOf(mention);
      showTimer = setTimeout(() => open(mention), HOVER_INTENT_MS);
    };

    page.onContent((batch) => {
      // What the annotation just read and marked: the page is not searched again.
      const { mentions } = batch;
      const handles = new Set(mentions.map((m) => m.handle));
      for (const post of batch.posts) if (post.author !== null) handles.add(post.author);
      // The pointer already rests on a mention just read: its card shows as if the pointer had just arrived.
      const resting = restingOn;
      const under = resting ? mentions.find((m) => m.element.contains(resting)) : undefined;
      if (under) {
        restingOn = undefined;
        intend(under.element);
      }
      void page.people.resolve(handles).then(() => {
        // A few mentions (a new message) are marked at once: known people resolve without a wait.
        if (signal.aborted) return;
        if (mentions.length <= MARK_CHUNK) return mark(mentions);
        for (let at = 0; at < mentions.length; at += MARK_CHUNK) {
          const chunk = mentions.slice(at, at + MARK_CHUNK);
          idle.add(() => mark(chunk));
        }
      });
    }, signal);

    const close = () => {
      clearTimeout(showTimer);
      hideCard();
    };
    const inCard = (target: EventTarget | null) => target instanceof Node && view.element?.contains(target) === true;
    /** Focus a mention, or the control inside it (Mattermost wraps a button in a span), quietly. */
    const focusMention = (mention: Element | undefined) => {
      const target = mention?.matches('a[href], button, [tabindex]') ? mention : mention?.querySelector('a[href], button');
      if (!(target instanceof HTMLElement)) return;
      quietFocus = mention;
      target.focus();
    };

    page.doc.addEventListener(
      'pointerover',
      (event) => {
        if (inCard(event.target)) return clearTimeout(hideTimer);
        const mention = mentionOf(event.target);
        clearTimeout(showTimer);
        restingOn = mention || !(event.target instanceof Element) ? undefined : event.target;
        if (mention) intend(mention);
      },
      { signal },
    );
    page.doc.addEventListener(
      'pointerout',
      (event) => {
        const from = mentionOf(event.target) ?? (inCard(event.target) ? view.anchor : null);
        if (!from) return;
        const to = event.relatedTarget;
        if (to instanceof Node && (from.contains(to) || inCard(to))) return;
        clearTimeout(showTimer);
        clearTimeout(hideTimer);
        hideTimer = setTimeout(hideCard, LEAVE_GRACE_MS);
      },
      { signal },
    );
    page.doc.addEventListener(
      'focusin',
      (event) => {
        const mention = mentionOf(event.target);
        const quiet = quietFocus;
        quietFocus = undefined;
        if (mention && mention !== quiet) open(mention);
        else if (!mention && !inCard(event.target)) close();
      },
      { signal },
    );
    page.doc.addEventListener(
      'keydown',
      (event) => {
        if (!view.element) return;
        if (event.key === 'Escape') {
          const anchor = view.anchor;
          close();
          focusMention(anchor);
          return;
        }
        // Tab from the focused mention moves into its card; past the card's last control, back out.
        if (event.key !== 'Tab' || event.shiftKey) return;
        const controls = view.focusable();
        const active = view.element.shadowRoot?.activeElement ?? null;
        if (mentionOf(page.doc.activeElement) === view.anchor && !inCard(page.doc.activeElement) && controls[0]) {
          event.preventDefault();
          controls[0].focus();
        } else if (active && active === controls.at(-1)) {
          event.preventDefault();
          const anchor = view.anchor;
          close();
          focusMention(anchor);
        }
      },
      { signal, capture: true },
    );
  },
};
