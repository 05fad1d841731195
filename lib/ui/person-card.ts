import type { PersonCard } from '../people/resolver';
import { describeLocalNow, localNow } from '../people/working-time';
import { TOOL_NAMES, type ToolId } from '../tools/tool-ids';
import { createShadowHost, el, isDarkAround } from './shadow-host';
import { t, uiLanguage } from '../i18n/t';

const CSS = `
:host { all: initial; position: fixed; z-index: 2147483646; }
.card { box-sizing: border-box; width: 320px; max-width: calc(100vw - 16px); padding: 12px 14px; border-radius: 10px;
  font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; background: #fff; color: #1f2430;
  border: 1px solid #d0d7de; box-shadow: 0 8px 24px rgba(0,0,0,.18); }
.card.dark { background: #1f232b; color: #e6e8ee; border-color: #3d4450; box-shadow: 0 8px 24px rgba(0,0,0,.5); }
.name { font-weight: 650; font-size: 15px; margin: 0; overflow-wrap: anywhere; unicode-bidi: isolate; }
.meta { margin: 2px 0 8px; color: #59636e; overflow-wrap: anywhere; }
.dark .meta { color: #a2aab8; }
.local { margin: -4px 0 8px; color: #59636e; }
.local[data-working="false"] { color: #9a6700; }
.dark .local { color: #a2aab8; } .dark .local[data-working="false"] { color: #d29922; }
ul { list-style: none; margin: 0; padding: 8px 0 0; border-top: 1px solid #d0d7de; display: grid; gap: 4px; }
.dark ul { border-color: #3d4450; }
li { display: flex; align-items: center; gap: 8px; min-width: 0; }
.tool { flex: 0 0 84px; color: #59636e; font-size: 12px; }
.dark .tool { color: #a2aab8; }
.handle { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-family: ui-monospace, monospace; font-size: 12px; }
a { color: #0969da; } .dark a { color: #7aa2ff; }
button { font: inherit; font-size: 12px; padding: 1px 8px; border-radius: 6px; border: 1px solid #d0d7de; background: transparent; color: inherit; cursor: pointer; }
.dark button { border-color: #3d4450; }
:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
`;

type LinkCheck = (tool: ToolId, href: string) => string | null;

/** Build the card for a person: text nodes only, so hostile names stay inert. */
function renderCard(person: PersonCard, dark: boolean, currentTool: string, linkOf: LinkCheck): HTMLElement {
  const heading = el('p', { class: 'name', id: 'daylight-card-name', dir: 'auto' }, person.name);
  const meta = [person.title, person.team].filter(Boolean).join(' · ');
  const card = el('div', { class: dark ? 'card dark' : 'card', role: 'dialog', 'aria-labelledby': 'daylight-card-name' }, heading);
  if (meta) card.append(el('p', { class: 'meta', dir: 'auto' }, meta));
  if (person.time) card.append(el('p', { class: 'local', 'data-daylight-local-time': '' }));
  if (person.email) card.append(el('p', { class: 'meta' }, el('a', { href: `mailto:${person.email}` }, person.email)));
  const list = el('ul', { 'aria-label': t('cardHandlesLabel') });
  for (const profile of person.profiles) {
    const label = `${TOOL_NAMES[profile.tool]}${profile.key.includes(':') ? ` (${profile.key.split(':').slice(1).join(':')})` : ''}`;
    const href = profile.url === null ? null : linkOf(profile.tool, profile.url);
    const handle = href
      ? el('a', { class: 'handle', href, target: '_blank', rel: 'noopener noreferrer', dir: 'auto' }, profile.handle)
      : el('bdi', { class: 'handle' }, profile.handle);
    const copy = el('button', { type: 'button', 'aria-label': t('cardCopyLabel', label, profile.handle) }, t('cardCopy'));
    copy.addEventListener('click', () => {
      void navigator.clipboard.writeText(profile.handle).then(
        () => (copy.textContent = t('cardCopied')),
        () => (copy.textContent = t('cardCopyFailed')),
      );
    });
    list.append(el('li', { 'data-tool': profile.tool, ...(profile.key === currentTool ? { 'data-current': 'true' } : {}) }, el('span', { class: 'tool' }, label), handle, copy));
  }
  if (person.profiles.length > 0) card.append(list);
  return card;
}

/**
 * One floating person card per page, placed next to the mention it belongs to (below it, or above
 * when there is no room) and never over it.
 */
export class PersonCardView {
  private host: HTMLElement | undefined;
  private root: ShadowRoot | undefined;
  private clock: ReturnType<typeof setInterval> | undefined;
  anchor: Element | undefined;
  private beside: readonly Element[] = [];

  /** `linkOf` checks each profile link again where it is shown (lib/tools/links.ts's toolLink). */
  constructor(
    private readonly currentTool: string,
    private readonly linkOf: LinkCheck,
  ) {}

  /**
   * Show `person`'s card by `anchor`, never covering the anchor nor `beside` (the tool's own
   * hovercards open for the same mention): the card goes below, above, then to their right or left.
   */
  show(person: PersonCard, anchor: Element, beside: readonly Element[] = []): void {
    if (!this.host || !this.root) {
      ({ host: this.host, root: this.root } = createShadowHost('person-card', CSS));
    }
    this.anchor = anchor;
    this.root.querySelector('.card')?.remove();
    this.root.append(renderCard(person, isDarkAround(anchor), this.currentTool, this.linkOf));
    this.showLocalTime(person);
    if (!this.host.isConnected) document.body.append(this.host);
    this.beside = beside;
    this.place(anchor);
  }

  /** Place the card again (a tool's hovercard opened or moved after it). */
  replace(beside: readonly Element[]): void {
    if (!this.anchor || !this.element) return;
    this.beside = beside;
    this.place(this.anchor);
  }

  hide(): void {
    clearInterval(this.clock);
    this.clock = undefined;
    this.host?.remove();
    this.anchor = undefined;
  }

  /** Their local time, kept current while the card is open (a card can stay open across a minute). */
  private showLocalTime(person: PersonCard): void {
    clearInterval(this.clock);
    this.clock = undefined;
    const line = this.root?.querySelector<HTMLElement>('[data-daylight-local-time]');
    const time = person.time;
    if (!line || !time) return;
    const update = () => {
      const now = localNow(time, new Date(), uiLanguage());
      line.hidden = !now;
      if (!now) return;
      line.textContent = describeLocalNow(now);
      if (now.working === undefined) delete line.dataset.working;
      else line.dataset.working = String(now.working);
    };
    update();
    this.clock = setInterval(update, 15_000);
  }

  get element(): HTMLElement | undefined {
    return this.host?.isConnected ? this.host : undefined;
  }

  /** The card's first and last focusable controls, for moving into and out of it by keyboard. */
  focusable(): HTMLElement[] {
    return [...(this.root?.querySelectorAll<HTMLElement>('a[href], button') ?? [])];
  }

  private place(anchor: Element): void {
    const host = this.host!;
    const target = anchor.getBoundingClientRect();
    host.style.left = '0px';
    host.style.top = '0px';
    const card = host.getBoundingClientRect();
    const gap = 6;
    // What the card must not cover: the mention, and the tool's own hovercards that are showing.
    const keepClear = [target, ...this.beside.map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0)];
    const clearOf = (box: Box) => keepClear.every((r) => box.top >= r.bottom || box.bottom <= r.top || box.left >= r.right || box.right <= r.left);
    const fits = (box: Box) => box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
    const at = (top: number, left: number): Box => ({ top, left, bottom: top + card.height, right: left + card.width });
    const left = Math.max(8, Math.min(target.left, window.innerWidth - card.width - 8));
    const all = { top: Math.min(...keepClear.map((r) => r.top)), bottom: Math.max(...keepClear.map((r) => r.bottom)), right: Math.max(...keepClear.map((r) => r.right)), left: Math.min(...keepClear.map((r) => r.left)) };
    const candidates = [
      at(target.bottom + gap, left),
      at(target.top - gap - card.height, left),
      at(all.bottom + gap, left),
      at(all.top - gap - card.height, left),
      at(Math.max(8, target.top), all.right + gap),
      at(Math.max(8, target.top), all.left - gap - card.width),
    ];
    const chosen = candidates.find((box) => clearOf(box) && fits(box)) ?? candidates.find(clearOf) ?? candidates[0]!;
    host.style.top = `${Math.round(chosen.top)}px`;
    host.style.left = `${Math.round(chosen.left)}px`;
  }
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
