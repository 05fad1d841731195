import { describe, expect, it } from 'vitest';
import { warningWords } from '@/lib/openness/warning-words';
import { placeRef } from '@/lib/openness/place-key';

describe('warningWords', () => {
  it.each([
    ['private', 'Only members of #payments-core', 'private-channel', 'Only members of #payments-core'],
    ['private', 'Only you and 2 others', 'group-dm', 'Only you and 2 others'],
    ['private', 'Private repository acme/payments-core', 'issue', 'Private repository acme/payments-core'],
    ['private', undefined, 'dm', 'Only the people in this conversation'],
    ['private', undefined, 'merge_request', 'Only people with access to this merge request'],
    ['private', '   ', 'other', 'Only people with access to this place'],
    ['unknown', undefined, 'channel', 'Daylight cannot tell who can see this page'],
  ] as const)('%s, audience %j on a %s page: who = %j', (place, audience, kind, who) => {
    expect(warningWords(place, audience, kind).who).toBe(who);
  });

  it('suggests an open channel in chat and an open place elsewhere', () => {
    expect(warningWords('private', undefined, 'dm').suggestion).toMatch(/open channel/);
    expect(warningWords('private', undefined, 'issue').suggestion).toMatch(/somewhere open/);
    expect(warningWords('unknown', undefined, 'issue').headline).toBe('Who can see this?');
  });
});

describe('placeRef', () => {
  it('is the container across its pages, and the page itself without one', () => {
    const a = placeRef('github', new URL('https://github.com/acme/pay/issues/1?token=x#c'), 'acme/pay', 'Title');
    const b = placeRef('github', new URL('https://github.com/acme/pay/pull/2'), 'acme/pay', 'Other');
    expect(a.key).toBe(b.key);
    expect(a).toMatchObject({ label: 'acme/pay', url: 'https://github.com/acme/pay/issues/1' });
    const lone = placeRef('asana', new URL('https://app.asana.com/0/0/123'), '', 'Fix it');
    expect(lone).toMatchObject({ key: 'asana|https://app.asana.com|/0/0/123', label: 'Fix it' });
  });
});
