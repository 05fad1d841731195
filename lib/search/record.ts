import * as z from 'zod/mini';
import { lazy } from '../lazy';
import { pageKindSchema, placeSchema } from '../tools/page';
import { toolIdSchema } from '../tools/tool-ids';

import { MAX_PAGE_TEXT } from './record-limits';

export { MAX_PAGE_TEXT, MAX_POST_TEXT } from './record-limits';

const Short = (max: number) => z.string().check(z.maxLength(max));

/** A searchable record: a page, or one post on it. Its key is the canonical URL or permalink. */
export const captureRecordSchema = lazy(() => z.object({
  key: Short(2048),
  type: z.enum(['page', 'post']),
  tool: toolIdSchema(),
  kind: pageKindSchema(),
  place: placeSchema(),
  container: Short(300),
  title: Short(300),
  text: Short(MAX_PAGE_TEXT),
  author: z.nullable(Short(200)),
  /** Handles of the people who wrote on the page (page records) or were mentioned (posts too). */
  participants: z.array(Short(200)).check(z.maxLength(500)),
  mentions: z.array(Short(200)).check(z.maxLength(500)),
  time: z.nullable(Short(40)),
  url: Short(2048),
  /** For posts: the key of the page record they belong to. */
  pageKey: z.optional(Short(2048)),
}));
export type CaptureRecord = z.infer<ReturnType<typeof captureRecordSchema>>;
