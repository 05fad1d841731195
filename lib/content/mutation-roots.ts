/** Above this many changed subtrees in one frame, one pass over the whole document is cheaper. */
export const MAX_ROOTS = 200;
/** This many changed siblings are read as one pass over their parent (a list that grew). */
export const SIBLINGS_AS_PARENT = 4;

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
  // Many siblings added at once (messages appended to a chat list) are read as one pass over their
  // parent before anything looks up the tree: one `closest` for the list, not one per message.
  const byParent = new Map<Element | null, Element[]>();
  for (const root of roots) {
    if (!root.isConnected) continue;
    const siblings = byParent.get(root.parentElement);
    if (siblings) siblings.push(root);
    else byParent.set(root.parentElement, [root]);
  }
  const candidates: Element[] = [];
  for (const [parent, children] of byParent) {
    if (parent !== null && children.length >= SIBLINGS_AS_PARENT) candidates.push(parent);
    else candidates.push(...children);
  }
  const widened = new Set<Element>();
  const siblings = new Map<Element, number>();
  for (const root of candidates) {
    const post = root.closest(postSelector) ?? root;
    widened.add(post);
    if (post.parentElement) siblings.set(post.parentElement, (siblings.get(post.parentElement) ?? 0) + 1);
  }
  // Posts that changed one by one in the same list (reactions on several messages): one pass over the list.
  for (const [parent, count] of siblings) {
    if (count < SIBLINGS_AS_PARENT) continue;
    for (const child of parent.children) widened.delete(child);
    widened.add(parent);
  }
  return [...widened].filter((root) => {
    for (let parent = root.parentElement; parent; parent = parent.parentElement) if (widened.has(parent)) return false;
    return true;
  });
}
