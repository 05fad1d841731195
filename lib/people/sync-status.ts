import { storage } from 'wxt/utils/storage';
import { lazy } from '../lazy';
import type { DirectorySync } from '../messaging';

/** The outcome of the last fetch of the organisation's directory: written by the background, shown in options. */
export const directorySyncItem = lazy(() => storage.defineItem<DirectorySync | null>('local:directorySync', { fallback: null, version: 1 }));
