// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { WelcomeApp } from '@/components/WelcomeApp';
import { PersonCardView } from '@/lib/ui/person-card';
import { WorkingHoursHint } from '@/lib/ui/working-hours-hint';
import { warningWords } from '@/lib/openness/warning-words';
import { showArchiveNudge } from '@/lib/ui/archive-nudge';
import { PrivateWarningBanner } from '@/lib/ui/private-warning';
import { lightThankHost, ThankButton } from '@/lib/ui/thank-button';
import { setTestLocale } from './locale-messages';

/** Text with letters that is not pseudo-localised (⟦…⟧): a hard-coded string. Names and data are given as `allowed`. */
function untranslated(root: Node, allowed: readonly string[]): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    if (node.parentElement?.tagName === 'STYLE') continue;
    if (/\p{L}{2,}/u.test(text) && !/[⟦⟧]/.test(text) && !allowed.includes(text)) texts.push(text);
  }
  const labelled = root instanceof Element || root instanceof ShadowRoot ? [...root.querySelectorAll('[aria-label], [title]')] : [];
  for (const element of labelled) for (const name of ['aria-label', 'title']) {
    const value = element.getAttribute(name);
    if (value && /\p{L}{2,}/u.test(value) && !/[⟦⟧]/.test(value) && !allowed.includes(value)) texts.push(`${name}: ${value}`);
  }
  return texts;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the pseudo-locale leaves no hard-coded words', () => {
  it('on the welcome page', () => {
    setTestLocale('pseudo');
    const host = document.createElement('div');
    document.body.append(host);
    act(() => createRoot(host).render(<WelcomeApp />));
    expect(untranslated(host, [])).toEqual([]);
    expect(host.querySelector('h1, header')?.textContent).toMatch(/^⟦Wélçömé/);
  });

  it('on a person card and the working-hours hint', () => {
    setTestLocale('pseudo');
    const anchor = document.createElement('a');
    document.body.append(anchor);
    const view = new PersonCardView('github', (_tool, href) => href);
    view.show(
      { id: 'lena', name: 'Lena Kowalski', team: 'Growth', profiles: [{ tool: 'gitlab', key: 'gitlab', handle: 'lena.k', url: null }], time: { timeZone: 'Asia/Manila', workingHours: '09:00-17:00' } },
      anchor,
    );
    const card = view.element!.shadowRoot!;
    expect(untranslated(card, ['Lena Kowalski', 'Growth', 'lena.k', 'GitLab'])).toEqual([]);
    view.hide();
    const hint = new WorkingHoursHint();
    hint.show([{ name: 'Lena Kowalski', where: 'somewhere', wait: 'soon' }], anchor);
    document.body.append(hint.host);
    expect(untranslated(hint.host.shadowRoot!, ['Lena Kowalski'])).toEqual([]);
  });

  it('on the private-place warning, the held send, the archive nudge and the Thank panel (what Daylight puts on tool pages)', () => {
    setTestLocale('pseudo');
    const anchor = document.createElement('div');
    document.body.append(anchor);
    const banner = new PrivateWarningBanner(warningWords('private', undefined, 'channel'), ['Security'], 'https://help.acme.example', { onReason: () => undefined, onException: () => undefined }, anchor, new AbortController().signal);
    document.body.append(banner.host);
    banner.render(null);
    expect(untranslated(banner.host.shadowRoot!, ['Security'])).toEqual([]);
    void banner.hold();
    expect(untranslated(banner.host.shadowRoot!, ['Security'])).toEqual([]);
    banner.remove();

    const abort = new AbortController();
    void showArchiveNudge({ target: 'issue', toolName: 'GitHub', alternative: { label: 'Close issue', hint: 'Closing keeps the issue.', control: null }, anchor, signal: abort.signal });
    const nudge = document.querySelector('[data-daylight="archive-nudge"]')!;
    expect(untranslated(nudge.shadowRoot!, ['Close issue', 'Closing keeps the issue.', 'GitHub'])).toEqual([]);
    abort.abort();

    const host = lightThankHost('Lena Kowalski');
    document.body.append(host);
    const thank = new ThankButton(host, { name: 'Lena Kowalski', canReact: () => true, onChoose: () => undefined, onUndo: () => undefined });
    thank.open();
    expect(untranslated(host.shadowRoot!, ['Lena Kowalski'])).toEqual([]);
    expect(host.shadowRoot!.querySelector('button')?.textContent).toMatch(/^⟦/);
  });
});
