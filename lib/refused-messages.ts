import { storage } from 'wxt/utils/storage';
import { lazy } from './lazy';
import type { ToolId } from './tools/tool-ids';

/** A content script's message refused for naming what is not its tab's, as Diagnostics lists it. */
export interface Refusal {
  at: number;
  type: string;
  tool: ToolId;
  /** The sending tab's origin and path. */
  page: string;
  reason: string;
}

/** Diagnostics keep the newest refusals. */
export const MAX_REFUSALS = 50;

export const refusalsItem = lazy(() => storage.defineItem<Refusal[]>('local:refusedMessages', { fallback: [], version: 1 }));
