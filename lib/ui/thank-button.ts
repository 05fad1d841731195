import { formatDateTime, t, tNodes } from '../i18n/t';
import { attachStyledShadow, el, isDarkAround } from './shadow-host';

const CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 2px 0; font: 12px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
.thank { font: inherit; display: inline-flex; align-items: center; gap: 4px; padding: 1px 8px; border-radius: 999px; cursor: pointer;
  border: 1px solid #d0d7de; background: transparent; color: #59636e; opacity: .5; transition: opacity .12s; }
.dark .thank { border-color: #3d4450; color: #a2aab8; }
:host(:hover) .thank, :host([data-near]) .thank, .thank:focus-visible, .thank[aria-expanded="true"], .thank.done { opacity: 1; }
.thank.done { color: #1a7f37; border-color: #1a7f37; }
.dark .thank.done { color: #57d97b; border-color: #57d97b; }
.panel { position: fixed; z-index: 2147483646; box-sizing: border-box; width: 260px; padding: 10px; border-radius: 10px;
  background: #fff; color: #1f2430; border: 1px solid #d0d7de; box-shadow: 0 8px 24px rgba(0,0,0,.18); display: grid; gap: 6px; }
.dark .panel { background: #1f232b; color: #e6e8ee; border-color: #3d4450; box-shadow: 0 8px 24px rgba(0,0,0,.5); }
.panel[hidden] { display: none; }
.title { margin: 0; font-weight: 650; font-size: 13px; overflow-wrap: anywhere; }
.status { margin: 0; color: #59636e; } .dark .status { color: #a2aab8; }
label { display: grid; gap: 2px; color: inherit; }
input { font: inherit; padding: 4px 6px; border-radius: 6px; border: 1px solid #d0d7de; background: transparent; color: inherit; }
.dark input { border-color: #3d4450; }
.action { font: inherit; text-align: left; padding: 5px 8px; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa; color: inherit; cursor: pointer; }
.dark .action { background: #2a303b; border-color: #3d4450; }
.action:hover { border-color: #8c959f; }
:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
`;

/**
 * The box every Thank host takes, built or not (inline, so the page's styles and `:host` agree on
 * it), contained: building a button near the viewport changes nothing around it, and the browser
 * lays out only the box. A host that grew when built, or whose inside was laid out with the page,
 * would make the browser lay out and repaint every later post in each frame of a scroll on a long
 * thread. Containment comes off while the panel is open: the panel is fixed to the viewport, and a
 * contained host would be its containing block.
 */
const RESERVED_BOX = 'display:block;box-sizing:border-box;width:64px;height:21px;margin:2px 0;overflow:visible';
const CONTAINED = 'size layout style';

let template: HTMLElement | undefined;
/**
 * The light host every post gets: an empty element that is itself a focusable button named
 * "Thank <name>", cloned from one template (a page may have hundreds of posts). A `ThankButton`
 * is built into it when it is needed: near the viewport, hovered or focused.
 */
export function lightThankHost(name: string): HTMLElement {
  if (!template) {
    template = document.createElement('div');
    template.setAttribute('data-daylight', 'thank');
    template.setAttribute('role', 'button');
    template.tabIndex = 0;
    template.setAttribute('style', `${RESERVED_BOX};contain:${CONTAINED}`);
  }
  const host = template.cloneNode() as HTMLElement;
  host.setAttribute('aria-label', t('thankName', name));
  return host;
}

export type ThankChoice = 'public' | 'reaction' | 'record';

export interface ThankButtonOptions {
  /** The author's name (or handle): the accessible name is "Thank <name>". */
  name: string;
  /** Whether the tool's own reaction UI is on this post (asked when the panel opens). */
  canReact: () => boolean;
  onChoose: (choice: ThankChoice, note: string) => void;
  onUndo: (id: string) => void;
}

/** The panel's parts, built the first time it opens. */
interface Panel {
  panel: HTMLElement;
  note: HTMLInputElement;
  react: HTMLButtonElement;
  status: HTMLElement;
  title: HTMLElement;
  undo: HTMLButtonElement;
}

/**
 * The Thank control of one post, built into its light host (`lightThankHost`): a small button
 * (unobtrusive until hovered or focused) that opens a panel with Thank publicly / React / Just
 * record it and an optional note; once thanked it says so, and offers Undo (which archives the
 * ledger entry). The panel is built when it first opens. A page with hundreds of posts builds
 * controls only for the posts someone looks at; `dark` when the theme around the host is known.
 */
export class ThankButton {
  private readonly button: HTMLButtonElement;
  private parts: Panel | undefined;
  private thanked: { id: string; at: number } | null = null;
  private message = '';

  constructor(
    readonly host: HTMLElement,
    private readonly options: ThankButtonOptions,
    dark?: boolean,
  ) {
    const root = attachStyledShadow(this.host, CSS, { shareStyles: true });
    const button = el('button', { type: 'button', class: 'thank', 'aria-label': t('thankName', this.options.name), 'aria-haspopup': 'dialog', 'aria-expanded': 'false' }, t('thank'));
    this.button = button;
    root.append(el('span', { class: 'frame' }, button));
    // The light host stops being a button itself: the real one takes its place in the tab order.
    this.host.removeAttribute('role');
    this.host.removeAttribute('aria-label');
    this.host.removeAttribute('tabindex');
    button.addEventListener('click', () => (this.parts?.panel.hidden === false ? this.close(true) : this.open()));
    root.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape' && this.parts?.panel.hidden === false) {
        event.stopPropagation();
        this.close(true);
      }
    });
    this.showThanked();
    this.applyTheme(dark);
  }

  /** Move focus to the button (a light host reached by keyboard hands it on). */
  focus(): void {
    this.button.focus();
  }

  /** A click or focus anywhere else closes the panel. */
  private readonly outside = (event: Event) => {
    if (this.parts?.panel.hidden === false && !event.composedPath().includes(this.host)) this.close(false);
  };

  /** Follow the host page's light or dark theme around the button; `dark` when already known for its neighbours. */
  applyTheme(dark?: boolean): void {
    this.frame().classList.toggle('dark', dark ?? isDarkAround(this.host));
  }

  /** The author's name, once the directory has answered. */
  setName(name: string): void {
    if (name === this.options.name) return;
    this.options.name = name;
    this.button.setAttribute('aria-label', t('thankName', name));
    if (this.parts) this.parts.title.replaceChildren(...tNodes('thankName', el('bdi', {}, name)));
    this.showThanked();
  }

  /** Show the thanked state (from this page or the ledger), or clear it after Undo. */
  setThanked(thanked: { id: string; at: number } | null): void {
    this.thanked = thanked;
    this.message = '';
    this.showThanked();
  }

  /** A choice could not be carried out (no composer, no reaction UI): say so in the panel's status line. */
  tell(message: string): void {
    this.message = message;
    if (this.parts) this.parts.status.textContent = message;
  }

  open(): void {
    const parts = (this.parts ??= this.buildPanel());
    this.applyTheme();
    parts.react.hidden = !this.options.canReact();
    this.host.style.contain = 'none';
    parts.panel.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.place();
    document.addEventListener('pointerdown', this.outside, true);
    document.addEventListener('focusin', this.outside, true);
    parts.note.focus();
  }

  close(refocus: boolean): void {
    if (this.parts) this.parts.panel.hidden = true;
    this.host.style.contain = CONTAINED;
    this.button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', this.outside, true);
    document.removeEventListener('focusin', this.outside, true);
    if (refocus) this.button.focus();
  }

  remove(): void {
    this.close(false);
    this.host.remove();
  }

  private showThanked(): void {
    const { thanked, button, parts } = this;
    button.classList.toggle('done', thanked !== null);
    button.textContent = thanked ? t('thanked') : t('thank');
    if (thanked && parts) button.setAttribute('aria-describedby', 'daylight-thank-status');
    else button.removeAttribute('aria-describedby');
    if (!parts) return;
    parts.status.textContent = this.message || (thanked ? t('youThanked', this.options.name, formatDateTime(thanked.at, { dateStyle: 'medium' })) : '');
    parts.undo.hidden = thanked === null;
  }

  private buildPanel(): Panel {
    const titleId = 'daylight-thank-title';
    const status = el('p', { class: 'status', id: 'daylight-thank-status' });
    const title = el('p', { class: 'title', id: titleId }, ...tNodes('thankName', el('bdi', {}, this.options.name)));
    const note = el('input', { type: 'text', maxlength: '500', dir: 'auto', placeholder: t('thankNotePlaceholder') });
    const action = (label: string, choice: ThankChoice) => {
      const button = el('button', { type: 'button', class: 'action', 'data-choice': choice }, label);
      button.addEventListener('click', () => {
        const text = note.value;
        this.close(false);
        this.options.onChoose(choice, text);
      });
      return button;
    };
    const react = action(t('thankReact'), 'reaction');
    const undo = el('button', { type: 'button', class: 'action', hidden: '' }, t('undoThanks'));
    undo.addEventListener('click', () => {
      const done = this.thanked;
      this.close(true);
      if (done) this.options.onUndo(done.id);
    });
    const panel = el(
      'div',
      { class: 'panel', role: 'dialog', 'aria-labelledby': titleId, hidden: '' },
      title,
      status,
      el('label', {}, t('thankNote'), note),
      action(t('thankPublicly'), 'public'),
      react,
      action(t('thankRecord'), 'record'),
      undo,
    );
    this.frame().append(panel);
    const parts = { panel, note, react, status, title, undo };
    this.parts = parts;
    this.showThanked();
    return parts;
  }

  private frame(): HTMLElement {
    return this.button.parentElement!;
  }

  /** Below the button, or above it when there is no room; inside the viewport. */
  private place(): void {
    const panel = this.parts!.panel;
    const anchor = this.button.getBoundingClientRect();
    const box = panel.getBoundingClientRect();
    const below = anchor.bottom + 4;
    const top = below + box.height <= window.innerHeight || anchor.top - 4 - box.height < 0 ? below : anchor.top - 4 - box.height;
    const left = Math.max(8, Math.min(anchor.left, window.innerWidth - box.width - 8));
    panel.style.top = `${Math.round(top)}px`;
    panel.style.left = `${Math.round(left)}px`;
  }
}
