import type { ComposerReading } from '../tools/adapter';

/**
 * The page's composers for features that react to typing, clicks and sends: found once, and again
 * only after `reset` (finding them reads the whole page and checks each editor's visibility). A
 * target in none of them is looked for once more with a fresh search, since a composer may have
 * appeared since the features last heard of the page (they hear in idle time after each frame, and
 * a reply box can open and take a keystroke before that); a target that is still in none is
 * remembered as such until the next `reset`.
 */
export class ComposerLookup {
  private composers: ComposerReading[] | undefined;
  /** Targets in no composer's editor, and in no composer's submit control (a click on an editor is neither a miss for typing nor a send). */
  private misses = { editor: new WeakSet<Node>(), submit: new WeakSet<Node>() };

  constructor(private readonly find: () => ComposerReading[]) {}

  /** The page may have changed its composers: search again when next asked. */
  reset(): void {
    this.composers = undefined;
    this.misses = { editor: new WeakSet(), submit: new WeakSet() };
  }

  /** Every composer, as last found (found now if they were not). */
  all(): ComposerReading[] {
    return (this.composers ??= this.find());
  }

  /** The composer whose editor (or submit control) holds `target`. */
  of(target: EventTarget | null, part: 'editor' | 'submit' = 'editor'): ComposerReading | undefined {
    if (!(target instanceof Node) || this.misses[part].has(target)) return undefined;
    const holding = () => this.all().find((composer) => composer[part]?.contains(target));
    let found = holding();
    if (!found) {
      this.composers = undefined;
      found = holding();
    }
    if (!found) this.misses[part].add(target);
    return found;
  }
}
