import * as z from 'zod/mini';
import { lazy } from '../lazy';

/** Page kinds, exactly as docs/contract.md section 2 lists them. */
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
export type PageKind = (typeof PAGE_KINDS)[number];
export const pageKindSchema = lazy(() => z.enum(PAGE_KINDS));

/** Who can see the place: `unknown` whenever the page does not say, never a guess of `public`. */
export const PLACES = ['public', 'private', 'unknown'] as const;
export type Place = (typeof PLACES)[number];
export const placeSchema = lazy(() => z.enum(PLACES));
