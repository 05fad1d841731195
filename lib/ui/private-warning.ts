import { t, tNodes } from '../i18n/t';
import type { WarningWords } from '../openness/warning-words';
import { keepKeysInside } from './keys';
import { createShadowHost, el, isDarkAround } from './shadow-host';

const CSS = `
:host { all: initial; display: block; margin: 6px 0; }
.banner { box-sizing: border-box; padding: 8px 12px; border-radius: 6px; border: 1px solid #d4a72c; background: #fff8c5; color: #3b2300;
  font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
.banner.dark { background: #2e2a14; border-color: #9e7c1a; color: #f2e6c2; }
p { margin: 0 0 4px; }
.who { font-weight: 600; unicode-bidi: isolate; }
.row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 6px; }
.label { margin-right: 2px; }
button { font: inherit; font-size: 12px; padding: 2px 10px; border-radius: 999px; border: 1px solid #bf8700; background: #fff; color: #3b2300; cursor: pointer; }
.dark button { background: #1f1d10; color: #f2e6c2; border-color: #9e7c1a; }
button.primary { background: #1f6feb; border-color: #1f6feb; color: #fff; }
button.quiet { border-color: transparent; background: transparent; text-decoration: underline; }
a { color: #0550ae; }
.dark a { color: #79b8ff; }
.held { border-width: 2px; }
:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
`;

export interface PrivateWarningActions {
  onReason(reason: string): void;
  onException(): void;
}

export type HoldDecision = { kind: 'reason'; reason: string } | { kind: 'post' } | { kind: 'cancel' };

/**
 * The `data-daylight="private-warning"` banner beside one composer: who can see a post here, a
 * suggestion to post openly, reasons to keep it private (choosing one folds the banner), and
 * "Don't warn here again". In confirm mode it also holds a send until the user decides.
 */
export class PrivateWarningBanner {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly box: HTMLElement;
  private decide: ((decision: HoldDecision) => void) | undefined;

  constructor(
    private readonly words: WarningWords,
    private readonly reasons: readonly string[],
    private readonly helpdeskUrl: string,
    private readonly actions: PrivateWarningActions,
    anchor: Element,
    signal: AbortSignal,
  ) {
    ({ host: this.host, root: this.root } = createShadowHost('private-warning', CSS));
    this.box = el('section', { class: isDarkAround(anchor) ? 'banner dark' : 'banner', 'aria-label': t('warnBannerLabel', words.headline) });
    this.root.append(this.box);
    keepKeysInside(this.host, signal, (event) => {
      if (event.key === 'Escape' && this.decide) {
        event.preventDefault();
        this.settle({ kind: 'cancel' });
      }
    });
  }

  /** The full banner, or folded to one line once a reason is on record. */
  render(reason: string | null): void {
    if (this.decide) return;
    this.box.classList.remove('held');
    this.box.removeAttribute('role');
    this.box.replaceChildren();
    if (reason !== null) {
      const change = el('button', { type: 'button', class: 'quiet' }, t('change'));
      change.addEventListener('click', () => {
        this.render(null);
        this.root.querySelector<HTMLElement>('button')?.focus();
      });
      this.box.append(el('p', {}, ...tNodes('warnKept', this.words.headline, this.who(), el('bdi', {}, reason)), ' ', change));
      return;
    }
    this.box.append(el('p', {}, ...tNodes('warnLine', this.words.headline, this.who())), this.suggestion());
    const reasons = this.reasonButtons((chosen) => this.actions.onReason(chosen));
    const never = el('button', { type: 'button', class: 'quiet' }, t('dontWarnAgain'));
    never.addEventListener('click', () => this.actions.onException());
    this.box.append(el('div', { class: 'row' }, reasons, never));
  }

  /** Hold a send: ask why it should be private, or whether to post anyway. Resolves once the user decides. */
  hold(): Promise<HoldDecision> {
    this.decide?.({ kind: 'cancel' });
    this.box.replaceChildren();
    this.box.classList.add('held');
    this.box.setAttribute('role', 'alertdialog');
    const title = el('p', { id: 'daylight-hold-title' }, ...tNodes('holdTitle', this.who()));
    this.box.setAttribute('aria-labelledby', 'daylight-hold-title');
    const reasons = this.reasonButtons((reason) => this.settle({ kind: 'reason', reason }));
    const post = el('button', { type: 'button' }, t('postAnyway'));
    post.addEventListener('click', () => this.settle({ kind: 'post' }));
    const cancel = el('button', { type: 'button', class: 'primary' }, t('cancel'));
    cancel.addEventListener('click', () => this.settle({ kind: 'cancel' }));
    this.box.append(title, this.suggestion(), reasons, el('div', { class: 'row' }, post, cancel));
    const promise = new Promise<HoldDecision>((resolve) => (this.decide = resolve));
    this.root.querySelector<HTMLElement>('.row button')?.focus();
    return promise;
  }

  get holding(): boolean {
    return this.decide !== undefined;
  }

  remove(): void {
    this.decide?.({ kind: 'cancel' });
    this.decide = undefined;
    this.host.remove();
  }

  private settle(decision: HoldDecision): void {
    const decide = this.decide;
    this.decide = undefined;
    decide?.(decision);
  }

  /** Who can see a post: the page's own words when it says, isolated from Daylight's (they may be right-to-left). */
  private who(): HTMLElement {
    return el('bdi', { class: 'who' }, this.words.who);
  }

  private suggestion(): HTMLElement {
    const line = el('p', {}, `${this.words.suggestion} `);
    if (this.helpdeskUrl) line.append(el('a', { href: this.helpdeskUrl, target: '_blank', rel: 'noreferrer' }, t('whereToPostOpenly')));
    return line;
  }

  private reasonButtons(choose: (reason: string) => void): HTMLElement {
    const row = el('div', { class: 'row', role: 'group', 'aria-label': t('reasonGroup') }, el('span', { class: 'label' }, t('keepPrivateFor')));
    for (const reason of this.reasons) {
      const button = el('button', { type: 'button', dir: 'auto', 'aria-label': t('keepPrivateForReason', reason) }, reason);
      button.addEventListener('click', () => choose(reason));
      row.append(button);
    }
    return row;
  }
}
