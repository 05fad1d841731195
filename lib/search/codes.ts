import type { PageKind, Place } from '../tools/page';
import type { ToolId } from '../tools/tool-ids';

/**
 * The numbers stored segments keep for a document's tool, page kind and place (segment.ts). They
 * are frozen: a stored segment outlives any reordering of TOOL_IDS or PAGE_KINDS, so codes are
 * written out here, never derived from a list's order. A new tool or kind takes the next unused
 * number; a code is never changed or reused (tests/unit/search/codes.test.ts pins them). The
 * Record types make a tool or kind without a code a type error.
 */
export const TOOL_CODES: Readonly<Record<ToolId, number>> = {
  github: 0,
  gitlab: 1,
  slack: 2,
  mattermost: 3,
  asana: 4,
  phabricator: 5,
  gitea: 6,
};

export const KIND_CODES: Readonly<Record<PageKind, number>> = {
  issue: 0,
  pull_request: 1,
  merge_request: 2,
  discussion: 3,
  commit: 4,
  wiki: 5,
  task: 6,
  differential_revision: 7,
  channel: 8,
  'private-channel': 9,
  dm: 10,
  'group-dm': 11,
  thread: 12,
  other: 13,
};

export const PLACE_CODES: Readonly<Record<Place, number>> = {
  public: 0,
  private: 1,
  unknown: 2,
};

/** Codes are stored in a Uint8Array. */
export const MAX_CODE = 255;
