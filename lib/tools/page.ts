import * as z from 'zod/mini';

/** Page kinds, exactly as contract.md section 2 lists them. */
export const PAGE_KINDS = [
  'issue',
  'pull_request',
  'merge_request',
  'discussion',
  'commit',
  'wiki',
  'task',
  'differential_revision',
  'channel',
  'private-channel',
  'dm',
  'group-dm',
  'thread',
  'other',
] as const;
export const PageKindSchema = z.enum(PAGE_KINDS);
export type PageKind = z.infer<typeof PageKindSchema>;

/** Who can see the place: `unknown` whenever the page does not say, never a guess of `public`. */
export const PLACES = ['public', 'private', 'unknown'] as const;
export const PlaceSchema = z.enum(PLACES);
export type Place = z.infer<typeof PlaceSchema>;
