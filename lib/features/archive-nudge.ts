import { post } from '../content/messages';
import { showArchiveNudge } from '../ui/archive-nudge';
import type { Feature } from './feature';
import { FEATURE_DESCRIPTIONS } from './catalog';

/** Controls that turn Enter or Space into a click themselves: their click is what gets caught. */
const NATIVE_CONTROLS = 'button, a[href], input, summary, select, textarea';

function pointerOf(event: MouseEvent): MouseEventInit {
  const { clientX, clientY, screenX, screenY, button, ctrlKey, metaKey, shiftKey, altKey } = event;
  return { clientX, clientY, screenX, screenY, button, ctrlKey, metaKey, shiftKey, altKey };
}

/**
 * archive-nudge: activating a delete action (comment, message, issue, task, channel, repository,
 * project, revision, document) first shows why keeping history matters and the tool's own
 * alternative; "Delete anyway" performs the original action, Cancel or Esc leaves the page as it was.
 */
export const archiveNudge: Feature = {
  id: 'archive-nudge',
  description: FEATURE_DESCRIPTIONS['archive-nudge'],
  init(page, signal) {
    if (!page.settings.archiveNudge) return;
    const { adapter } = page;
    let replaying = false;
    let open = false;

    const note = (event: 'deletion-avoided' | 'deleted-anyway', detail: string) =>
      void post('openness-event', { tool: adapter.id, place: page.place, event, detail }).catch(() => undefined);

    const intercept = (event: Event) => {
      if (replaying || open || !(event.target instanceof Element)) return;
      if (event instanceof KeyboardEvent && (!['Enter', ' '].includes(event.key) || event.target.closest(NATIVE_CONTROLS))) return;
      const action = adapter.deleteAction(event.target);
      if (!action) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const target = event.target;
      // The original event, to dispatch again on the same element (a click's activation, a link's
      // navigation and a form's submit follow a dispatched click as they follow a real one).
      const again =
        event instanceof KeyboardEvent
          ? () => new KeyboardEvent('keydown', { key: event.key, code: event.code, bubbles: true, cancelable: true, composed: true })
          : () => new MouseEvent('click', { ...pointerOf(event as MouseEvent), bubbles: true, cancelable: true, composed: true, view: page.win });
      const alternative = adapter.archiveAlternative(action, page.doc);
      open = true;
      void showArchiveNudge({ target: action.target, toolName: adapter.name, alternative, anchor: action.element, signal }).then((choice) => {
        open = false;
        if (signal.aborted) return;
        if (choice === 'cancel') return note('deletion-avoided', 'cancelled');
        if (choice === 'alternative') {
          note('deletion-avoided', 'alternative');
          alternative?.control?.click();
          return;
        }
        note('deleted-anyway', action.target);
        replaying = true;
        try {
          target.dispatchEvent(again());
        } finally {
          replaying = false;
        }
      });
    };
    page.win.addEventListener('click', intercept, { capture: true, signal });
    page.win.addEventListener('keydown', intercept, { capture: true, signal });
  },
};
