import { t, tNodes, type MessageKey } from '../i18n/t';
import type { ArchiveAlternative, DeleteTarget } from '../tools/adapter';
import { focusables, keepKeysInside } from './keys';
import { createShadowHost, el, isDarkAround } from './shadow-host';

const CSS = `
:host { all: initial; position: fixed; inset: 0; z-index: 2147483647; display: grid; place-items: center; background: rgba(0,0,0,.35); }
.dialog { box-sizing: border-box; width: min(440px, calc(100vw - 32px)); padding: 18px 20px; border-radius: 10px; background: #fff; color: #1f2430;
  font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; box-shadow: 0 12px 32px rgba(0,0,0,.3); }
.dialog.dark { background: #1f232b; color: #e6e8ee; }
h2 { font-size: 16px; margin: 0 0 8px; }
p { margin: 0 0 10px; }
.hint { color: #444c56; }
.dark .hint { color: #b3bac5; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; margin-top: 14px; }
button { font: inherit; padding: 5px 14px; border-radius: 6px; border: 1px solid #c5ccd6; background: #f6f8fa; color: inherit; cursor: pointer; }
.dark button { background: #2b313b; border-color: #4a5260; }
button.primary { background: #1f883d; border-color: #1f883d; color: #fff; }
button.danger { color: #cf222e; }
.dark button.danger { color: #ff7b72; }
:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
`;

export type NudgeChoice = 'alternative' | 'delete' | 'cancel';

/** One whole question per target: German declines "this …" by gender. */
const TITLES: Record<DeleteTarget, MessageKey> = {
  comment: 'nudgeTitleComment',
  message: 'nudgeTitleMessage',
  issue: 'nudgeTitleIssue',
  task: 'nudgeTitleTask',
  channel: 'nudgeTitleChannel',
  repository: 'nudgeTitleRepository',
  project: 'nudgeTitleProject',
  revision: 'nudgeTitleRevision',
  document: 'nudgeTitleDocument',
};

/**
 * The `data-daylight="archive-nudge"` dialog: why keeping history beats deleting, the tool's own
 * alternative (a button when Daylight can start it), "Delete anyway" and Cancel. Focus stays in
 * the dialog while it is open and goes back where it was when it closes; Esc cancels.
 */
export function showArchiveNudge(options: {
  target: DeleteTarget;
  toolName: string;
  alternative: ArchiveAlternative | null;
  anchor: Element;
  signal: AbortSignal;
}): Promise<NudgeChoice> {
  const { target, toolName, alternative, anchor } = options;
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const { host, root } = createShadowHost('archive-nudge', CSS);
  const scope = new AbortController();
  options.signal.addEventListener('abort', () => scope.abort(), { once: true });

  return new Promise<NudgeChoice>((resolve) => {
    let done = false;
    const close = (choice: NudgeChoice) => {
      if (done) return;
      done = true;
      scope.abort();
      host.remove();
      previous?.focus();
      resolve(choice);
    };
    scope.signal.addEventListener('abort', () => close('cancel'), { once: true });

    const dialog = el('div', {
      class: isDarkAround(anchor) ? 'dialog dark' : 'dialog',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': 'daylight-nudge-title',
      'aria-describedby': 'daylight-nudge-why',
    });
    dialog.append(el('h2', { id: 'daylight-nudge-title' }, t(TITLES[target])), el('p', { id: 'daylight-nudge-why' }, t('nudgeWhy')));
    const actions = el('div', { class: 'actions' });
    if (alternative) {
      dialog.append(el('p', { class: 'hint' }, ...tNodes('nudgeOffers', toolName, el('bdi', {}, alternative.label), alternative.hint)));
      if (alternative.control) {
        const instead = el('button', { type: 'button', class: 'primary', dir: 'auto' }, alternative.label);
        instead.addEventListener('click', () => close('alternative'));
        actions.append(instead);
      }
    }
    const remove = el('button', { type: 'button', class: 'danger' }, t('deleteAnyway'));
    remove.addEventListener('click', () => close('delete'));
    const cancel = el('button', { type: 'button' }, t('cancel'));
    cancel.addEventListener('click', () => close('cancel'));
    actions.append(remove, cancel);
    dialog.append(actions);
    root.append(dialog);
    // A click on the backdrop is a cancel; inside the dialog it is not.
    host.addEventListener('click', (event) => event.composedPath()[0] === host && close('cancel'), { signal: scope.signal });

    keepKeysInside(host, scope.signal, (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close('cancel');
      } else if (event.key === 'Tab') {
        const controls = focusables(root);
        const index = controls.indexOf(root.activeElement as HTMLElement);
        const next = event.shiftKey ? (index <= 0 ? controls.length - 1 : index - 1) : (index + 1) % controls.length;
        event.preventDefault();
        controls[next]?.focus();
      }
    });
    // Focus that escapes anyway (a click outside on a focusable page element) comes back.
    document.addEventListener('focusin', (event) => event.target !== host && (actions.firstElementChild as HTMLElement).focus(), { signal: scope.signal });
    document.body.append(host);
    (actions.firstElementChild as HTMLElement).focus();
  });
}
