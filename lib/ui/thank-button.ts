import { createShadowHost, el, isDarkAround } from './shadow-host';

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

export type ThankChoice = 'public' | 'reaction' | 'record';

export interface ThankButtonOptions {
  /** The author's name (or handle): the accessible name is "Thank <name>". */
  name: string;
  /** Whether the tool's own reaction UI is on this post (asked when the panel opens). */
  canReact: () => boolean;
  onChoose: (choice: ThankChoice, note: string) => void;
  onUndo: (id: string) => void;
}

/**
 * The Thank control of one post: a small button (unobtrusive until hovered or focused) that opens
 * a panel with Thank publicly / React / Just record it and an optional note; once thanked it says
 * so, and offers Undo (which archives the ledger entry).
 */
export class ThankButton {
  readonly host: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private readonly note: HTMLInputElement;
  private readonly react: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly title: HTMLElement;
  private readonly undo: HTMLButtonElement;
  private thanked: { id: string } | null = null;

  constructor(private readonly options: ThankButtonOptions & { name: string }) {
    const { host, root } = createShadowHost('thank', CSS, { shareStyles: true });
    this.host = host;
    const frame = el('span', { class: 'frame' });
    this.button = el('button', { type: 'button', class: 'thank', 'aria-label': `Thank ${options.name}`, 'aria-haspopup': 'dialog', 'aria-expanded': 'false' }, 'Thank');
    const titleId = 'daylight-thank-title';
    this.status = el('p', { class: 'status', id: 'daylight-thank-status' });
    this.title = el('p', { class: 'title', id: titleId }, `Thank ${options.name}`);
    this.note = el('input', { type: 'text', maxlength: '500', placeholder: 'What for? (optional)' });
    const action = (label: string, choice: ThankChoice) => {
      const button = el('button', { type: 'button', class: 'action', 'data-choice': choice }, label);
      button.addEventListener('click', () => {
        const note = this.note.value;
        this.close(false);
        options.onChoose(choice, note);
      });
      return button;
    };
    this.react = action('React', 'reaction');
    this.undo = el('button', { type: 'button', class: 'action', hidden: '' }, 'Undo thanks');
    this.undo.addEventListener('click', () => {
      const done = this.thanked;
      this.close(true);
      if (done) options.onUndo(done.id);
    });
    this.panel = el(
      'div',
      { class: 'panel', role: 'dialog', 'aria-labelledby': titleId, hidden: '' },
      this.title,
      this.status,
      el('label', {}, 'Note', this.note),
      action('Thank publicly', 'public'),
      this.react,
      action('Just record it', 'record'),
      this.undo,
    );
    frame.append(this.button, this.panel);
    root.append(frame);
    this.button.addEventListener('click', () => (this.panel.hidden ? this.open() : this.close(true)));
    root.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape' && !this.panel.hidden) {
        event.stopPropagation();
        this.close(true);
      }
    });
  }

  /** A click or focus anywhere else closes the panel. */
  private readonly outside = (event: Event) => {
    if (!this.panel.hidden && !event.composedPath().includes(this.host)) this.close(false);
  };

  /** Follow the host page's light or dark theme around the button; `dark` when already known for its neighbours. */
  applyTheme(dark = isDarkAround(this.host)): void {
    this.frame().classList.toggle('dark', dark);
  }

  /** The author's name, once the directory has answered. */
  setName(name: string): void {
    if (name === this.options.name) return;
    this.options.name = name;
    this.button.setAttribute('aria-label', `Thank ${name}`);
    this.title.textContent = `Thank ${name}`;
  }

  /** Show the thanked state (from this page or the ledger), or clear it after Undo. */
  setThanked(thanked: { id: string; at: number } | null): void {
    this.thanked = thanked;
    this.button.classList.toggle('done', thanked !== null);
    this.button.textContent = thanked ? 'Thanked' : 'Thank';
    if (thanked) this.button.setAttribute('aria-describedby', 'daylight-thank-status');
    else this.button.removeAttribute('aria-describedby');
    this.status.textContent = thanked ? `You thanked ${this.options.name} on ${new Date(thanked.at).toLocaleDateString()}.` : '';
    this.undo.hidden = thanked === null;
  }

  /** A choice could not be carried out (no composer, no reaction UI): say so in the panel's status line. */
  tell(message: string): void {
    this.status.textContent = message;
  }

  open(): void {
    this.applyTheme();
    this.react.hidden = !this.options.canReact();
    this.panel.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.place();
    document.addEventListener('pointerdown', this.outside, true);
    document.addEventListener('focusin', this.outside, true);
    this.note.focus();
  }

  close(refocus: boolean): void {
    this.panel.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', this.outside, true);
    document.removeEventListener('focusin', this.outside, true);
    if (refocus) this.button.focus();
  }

  remove(): void {
    this.close(false);
    this.host.remove();
  }

  private frame(): HTMLElement {
    return this.button.parentElement!;
  }

  /** Below the button, or above it when there is no room; inside the viewport. */
  private place(): void {
    const anchor = this.button.getBoundingClientRect();
    const box = this.panel.getBoundingClientRect();
    const below = anchor.bottom + 4;
    const top = below + box.height <= window.innerHeight || anchor.top - 4 - box.height < 0 ? below : anchor.top - 4 - box.height;
    const left = Math.max(8, Math.min(anchor.left, window.innerWidth - box.width - 8));
    this.panel.style.top = `${Math.round(top)}px`;
    this.panel.style.left = `${Math.round(left)}px`;
  }
}
