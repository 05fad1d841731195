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
};

