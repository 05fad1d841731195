// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UndoButton } from '@/components/ThanksLedger';
import type { ThanksEntry } from '@/lib/db';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const entry = (extra: Partial<ThanksEntry> = {}): ThanksEntry => ({
  id: 't1', direction: 'given', at: 0, tool: 'github', handle: 'lena-k', personId: 'lena', name: 'Lena Kowalski',
  permalink: 'https://github.com/acme/x/issues/1#issuecomment-1', postKey: 'k', excerpt: '', note: '', via: 'record', private: false, ...extra,
});

afterEach(() => document.body.replaceChildren());

function render(node: React.ReactNode): HTMLButtonElement {
  const host = document.body.appendChild(document.createElement('div'));
  act(() => createRoot(host).render(node));
  return host.querySelector('button')!;
}

describe('ledger Undo button', () => {
  it('archives an active thanks, named for the person and the direction', () => {
    const onArchive = vi.fn();
    const button = render(<UndoButton entry={entry()} name="Lena Kowalski" onArchive={onArchive} />);
    expect(button.textContent).toBe('Undo');
    expect(button.getAttribute('aria-label')).toBe('Undo thanks to Lena Kowalski');
    act(() => button.click());
    expect(onArchive).toHaveBeenCalledWith(true);
  });

  it('restores an archived one', () => {
    const onArchive = vi.fn();
    const button = render(<UndoButton entry={entry({ direction: 'received', archivedAt: 5 })} name="Lena Kowalski" onArchive={onArchive} />);
    expect(button.textContent).toBe('Restore');
    expect(button.getAttribute('aria-label')).toBe('Restore thanks from Lena Kowalski');
    act(() => button.click());
    expect(onArchive).toHaveBeenCalledWith(false);
  });
});
