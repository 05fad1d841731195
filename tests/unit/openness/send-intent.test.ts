import { describe, expect, it } from 'vitest';
import { isSendKey, shouldHold, type HoldState, type SendKey } from '@/lib/openness/send-intent';

const key = (over: Partial<SendKey> = {}): SendKey => ({ key: 'Enter', keyCode: 13, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...over });

describe('isSendKey', () => {
  it.each([
    ['Enter in chat', key(), true, false, true],
    ['Enter in a code tool', key(), false, false, false],
    ['Shift+Enter (a new line)', key({ shiftKey: true }), true, false, false],
    ['Alt+Enter', key({ altKey: true }), true, false, false],
    ['Ctrl+Enter anywhere', key({ ctrlKey: true }), false, false, true],
    ['Cmd+Enter anywhere', key({ metaKey: true }), false, false, true],
    ['Ctrl+Shift+Enter', key({ ctrlKey: true, shiftKey: true }), false, false, false],
    ['another key', key({ key: 'a', keyCode: 65 }), true, false, false],
    ['Enter committing a composition (Chrome: isComposing)', key({ isComposing: true }), true, false, false],
    ['Enter committing a composition (Safari: keyCode 229)', key({ keyCode: 229 }), true, false, false],
    ['Ctrl+Enter while composing', key({ ctrlKey: true }), true, true, false],
    ['Enter between compositionstart and compositionend', key(), true, true, false],
  ] as const)('%s', (_name, event, enterSends, composing, expected) => {
    expect(isSendKey(event, enterSends, composing)).toBe(expected);
  });
});

describe('shouldHold', () => {
  const base: HoldState = { mode: 'confirm', warned: true, exception: false, reason: null, confirmed: false, draft: 'hello' };
  it('holds the first send in a private place in confirm mode', () => {
    expect(shouldHold(base)).toBe(true);
  });
  it.each([
    ['warn mode', { mode: 'warn' }],
    ['off', { mode: 'off' }],
    ['a public place', { warned: false }],
    ['an exception', { exception: true }],
    ['a reason on record', { reason: 'Security' }],
    ['after the user confirmed', { confirmed: true }],
    ['an empty draft', { draft: '' }],
  ] as const)('lets it through with %s', (_name, over) => {
    expect(shouldHold({ ...base, ...over })).toBe(false);
  });
});
