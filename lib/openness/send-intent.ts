/** The parts of a keydown that decide whether it sends a draft. */
export interface SendKey {
  key: string;
  keyCode?: number;
  isComposing?: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * Whether a keydown in a composer sends it: Ctrl/Cmd+Enter everywhere, Enter alone where the tool
 * sends on Enter (chat). Never while an input method composes: that Enter commits the
 * composition (Chrome marks it `isComposing`; Safari ends the composition first and reports
 * keyCode 229), so `composing` covers the moment between.
 */
export function isSendKey(event: SendKey, enterSends: boolean, composing: boolean): boolean {
  if (event.key !== 'Enter' || composing || event.isComposing === true || event.keyCode === 229) return false;
  if (event.ctrlKey || event.metaKey) return !event.altKey && !event.shiftKey;
  return enterSends && !event.shiftKey && !event.altKey;
}

export interface HoldState {
  mode: 'off' | 'warn' | 'confirm';
  /** The place is private (or unknown, with the setting to warn there). */
  warned: boolean;
  /** The user said "Don't warn here again". */
  exception: boolean;
  /** A reason to keep this place private is on record. */
  reason: string | null;
  /** The user already confirmed a send on this page. */
  confirmed: boolean;
  /** The composer's text, trimmed (an empty composer sends nothing). */
  draft: string;
}

/** In confirm mode, the first send in a private place is held until the user decides. */
export function shouldHold(state: HoldState): boolean {
  return state.mode === 'confirm' && state.warned && !state.exception && state.reason === null && !state.confirmed && state.draft !== '';
}
