import type { ToolId } from '../tools/tool-ids';

/** A private place the user can make a choice about: a repository, project, channel or conversation. */
export interface PlaceRef {
  /** `tool|origin|container`, stable across the pages of one place. */
  key: string;
  /** The place in the page's words. */
  label: string;
  /** The page's origin and path (no query: it can hold tokens). */
  url: string;
}

/**
 * Choices hold for the whole place the adapter names as the page's container (every issue of a
 * repository, every message of a channel); a page with no container is its own place.
 */
export function placeRef(tool: ToolId, url: URL, container: string, title: string): PlaceRef {
  const where = container.trim();
  return {
    key: `${tool}|${url.origin}|${where || url.pathname}`,
    label: where || title.trim() || url.pathname,
    url: url.origin + url.pathname,
  };
}
