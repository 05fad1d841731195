import { uiLanguage } from '../i18n/t';
import { ComposerLookup } from '../content/composer-lookup';
import { draftHandles } from '../content/draft-mentions';
import type { ComposerReading } from '../tools/adapter';
import { describeWait, describeWhere, localNow } from '../people/working-time';
import { WorkingHoursHint, type AwayPerson } from '../ui/working-hours-hint';
import type { Feature, PageContext } from './feature';
import { FEATURE_DESCRIPTIONS } from './catalog';

/** Read the draft this long after the last keystroke: the hint is quiet, never in the way of typing. */
const TYPING_PAUSE_MS = 300;

/** The people a draft mentions who are outside their working hours now (never the viewer). */
async function awayPeople(page: PageContext, handles: readonly string[]): Promise<AwayPerson[]> {
  const viewer = page.adapter.viewer(page.doc);
  await page.people.resolve(viewer ? [...handles, viewer] : handles);
  const viewerId = viewer ? page.people.get(viewer)?.id : undefined;
  const ids = new Set<string>();
  for (const handle of handles) {
    const person = page.people.get(handle);
    if (person && person.id !== viewerId && handle !== viewer) ids.add(person.id);
  }
  const now = new Date();
  const cards = await Promise.all([...ids].map((id) => page.people.card(id)));
  return cards.flatMap((card) => {
    const local = card?.time ? localNow(card.time, now, uiLanguage()) : undefined;
    if (!card || !local || local.working !== false) return [];
    const person: AwayPerson = { name: card.name, where: describeWhere(local) };
    if (local.minutesUntilWorking !== undefined) person.wait = describeWait(local.minutesUntilWorking);
    return [person];
  });
}

/** Whether the composer holds any text yet (a textarea's value, or an editor's text). */
function hasDraft(editor: HTMLElement): boolean {
  const text = editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement ? editor.value : (editor.textContent ?? '');
  return text.trim() !== '';
}

/**
 * The people the viewer is writing to in a direct or group message: the authors of the conversation's
 * posts, as the adapter reads them (bots have none), the viewer left out later. Empty elsewhere, and in
 * a direct message the other person has not written in yet.
 */
function conversationPartners(page: PageContext): string[] {
  if (page.kind !== 'dm' && page.kind !== 'group-dm') return [];
  return [...new Set(page.adapter.posts(page.doc).flatMap((post) => (post.author ? [post.author] : [])))];
}

/**
 * working-hours-hint: while a draft mentions someone whose directory entry says they are outside
 * working hours now, or is written in a direct message to such a person, a quiet note beside the
 * composer says so and roughly when they will likely read it. Nothing is held or changed; switched off like any feature (`disabledFeatures`).
 */
export const workingHoursHint: Feature = {
  id: 'working-hours-hint',
  description: FEATURE_DESCRIPTIONS['working-hours-hint'],
  init(page, signal) {
    const hints = new Map<HTMLElement, WorkingHoursHint>();
    const composers = new ComposerLookup(() => page.adapter.composers(page.doc));
    // Read again when the conversation shows more posts (someone new may have written).
    let partners: string[] | undefined;
    page.onContent(() => {
      composers.reset();
      partners = undefined;
    }, signal);
    const timers = new Map<HTMLElement, ReturnType<typeof setTimeout>>();
    const asked = new Map<HTMLElement, number>();
    signal.addEventListener(
      'abort',
      () => {
        for (const hint of hints.values()) hint.remove();
        for (const timer of timers.values()) clearTimeout(timer);
      },
      { once: true },
    );

    const update = async (composer: ComposerReading) => {
      const { editor, container } = composer;
      const ticket = (asked.get(editor) ?? 0) + 1;
      asked.set(editor, ticket);
      const inConversation = hasDraft(editor) ? (partners ??= conversationPartners(page)) : [];
      const handles = [...new Set([...draftHandles(page.adapter, editor), ...inConversation])];
      const away = handles.length > 0 ? await awayPeople(page, handles).catch(() => []) : [];
      if (signal.aborted || asked.get(editor) !== ticket) return;
      let hint = hints.get(editor);
      if (away.length === 0 || !editor.isConnected) {
        hint?.remove();
        hints.delete(editor);
        return;
      }
      if (!hint) hints.set(editor, (hint = new WorkingHoursHint()));
      hint.show(away, container);
      // Just above the composer, below a private-place warning that may already be there.
      if (hint.host.nextElementSibling !== container) container.before(hint.host);
    };

    const onDraftChange = (event: Event) => {
      if ((event as InputEvent).isComposing || !(event.target instanceof HTMLElement)) return;
      const composer = composers.of(event.target);
      if (!composer) return;
      clearTimeout(timers.get(composer.editor));
      timers.set(
        composer.editor,
        setTimeout(() => void update(composer), TYPING_PAUSE_MS),
      );
    };
    page.doc.addEventListener('input', onDraftChange, { signal, capture: true });
    page.doc.addEventListener('compositionend', onDraftChange, { signal, capture: true });
  },
};
