/** Daylight puts back what a host page removed from one element at most this many times. */
export const MAX_REAPPLIES = 3;

const isOurs = (node: Node) => node.nodeType === 1 && (node as Element).hasAttribute('data-daylight');

/**
 * Whether `record` is the host page taking away what Daylight wrote: one of Daylight's markers
 * removed from an element, or only Daylight's own elements (a Thank host) removed from it.
 */
function isStrip(record: MutationRecord, markerNames: readonly string[]): boolean {
  if (record.type === 'attributes') {
    const name = record.attributeName ?? '';
    return markerNames.includes(name) && record.target.nodeType === 1 && !(record.target as Element).hasAttribute(name);
  }
  if (record.type !== 'childList' || record.addedNodes.length > 0 || record.removedNodes.length === 0) return false;
  for (const node of record.removedNodes) if (!isOurs(node)) return false;
  return true;
}

/**
 * Keeps Daylight out of a fight with a page that removes its markers and elements as soon as they
 * are written (lib/content/page-session.ts): each element gets its markers and elements back at
 * most MAX_REAPPLIES times, after which its strips are no longer worth a batch. The page's own
 * changes (new content) are always handled. `onGiveUp` hears, once, when the first element is
 * given up, so Diagnostics can say why Daylight is missing there.
 */
export class HostFightGuard {
  private readonly reapplied = new WeakMap<Node, number>();
  private givenUp = 0;
  private told = false;

  constructor(
    private readonly markerNames: readonly string[],
    private readonly onGiveUp: () => void,
  ) {}

  /** How many elements Daylight stopped putting things back on. */
  get elementsGivenUp(): number {
    return this.givenUp;
  }

  /** Whether Daylight stopped putting things back on `node`. */
  leftAlone(node: Node): boolean {
    return (this.reapplied.get(node) ?? 0) >= MAX_REAPPLIES;
  }

  /** The records of a batch that are worth handling: strips past the bound are dropped. */
  filter(records: readonly MutationRecord[]): MutationRecord[] {
    const counted = new Set<Node>();
    const kept: MutationRecord[] = [];
    for (const record of records) {
      if (!isStrip(record, this.markerNames)) {
        kept.push(record);
        continue;
      }
      const target = record.target;
      const before = this.reapplied.get(target) ?? 0;
      if (before >= MAX_REAPPLIES) continue;
      // One re-apply per element per batch, however many of its markers went.
      if (!counted.has(target)) {
        counted.add(target);
        this.reapplied.set(target, before + 1);
        if (before + 1 === MAX_REAPPLIES) this.givenUp += 1;
      }
      kept.push(record);
    }
    if (this.givenUp > 0 && !this.told) {
      this.told = true;
      this.onGiveUp();
    }
    return kept;
  }
}
