// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PeopleTable } from '@/components/PeopleTable';
import { describeRowError, handleValue, haystackOf, sortOrder, splitHandles, toolHandles } from '@/components/PeopleModel';
import type { StoredPerson } from '@/lib/db';
import { TOOL_IDS } from '@/lib/tools/tool-ids';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function person(n: number, extra: Partial<StoredPerson> = {}): StoredPerson {
  const id = `p${String(n).padStart(5, '0')}`;
  return { id, name: `Person ${id}`, email: `${id}@acme.example`, team: `Team ${n % 7}`, handles: { github: `gh-${id}`, slack: `U0${id.toUpperCase()}X` }, handleKeys: [], updatedAt: 0, ...extra };
}

describe('PeopleModel', () => {
  it('splits handles on commas and |, and stores one handle as a string', () => {
    expect(splitHandles(' a, b |c,, ')).toEqual(['a', 'b', 'c']);
    expect(handleValue(['a'])).toBe('a');
    expect(handleValue(['a', 'b'])).toEqual(['a', 'b']);
    expect(handleValue([])).toBeUndefined();
  });

  it('lists a tool’s handles with those of its self-hosted instances', () => {
    const p = person(1, { handles: { gitlab: ['a', 'b'], 'gitlab:gitlab.acme.internal': 'c' } });
    expect(toolHandles(p, 'gitlab')).toEqual(['a', 'b', 'c (gitlab.acme.internal)']);
    expect(haystackOf(p)).toContain('\nc');
  });

  it('sorts by a column with blanks last in both directions', () => {
    const people = [person(1, { team: 'b' }), person(2, { team: undefined }), person(3, { team: 'A' })];
    expect([...sortOrder(people, 'team', 'ascending')]).toEqual([2, 0, 1]);
    expect([...sortOrder(people, 'team', 'descending')]).toEqual([0, 2, 1]);
  });

  it('words row errors as "Line N: field: reason"', () => {
    expect(describeRowError({ line: 4, field: 'email', message: 'bad' })).toBe('Line 4: email: bad');
    expect(describeRowError({ line: 0, message: 'unreachable' })).toBe('unreachable');
  });
});

describe('PeopleTable', () => {
  let container: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  it('renders only a window of 50,000 people, with valid table semantics', () => {
    const people = Array.from({ length: 50_000 }, (_, i) => person(i));
    act(() => root.render(<PeopleTable people={people} conflicts={[]} onEdit={vi.fn()} onArchive={vi.fn()} />));
    const table = container.querySelector('[role="table"]');
    expect(table?.getAttribute('aria-label')).toBe('People');
    expect(table?.getAttribute('aria-rowcount')).toBe('50001');
    const rows = container.querySelectorAll('[role="rowgroup"] > [role="row"][data-person]');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(80);
    expect(rows[0]?.getAttribute('aria-rowindex')).toBe('2');
    for (const row of rows) expect(row.querySelectorAll(':scope > [role="cell"]').length).toBe(4 + TOOL_IDS.length + 1); // name, team, local time, e-mail, one per tool, actions
    expect(container.querySelectorAll('[role="columnheader"][aria-sort="ascending"]').length).toBe(1);
  });

  it('renders hostile text as text, and archives through the callback', () => {
    const hostile = person(1, { name: '<img src=x onerror="globalThis.pwned=1">\u202Eevil' });
    const onArchive = vi.fn();
    act(() => root.render(<PeopleTable people={[hostile]} conflicts={[]} onEdit={vi.fn()} onArchive={onArchive} />));
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[data-column="name"] bdi')?.textContent).toBe(hostile.name);
    const archive = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Archive');
    act(() => archive?.click());
    expect(onArchive).toHaveBeenCalledWith(hostile, true);
  });
});
