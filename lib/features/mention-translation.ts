import { caretText, mentionQuery } from '../content/caret';
import { ComposerLookup } from '../content/composer-lookup';
import { post } from '../content/messages';
import { MentionSuggestions } from '../ui/mention-suggestions';
import type { Feature } from './feature';
import { FEATURE_DESCRIPTIONS } from './catalog';

/** Wait this long after the last keystroke before asking the directory. */
const TYPING_PAUSE_MS = 80;

/**
 * mention-translation: typing `@` and part of a person's name, e-mail or another tool's handle in
 * any composer offers that person, beside the host's own suggestions; choosing one types this
 * tool's handle (on Slack and Asana, the name, for their own picker). The draft is changed only
 * through the editor's own text input, so undo and the host's autocomplete keep working.
 */
export const mentionTranslation: Feature = {
  id: 'mention-translation',
  description: FEATURE_DESCRIPTIONS['mention-translation'],
  init(page, signal) {
    const panel = new MentionSuggestions();
    signal.addEventListener('abort', () => panel.hide(), { once: true });
    let editor: HTMLElement | undefined;
    let query = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    let asked = 0;
    // While an input method composes, the text before the caret is not final.
    let composing = false;

    // Found once per change of the page, not on every keystroke.
    const composers = new ComposerLookup(() => page.adapter.composers(page.doc));
    page.onContent(() => composers.reset(), signal);
    const composerOf = (target: EventTarget | null): HTMLElement | undefined => (target instanceof HTMLElement ? composers.of(target)?.editor : undefined);

    panel.onChoose = (suggestion) => {
      const target = editor;
      panel.hide();
      if (!target) return;
      const caret = caretText(target);
      if (caret && mentionQuery(caret.before) === query) caret.replace(query.length, `${suggestion.insert} `);
    };
    panel.onLeave = () => {
      panel.hide();
      editor?.focus();
    };

    const update = (target: HTMLElement) => {
      if (composing) return;
      const caret = caretText(target);
      const typed = caret ? mentionQuery(caret.before) : null;
      if (!caret || !typed) return panel.hide();
      editor = target;
      query = typed;
      const ticket = ++asked;
      void post('suggest-people', { tool: page.adapter.id, origin: page.url.origin, query: typed }).then(
        ({ suggestions }) => {
          if (signal.aborted || ticket !== asked) return;
          if (suggestions.length === 0) panel.hide();
          else panel.show(suggestions, caret.rect, target);
        },
        () => panel.hide(),
      );
    };

    page.doc.addEventListener(
      'input',
      (event) => {
        // Mid-composition text (IME) is not final: wait for compositionend.
        if ((event as InputEvent).isComposing) return;
        const target = composerOf(event.target);
        if (!target) return;
        clearTimeout(timer);
        timer = setTimeout(() => update(target), TYPING_PAUSE_MS);
      },
      { signal, capture: true },
    );
    page.doc.addEventListener(
      'compositionstart',
      () => {
        composing = true;
        clearTimeout(timer);
        panel.hide();
      },
      { signal, capture: true },
    );
    page.doc.addEventListener(
      'compositionend',
      (event) => {
        composing = false;
        const target = composerOf(event.target);
        if (target) update(target);
      },
      { signal, capture: true },
    );
    page.doc.addEventListener(
      'keydown',
      (event) => {
        if (!panel.open || !composerOf(event.target)) return;
        if (event.altKey && event.key === 'ArrowDown') {
          event.preventDefault();
          event.stopPropagation();
          panel.focus();
        } else if (event.key === 'Escape') panel.hide();
      },
      { signal, capture: true },
    );
    page.doc.addEventListener(
      'focusout',
      (event) => {
        if (event.target === editor && !(event.relatedTarget instanceof Node && page.doc.querySelector('[data-daylight="mention-suggestions"]')?.contains(event.relatedTarget))) {
          setTimeout(() => {
            if (!page.doc.querySelector('[data-daylight="mention-suggestions"]')?.matches(':focus-within')) panel.hide();
          }, 0);
        }
      },
      { signal },
    );
  },
};
