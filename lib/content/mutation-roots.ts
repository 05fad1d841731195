/** Above this many changed subtrees in one frame, one pass over the whole document is cheaper. */
export const MAX_ROOTS = 200;

/**
 * The subtrees a batch of mutations touched, widened to the post they are in (so a message whose
 * body re-rendered is read again whole) and with nested roots dropped. `'document'` when the
 * batch is too large to be worth splitting.
 */
export function changedRoots(records: readonly MutationRecord[], postSelector: string, markerNames: readonly string[]): Element[] | 'document' {
  const roots = new Set<Element>();
  for (const record of records) {
    if (record.type === 'attributes') {
      // Only our own markers are observed: a host re-render dropped one.
      if (record.target.nodeType === 1 && markerNames.includes(record.attributeName ?? '')) roots.add(record.target as Element);
      continue;
    }
    for (const node of record.addedNodes) if (node.nodeType === 1) roots.add(node as Element);
    if (record.target.nodeType === 1 && record.removedNodes.length > 0) roots.add(record.target as Element);
    if (roots.size > MAX_ROOTS) return 'document';
  }
  const widened = new Set<Element>();
  for (const root of roots) {
    if (!root.isConnected) continue;
    widened.add(root.closest(postSelector) ?? root);
  }
  return [...widened].filter((root) => {
    for (let parent = root.parentElement; parent; parent = parent.parentElement) if (widened.has(parent)) return false;
    return true;
  });
}
