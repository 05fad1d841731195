/**
 * Firefox runs content scripts in a sandbox that sees the page's objects through Xray wrappers:
 * a property a content script defines on one is an expando only the content script sees. The
 * page's own view of the object is its `wrappedJSObject`, and a getter the page calls must be
 * exported into the page's realm with `exportFunction`. Chromium has neither and needs neither.
 */
interface FirefoxSandbox {
  exportFunction?: <F extends (...args: never[]) => unknown>(fn: F, target: object) => F;
}

/** Define a getter on a page object (an event to dispatch, an element) that the page's own scripts read. */
export function definePageGetter(target: object, name: string, get: () => string | number | boolean): void {
  const page = (target as { wrappedJSObject?: object }).wrappedJSObject;
  const exportFunction = (globalThis as FirefoxSandbox).exportFunction;
  if (page && exportFunction) Object.defineProperty(page, name, { get: exportFunction(get, window), configurable: true });
  else Object.defineProperty(target, name, { get, configurable: true });
}
