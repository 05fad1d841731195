import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';

export interface VirtualColumn<T> {
  key: string;
  /** Header text (also the sort button's name). */
  header: string;
  width: number;
  /** Set on the sorted column only; other sortable columns get `none`. */
  sort?: 'ascending' | 'descending' | 'none';
  /** Present when the column is sortable: the header holds a button that calls it. */
  onSort?: () => void;
  cell: (row: T) => ReactNode;
  /** Keep the column in view while scrolling sideways (the name on the left, actions on the right). */
  sticky?: 'left' | 'right';
}

export interface VirtualTableProps<T> {
  label: string;
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: readonly VirtualColumn<T>[];
  /** Fixed row height, in pixels: what makes the visible window computable. */
  rowHeight: number;
  /** Height of the scroll container, in pixels. */
  height: number;
  /** Rows rendered above and below the visible ones. */
  overscan?: number;
  /** Extra attributes for a row (data-* for tests, class names). */
  rowAttributes?: (row: T) => Record<string, string | undefined>;
  /** When this changes the table scrolls back to the top (a new search or sort). */
  resetKey?: string;
}

const HEADER_HEIGHT = 36;

interface Focus {
  index: number;
  col: number;
}

/**
 * A table that renders only the rows in view (plus `overscan` above and below) at a fixed row
 * height, so that 50,000 rows scroll as smoothly as 50. The structure keeps valid table semantics
 * (table > rowgroup > row > columnheader/cell) with `aria-rowcount` and each row's
 * `aria-rowindex`, so assistive technology announces "row 12,345 of 50,001".
 *
 * Keyboard: the table itself is focusable and scrolls with the arrow and page keys; inside a row,
 * ArrowUp/ArrowDown move focus to the same control in the row above or below (rendering it first
 * when it is outside the window), and Home/End (with Ctrl) go to the first or last row. The row
 * holding focus stays rendered even when scrolled out of the window, so focus is never lost.
 */
export function VirtualTable<T>({ label, rows, rowKey, columns, rowHeight, height, overscan = 8, rowAttributes, resetKey }: VirtualTableProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(height);
  const [focused, setFocused] = useState<{ key: string; index: number } | null>(null);
  const pendingFocus = useRef<Focus | null>(null);
  const [, setFocusTick] = useState(0);

  useEffect(() => {
    const element = scroller.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight || height));
    observer.observe(element);
    return () => observer.disconnect();
  }, [height]);

  // Back to the top for a new search or sort (the scroll event then moves the window).
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [resetKey]);

  const bodyTop = Math.max(0, scrollTop);
  const first = Math.max(0, Math.floor(bodyTop / rowHeight) - overscan);
  const last = Math.min(rows.length, Math.ceil((bodyTop + viewport) / rowHeight) + overscan);

  const indexes: number[] = [];
  for (let i = first; i < last; i++) indexes.push(i);
  // Keep the focused row rendered (and still in the rows) even when it is out of the window.
  if (focused && (focused.index < first || focused.index >= last)) {
    const row = rows[focused.index];
    if (row !== undefined && rowKey(row) === focused.key) indexes.push(focused.index);
  }

  useLayoutEffect(() => {
    const target = pendingFocus.current;
    if (!target || !scroller.current) return;
    const control = scroller.current.querySelector<HTMLElement>(`[aria-rowindex="${target.index + 2}"] [data-col="${target.col}"]`);
    if (control) {
      pendingFocus.current = null;
      control.focus();
    }
  });

  /** Scroll so that row `index` is in view, then focus control `col` in it once it renders. */
  const moveTo = useCallback(
    (index: number, col: number) => {
      const element = scroller.current;
      if (!element) return;
      const top = index * rowHeight;
      const visible = element.clientHeight - HEADER_HEIGHT;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight > element.scrollTop + visible) element.scrollTop = top + rowHeight - visible;
      setScrollTop(element.scrollTop);
      pendingFocus.current = { index, col };
      setFocusTick((n) => n + 1);
    },
    [rowHeight],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const rowElement = target.closest<HTMLElement>('[data-vt-index]');
    const control = target.closest<HTMLElement>('[data-col]');
    if (!rowElement || !control || rows.length === 0) return;
    const index = Number(rowElement.dataset.vtIndex);
    const col = Number(control.dataset.col);
    const page = Math.max(1, Math.floor((viewport - HEADER_HEIGHT) / rowHeight) - 1);
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = index + 1;
    else if (event.key === 'ArrowUp') next = index - 1;
    else if (event.key === 'PageDown') next = index + page;
    else if (event.key === 'PageUp') next = index - page;
    else if (event.key === 'Home' && event.ctrlKey) next = 0;
    else if (event.key === 'End' && event.ctrlKey) next = rows.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    moveTo(Math.min(rows.length - 1, Math.max(0, next)), col);
  };

  const template = columns.map((c) => `${c.width}px`).join(' ');
  const totalWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const style = { height, '--vt-columns': template, '--vt-width': `${totalWidth}px`, '--vt-row': `${rowHeight}px`, scrollPaddingTop: HEADER_HEIGHT } as CSSProperties;

  return (
    <div
      ref={scroller}
      className="vt"
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      tabIndex={0}
      style={style}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const rowElement = (e.target as HTMLElement).closest<HTMLElement>('[data-vt-index]');
        if (rowElement?.dataset.vtKey !== undefined) setFocused({ key: rowElement.dataset.vtKey, index: Number(rowElement.dataset.vtIndex) });
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(null);
      }}
    >
      <div role="rowgroup" className="vt-head">
        <div role="row" aria-rowindex={1} className="vt-row">
          {columns.map((column) => (
            <div role="columnheader" key={column.key} aria-sort={column.onSort ? (column.sort ?? 'none') : undefined} className={cellClass(column)}>
              {column.onSort ? (
                <button type="button" className="vt-sort" onClick={column.onSort}>
                  {column.header}
                  <span aria-hidden="true" className="vt-sort-mark">
                    {column.sort === 'ascending' ? ' ▲' : column.sort === 'descending' ? ' ▼' : ''}
                  </span>
                </button>
              ) : (
                column.header
              )}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="vt-body" style={{ height: rows.length * rowHeight }}>
        {indexes.map((index) => {
          const row = rows[index] as T;
          const key = rowKey(row);
          return (
            <div
              role="row"
              key={key}
              aria-rowindex={index + 2}
              data-vt-index={index}
              data-vt-key={key}
              className="vt-row"
              style={{ top: index * rowHeight }}
              {...rowAttributes?.(row)}
            >
              {columns.map((column) => (
                <div role="cell" key={column.key} className={cellClass(column)} data-column={column.key}>
                  {column.cell(row)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function cellClass(column: { sticky?: 'left' | 'right' }): string {
  return column.sticky ? `vt-cell vt-sticky-${column.sticky}` : 'vt-cell';
}
