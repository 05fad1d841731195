// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { MentionSuggestions } from '@/lib/ui/mention-suggestions';
import type { Suggestion } from '@/lib/people/suggest';

const omar = (): Suggestion => ({ id: 'omar', name: 'Omar Haddad', handle: 'omar.h', insert: 'Omar Haddad', time: { timeZone: 'Asia/Beirut' } as Suggestion['time'] });
const nadia = (): Suggestion => ({ id: 'nadia', name: 'Nadia Osei', handle: 'nadia', insert: 'Nadia Osei' });
const near = new DOMRect(10, 10, 100, 20);
const options = () => [...document.querySelector('[data-daylight="mention-suggestions"]')!.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];

afterEach(() => {
  document.body.innerHTML = '';
});

describe('mention suggestions', () => {
  it('a click under way lands when the same people arrive again for a later keystroke', () => {
    const list = new MentionSuggestions();
    const chosen: string[] = [];
    list.onChoose = (item) => chosen.push(item.id);
    list.show([omar(), nadia()], near, document.body);
    const [first] = options();
    first!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    list.show([omar(), nadia()], near, document.body); // equal answers, new objects
    expect(first!.isConnected).toBe(true);
    first!.click();
    expect(chosen).toEqual(['omar']);
  });

  it('other people replace the list', () => {
    const list = new MentionSuggestions();
    list.show([omar(), nadia()], near, document.body);
    const [first] = options();
    list.show([nadia()], near, document.body);
    expect(first!.isConnected).toBe(false);
    expect(options().map((option) => option.dataset.person)).toEqual(['nadia']);
  });
});
