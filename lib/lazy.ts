/**
 * A value built on first use. Schemas are built this way so that a content script pays only for
 * the ones it actually uses, not for every schema in the modules it imports.
 */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
