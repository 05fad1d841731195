import { describe, expect, it } from 'vitest';
import { isThanks } from '@/lib/kudos/classify';

/** Real phrasings from code review and chat, and the look-alikes that must not count. */
const THANKING: readonly string[] = [
  'Thanks @priya-r, that fixed it.',
  'thanks!',
  'Thank you for the quick turnaround.',
  'thank u so much',
  'Thx for the review',
  'ty!',
  'tysm, this unblocked the release',
  'Many thanks for digging into this.',
  'Much appreciated 🙏',
  'I really appreciate you picking this up on a Friday.',
  'Appreciate it!',
  'Kudos to @lena for the migration plan.',
  'Props to Priya for catching the double-post bug.',
  'Shout-out to @nadia for the runbook.',
  'Hats off, that was a tough one.',
  'So grateful for the help on the incident review.',
  'Cheers for the quick fix!',
  'Great catch, the retry was never idempotent.',
  'Nice work on the dashboard.',
  '🙏',
  'Merci pour la revue !',
  'Danke für die schnelle Antwort.',
  'Gracias por el cambio.',
  'ありがとうございます！',
  'Спасибо за помощь',
  'Thanks all! The draft is up in #118.',
  'Thanks to @contract-writer-ana for the copy edit on the escalation section.',
  'LGTM, thanks for the quick turnaround.',
  'Thanks both. Please keep customer names out of this channel.',
  'THANK YOU',
];

const NOT_THANKING: readonly string[] = [
  'No thanks, I will do it myself.',
  'no, thank you',
  'Thanks, but no thanks.',
  'Thanks in advance for reviewing!',
  'Could you take a look? TIA',
  'Thanks for nothing.',
  'Thank goodness the backup worked.',
  'Thank god it was staging.',
  'Thanks to the outage we lost a day.',
  'Thanks to this change, builds are slower.',
  'No need to thank me.',
  "Don't thank me.",
  'Thankfully nothing leaked.',
  'Out for Thanksgiving next week.',
  'A thankless job, rotating keys.',
  'Please review the on-call checklist.',
  'The thanker service is deprecated.',
  'LGTM',
  'Can you take this one, @priya?',
  'tyre pressure alerts are noisy',
  '',
];

describe('isThanks', () => {
  it.each(THANKING.map((t) => [t]))('counts %j as thanks', (text) => {
    expect(isThanks(text)).toBe(true);
  });
  it.each(NOT_THANKING.map((t) => [t]))('does not count %j', (text) => {
    expect(isThanks(text)).toBe(false);
  });
  it('still counts real thanks next to a look-alike', () => {
    expect(isThanks('Thanks in advance, and thanks @lena for yesterday’s fix!')).toBe(true);
    expect(isThanks('No thanks needed for the review; thank you for the patch though.')).toBe(true);
  });
  it('reads full-width and accented letters as what they normalise to, and ordinary updates as no thanks', () => {
    expect(isThanks('ＴＨＡＮＫＳ @lena-k')).toBe(true);
    expect(isThanks('Dziękuję @lena-k za poprawkę')).toBe(true);
    expect(isThanks('@lena-k děkuji moc')).toBe(true);
    expect(isThanks('Update 12: @Priya Raman the deploy is green.')).toBe(false);
    expect(isThanks('')).toBe(false);
  });
});
