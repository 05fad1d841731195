/**
 * Ask the browser to keep Daylight's storage under pressure (navigator.storage.persist()): the
 * search index is the user's memory of what they saw. Only pages can ask (not the service worker).
 */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist().catch(() => false);
}
