import type { PersonBrief, PersonCard } from '../people/resolver';
import type { ToolId } from '../tools/tool-ids';
import { post } from './messages';

/**
 * Directory answers for this tab: handle → who it is (or null: not in the directory), and person
 * cards by id, fetched when first shown. Handles asked for in one frame go to the background in
 * one message.
 */
export class PeopleCache {
  private readonly known = new Map<string, PersonBrief | null>();
  private readonly cards = new Map<string, Promise<PersonCard | null>>();
  private readonly waiting = new Set<string>();
  private readonly asking = new Map<string, Promise<void>>();
  private flush: Promise<void> | undefined;

  constructor(
    private readonly tool: ToolId,
    private readonly origin: string,
  ) {}

  /** Who a handle is: a person, null when not in the directory, undefined when not asked yet. */
  get(handle: string): PersonBrief | null | undefined {
    return this.known.get(handle);
  }

  /** A person's card, fetched once (start it on hover, so it is there when the card opens). */
  card(id: string): Promise<PersonCard | null> {
    let card = this.cards.get(id);
    if (!card) {
      card = post('person-card', { id }).then(
        (answer) => answer.card,
        () => {
          this.cards.delete(id);
          return null;
        },
      );
      this.cards.set(id, card);
    }
    return card;
  }

  /** Ask for every handle not known yet; resolves once they are (handles already asked for are not asked twice). */
  resolve(handles: Iterable<string>): Promise<void> {
    const answers: Array<Promise<void>> = [];
    for (const handle of handles) {
      if (this.known.has(handle)) continue;
      const asked = this.asking.get(handle);
      if (asked) answers.push(asked);
      else this.waiting.add(handle);
    }
    if (this.waiting.size > 0) {
      // Everything asked for in this turn goes in one message (a microtask, not a frame: hidden tabs get no frames).
      this.flush ??= Promise.resolve().then(() => this.send());
      for (const handle of this.waiting) this.asking.set(handle, this.flush);
      answers.push(this.flush);
    }
    return Promise.all(answers).then(() => undefined);
  }

  /** Forget everything (the directory changed). */
  clear(): void {
    this.known.clear();
    this.asking.clear();
    this.cards.clear();
  }

  private async send(): Promise<void> {
    const handles = [...this.waiting];
    this.waiting.clear();
    this.flush = undefined;
    try {
      const { people } = await post('resolve-people', { tool: this.tool, origin: this.origin, handles });
      for (const handle of handles) this.known.set(handle, people[handle] ?? null);
    } catch {
      // The background is restarting: these handles are asked again on the next change.
    } finally {
      for (const handle of handles) this.asking.delete(handle);
    }
  }
}
