import { describe, expect, it } from 'vitest';
import { t, tn, tNodes } from '@/lib/i18n/t';
import { describeLocalNow, describeWait, localNow } from '@/lib/people/working-time';
import { setTestLocale } from './locale-messages';

describe('t and tn', () => {
  it('fill placeholders in each language’s own order', () => {
    expect(t('localTimeIn', '09:40', 'Warsaw')).toBe('09:40 in Warsaw');
    setTestLocale('ja');
    expect(t('localTimeIn', '09:40', 'ワルシャワ')).toBe('ワルシャワ は 09:40');
  });

  it('choose plural forms by the language’s rules, with the count formatted', () => {
    expect([tn('waitHours', 1), tn('waitHours', 7)]).toEqual(['about 1 hour', 'about 7 hours']);
    setTestLocale('de');
    expect([tn('waitHours', 1), tn('waitDays', 2)]).toEqual(['in etwa 1 Stunde', 'in etwa 2 Tagen']);
    setTestLocale('ja');
    expect(tn('waitHours', 1)).toBe('約 1 時間');
  });

  it('put a node where its placeholder is, whatever the word order', () => {
    const name = { nodeName: 'SPAN' } as unknown as Node;
    expect(tNodes('hintAway', name, '02:14 in Manila', 'about 7 hours')).toEqual([name, ' is outside working hours (02:14 in Manila); likely to read this in about 7 hours.']);
    setTestLocale('ja');
    expect(tNodes('hintAway', name, 'マニラは 02:14', '約 7 時間')[0]).toBe(name);
  });

  it('words local times in the user’s language', () => {
    const now = localNow({ timeZone: 'Asia/Manila', workingHours: '09:00-17:00' }, new Date('2026-12-07T18:14:00Z'), 'de')!;
    setTestLocale('de');
    expect(describeLocalNow(now)).toBe('02:14 in Manila, außerhalb der Arbeitszeit');
    expect(describeWait(now.minutesUntilWorking!)).toBe('in etwa 7 Stunden');
  });

  it('shows a missing key as itself rather than nothing', () => {
    expect(t('noSuchKey' as never)).toBe('noSuchKey');
  });
});
