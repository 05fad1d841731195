import type { Settings } from './settings';

/**
 * Defaults, in a module of their own without schemas, so that content scripts (which receive
 * settings already validated by the background) carry no validation code.
 */
export const DEFAULT_PRIVATE_REASONS = ['Security', 'HR', 'Legal', 'Personal', 'Customer data'];

export const DEFAULT_SETTINGS: Settings = {
  directoryUrl: '',
  directoryToken: '',
  directoryRefreshMinutes: 360,
  selfHosted: {},
  privateWarning: 'warn',
  /** Where the page does not say who can see it, warn too (off: such pages are often public). */
  privateWarningUnknown: false,
  privateReasons: DEFAULT_PRIVATE_REASONS,
  archiveNudge: true,
  kudosWebhookUrl: '',
  helpdeskUrl: '',
  captureExclude: [],
  /** Search capture switched off by the user (nothing new is stored; search still works). */
  capturePaused: false,
  /** The user's own sites never captured (match patterns), on top of the policy's `captureExclude`. */
  captureSkip: [],
  disabledFeatures: [],
  /** Tools searched live from the popup, by tool id; a tool not named follows its default (lib/search/live/sources.ts). */
  liveSearch: {},
};


/**
 * The user's own switches, which policy does not set: an organisation excludes pages with
 * `captureExclude` and switches capture off with `disabledFeatures`.
 */
export const USER_ONLY_SETTINGS: ReadonlySet<string> = new Set(['capturePaused', 'captureSkip']);
