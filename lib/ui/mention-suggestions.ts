import type { Suggestion } from '../people/suggest';
import { describeWhere, localNow } from '../people/working-time';
import { t, uiLanguage } from '../i18n/t';
import { createShadowHost, el, isDarkAround } from './shadow-host';

const CSS = `
:host { all: initial; position: fixed; z-index: 2147483646; }
.panel { box-sizing: border-box; min-width: 260px; max-width: 360px; padding: 6px; border-radius: 8px;
  font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; background: #fff; color: #1f2430;
  border: 1px solid #d0d7de; box-shadow: 0 8px 24px rgba(0,0,0,.18); }
.panel.dark { background: #1f232b; color: #e6e8ee; border-color: #3d4450; }
.hint { margin: 0 4px 4px; font-size: 11px; color: #59636e; }
.dark .hint { color: #a2aab8; }
ul { list-style: none; margin: 0; padding: 0; }
li { display: flex; gap: 8px; align-items: baseline; padding: 4px 8px; border-radius: 6px; cursor: pointer; }
li[aria-selected="true"], li:hover { background: #ddf4ff; }
.dark li[aria-selected="true"], .dark li:hover { background: #2b3a55; }
.name { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; unicode-bidi: isolate; }
.handle { margin-left: auto; font-family: ui-monospace, monospace; font-size: 12px; color: #59636e; white-space: nowrap; }
.dark .handle { color: #a2aab8; }
.local { font-size: 11px; color: #59636e; white-space: nowrap; }
.local[data-working="false"] { color: #9a6700; }
.dark .local { color: #a2aab8; } .dark .local[data-working="false"] { color: #d29922; }
:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
`;

/**
 * Daylight's suggestions beside the host's own: a listbox that never takes the keyboard from the
 * composer unless asked (Alt+ArrowDown), so the host's autocomplete keeps its keys.
 */
export class MentionSuggestions {
  private readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private items: Suggestion[] = [];
  private active = 0;
  onChoose: (suggestion: Suggestion) => void = () => undefined;
  onLeave: () => void = () => undefined;

  constructor() {
    ({ host: this.host, root: this.root } = createShadowHost('mention-suggestions', CSS));
    this.root.addEventListener('keydown', (event) => this.onKey(event as KeyboardEvent));
  }

  get open(): boolean {
    return this.host.isConnected;
  }

  show(items: Suggestion[], near: DOMRect, anchor: Element): void {
    // Fresh suggestions can arrive while the user is already in the list: keep them there.
    const choosing = this.root.activeElement !== null;
    // The same people again (a later keystroke's answer): the list stays as it is, so that a click
    // already under way (mousedown on an option, mouseup still to come) lands on it.
    if (!this.open || !sameSuggestions(this.items, items)) this.render(items, anchor);
    this.items = items;
    const panel = this.root.querySelector<HTMLElement>('.panel')!;
    if (!this.host.isConnected) document.body.append(this.host);
    const top = near.bottom + 4 + 220 > window.innerHeight ? Math.max(8, near.top - 4 - panel.getBoundingClientRect().height) : near.bottom + 4;
    this.host.style.top = `${Math.round(top)}px`;
    this.host.style.left = `${Math.round(Math.max(8, Math.min(near.left, window.innerWidth - 370)))}px`;
    if (choosing) this.focus();
  }

  private render(items: Suggestion[], anchor: Element): void {
    this.active = 0;
    this.root.querySelector('.panel')?.remove();
    const list = el('ul', { role: 'listbox', 'aria-label': t('suggestionsLabel'), tabindex: '-1' });
    const now = new Date();
    items.forEach((item, index) => {
      const option = el(
        'li',
        { role: 'option', id: `daylight-suggestion-${index}`, 'aria-selected': String(index === 0), 'data-person': item.id },
        el('bdi', { class: 'name' }, item.name),
        el('bdi', { class: 'handle' }, `@${item.handle}`),
      );
      const local = item.time ? localNow(item.time, now, uiLanguage()) : undefined;
      if (local) {
        const where = describeWhere(local);
        const label = local.working === false ? t('localOutside', where) : where;
        const time = el('span', { class: 'local', 'data-daylight-local-time': '', title: label, 'aria-label': label }, local.time);
        if (local.working !== undefined) time.dataset.working = String(local.working);
        option.append(time);
      }
      option.addEventListener('mousedown', (event) => event.preventDefault()); // keep the composer's caret
      option.addEventListener('click', () => this.onChoose(item));
      list.append(option);
    });
    list.setAttribute('aria-activedescendant', 'daylight-suggestion-0');
    this.root.append(el('div', { class: isDarkAround(anchor) ? 'panel dark' : 'panel' }, el('p', { class: 'hint' }, t('suggestionsHint')), list));
  }

  /** Move the keyboard into the list (Alt+ArrowDown from the composer). */
  focus(): void {
    this.root.querySelector<HTMLElement>('[role="listbox"]')?.focus();
  }

  hide(): void {
    this.host.remove();
  }

  private onKey(event: KeyboardEvent): void {
    const options = [...this.root.querySelectorAll<HTMLElement>('[role="option"]')];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      this.active = (this.active + (event.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length;
      options.forEach((option, i) => option.setAttribute('aria-selected', String(i === this.active)));
      this.root.querySelector('[role="listbox"]')?.setAttribute('aria-activedescendant', `daylight-suggestion-${this.active}`);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const item = this.items[this.active];
      if (item) this.onChoose(item);
    } else if (event.key === 'Escape') {
      this.onLeave();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  }
}

/** Two answers that would show the same rows and insert the same text (a few small items, so compared whole). */
function sameSuggestions(shown: readonly Suggestion[], next: readonly Suggestion[]): boolean {
  return JSON.stringify(shown) === JSON.stringify(next);
}
