import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { Alert, Box, Group, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import type { Page } from '../../../shared/schemas/common';

export interface VirtualColumn<T> {
  key: string;
  header: string;
  /** A CSS grid track: '110px', '2fr', 'minmax(120px, 1fr)'. */
  width: string;
  /** Set when the column sorts the list (the header becomes a button). */
  sortKey?: string;
  render: (row: T) => ReactNode;
}

/** Extra style and data-* attributes of a row drawn with its data (e.g. overdue rows in red). */
export type VirtualRowProps = { style?: CSSProperties } & { [data: `data-${string}`]: string | boolean | undefined };

export interface VirtualTableProps<T extends { id: number }> {
  /** The table's accessible name, e.g. 督导记录列表. */
  label: string;
  columns: VirtualColumn<T>[];
  /** One window of rows by offset/limit from a list channel; `total` counts every match. */
  fetchWindow: (offset: number, limit: number) => Promise<Page<T>>;
  /** Changes whenever the filters or sort change: the cache is dropped and the list starts at the top. */
  queryKey: string;
  onOpen: (row: T) => void;
  /** Shown instead of the rows when nothing matches. */
  empty: ReactNode;
  sort?: string;
  dir?: 'asc' | 'desc';
  onSort?: (sortKey: string, dir: 'asc' | 'desc') => void;
  onTotal?: (total: number | null) => void;
  /** Keep it stable (a module-level function): rows already drawn are not drawn again. */
  rowProps?: (row: T) => VirtualRowProps | undefined;
  rowHeight?: number;
  /** The scroll container's height (CSS). */
  height?: string;
}

/** Rows per request; a window is fetched once and kept while it is among the most recently used. */
const WINDOW = 100;
const KEEP_WINDOWS = 40;
/** Rows rendered above and below the visible ones, so a short scroll shows rows already drawn. */
const OVERSCAN = 12;
/** Rows fetched (not drawn) above and below the visible ones, so scrolling on finds them already here. */
const PREFETCH = 60;
/** Each list's scroll position, so coming back from a record shows the same rows. */
const scrollMemory = new Map<string, number>();

interface RowProps {
  index: number;
  row: { id: number } | undefined;
  height: number;
  template: string;
  columns: VirtualColumn<never>[];
  rowProps?: (row: never) => VirtualRowProps | undefined;
  onOpen: (row: { id: number }) => void;
  onKey: (e: KeyboardEvent<HTMLDivElement>, index: number, row: { id: number } | undefined) => void;
}

/**
 * One drawn row, memoised: scrolling re-renders the table, but a row already drawn with its data
 * is not drawn again. A row whose window has not arrived is one light placeholder bar.
 */
const VirtualRow = memo(function VirtualRow({ index, row, height, template, columns, rowProps, onOpen, onKey }: RowProps) {
  const { style, ...data } = (row && rowProps?.(row as never)) || {};
  return (
    <div {...data} role="row" aria-rowindex={index + 2} data-index={index} tabIndex={0} className="virtual-row"
      aria-busy={row ? undefined : true} data-placeholder={row ? undefined : ''}
      onClick={() => row && onOpen(row)} onKeyDown={(e) => onKey(e, index, row)}
      style={{ position: 'absolute', top: index * height, left: 0, right: 0, height, display: 'grid', gridTemplateColumns: template,
        alignItems: 'center', cursor: row ? 'pointer' : 'default', borderBottom: '1px solid var(--mantine-color-default-border)', ...style }}>
      {row ? columns.map((c) => (
        <div key={c.key} role="cell" style={{ overflow: 'hidden', minWidth: 0, padding: '0 var(--mantine-spacing-sm)' }}>
          {c.render(row as never)}
        </div>
      )) : (
        <div role="cell" aria-label="正在读取" style={{ gridColumn: '1 / -1', margin: '0 var(--mantine-spacing-sm)', height: 10,
          borderRadius: 4, background: 'var(--mantine-color-default-hover)' }} />
      )}
    </div>
  );
});

/**
 * A long list that draws only the rows in view (fixed row height, one scroll container) and fetches
 * the windows of rows it needs by offset/limit, keeping the ones it has. Rows not yet fetched show as
 * placeholders until their window arrives. Rows open with a click, Enter or Space; the arrow keys move
 * between rows. ARIA table roles keep it a table for assistive technology (aria-rowcount is the total).
 */
export function VirtualTable<T extends { id: number }>(props: VirtualTableProps<T>) {
  const { label, columns, fetchWindow, queryKey, onOpen, empty, sort, dir, onSort, onTotal, rowProps } = props;
  const rowHeight = props.rowHeight ?? 48;
  const scroller = useRef<HTMLDivElement>(null);
  const windows = useRef(new Map<number, T[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const restoreTo = useRef<number | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [range, setRange] = useState({ first: 0, last: 30 });
  const [, setVersion] = useState(0);
  const fetchRef = useRef(fetchWindow);
  fetchRef.current = fetchWindow;

  const load = useCallback((w: number) => {
    if (windows.current.has(w) || pending.current.has(w)) return;
    const mine = generation.current;
    pending.current.add(w);
    fetchRef.current(w * WINDOW, WINDOW).then((page) => {
      if (mine !== generation.current) return;
      pending.current.delete(w);
      windows.current.set(w, page.rows);
      // Forget the least recently used windows: a long scroll must not keep every record in memory.
      for (const old of windows.current.keys()) {
        if (windows.current.size <= KEEP_WINDOWS) break;
        windows.current.delete(old);
      }
      setTotal(page.total);
      setError(null);
      setVersion((v) => v + 1);
    }, (e: unknown) => {
      if (mine !== generation.current) return;
      pending.current.delete(w);
      setError(e instanceof Error ? e.message : String(e));
    });
  }, []);

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const first = Math.floor(el.scrollTop / rowHeight);
    const last = Math.ceil((el.scrollTop + el.clientHeight) / rowHeight);
    scrollMemory.set(queryKey, el.scrollTop);
    setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
  }, [rowHeight, queryKey]);

  // New filters or sort: drop what was fetched and go back to where this list was last left.
  useLayoutEffect(() => {
    generation.current++;
    windows.current = new Map();
    pending.current = new Set();
    setTotal(null);
    setError(null);
    restoreTo.current = scrollMemory.get(queryKey) ?? null;
    if (scroller.current) scroller.current.scrollTop = 0;
    measure();
    setVersion((v) => v + 1);
  }, [queryKey, measure]);

  // The list has its height once the total is known: only then can it scroll back to where it was.
  useLayoutEffect(() => {
    if (total === null || restoreTo.current === null || !scroller.current) return;
    scroller.current.scrollTop = restoreTo.current;
    restoreTo.current = null;
    measure();
  }, [total, measure]);

  useEffect(() => { onTotal?.(total); }, [total, onTotal]);

  // Fetch the windows under the visible rows plus the overscan (the first one also brings the total).
  const from = Math.max(0, range.first - OVERSCAN);
  const to = Math.min(total ?? range.last + OVERSCAN, range.last + OVERSCAN);
  useEffect(() => {
    if (total === null) { load(Math.floor(from / WINDOW)); return; }
    const windowsOf = (a: number, b: number) => {
      const ws: number[] = [];
      for (let w = Math.floor(Math.max(0, a) / WINDOW); w <= Math.floor(Math.max(a, b - 1) / WINDOW); w++) if (w * WINDOW < total) ws.push(w);
      return ws;
    };
    // The rows in view first (kept as the most recently used), then the neighbours.
    for (const w of windowsOf(from, to)) {
      const rows = windows.current.get(w);
      if (rows) { windows.current.delete(w); windows.current.set(w, rows); } else load(w);
    }
    for (const w of windowsOf(from - PREFETCH, Math.min(total, to + PREFETCH))) load(w);
  }, [from, to, total, load, queryKey]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [measure]);

  const rowAt = (i: number): T | undefined => windows.current.get(Math.floor(i / WINDOW))?.[i % WINDOW];

  const onKeyNow = (e: KeyboardEvent<HTMLDivElement>, i: number, row: T | undefined) => {
    if ((e.key === 'Enter' || e.key === ' ') && row) { e.preventDefault(); onOpen(row); return; }
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    const el = scroller.current;
    if (!step || !el || total === null) return;
    e.preventDefault();
    const next = i + step;
    if (next < 0 || next >= total) return;
    // Bring the next row into view (it is already drawn: the overscan), then move focus to it.
    const top = next * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight - rowHeight) el.scrollTop = top + 2 * rowHeight - el.clientHeight;
    el.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus({ preventScroll: true });
  };

  // The rows get the same callbacks on every render (so VirtualRow's memo holds); they call the latest.
  const latest = useRef({ onKeyNow, onOpen });
  latest.current = { onKeyNow, onOpen };
  const openRow = useCallback((row: { id: number }) => latest.current.onOpen(row as T), []);
  const keyRow = useCallback((e: KeyboardEvent<HTMLDivElement>, i: number, row: { id: number } | undefined) =>
    latest.current.onKeyNow(e, i, row as T | undefined), []);
  const template = columns.map((c) => c.width).join(' ');
  const cells: ReactNode[] = [];
  if (total) {
    for (let i = from; i < to; i++) {
      const row = rowAt(i);
      cells.push(<VirtualRow key={row ? `r${row.id}` : `p${i}`} index={i} row={row} height={rowHeight} template={template}
        columns={columns as VirtualColumn<never>[]} rowProps={rowProps as RowProps['rowProps']} onOpen={openRow} onKey={keyRow} />);
    }
  }

  return (
    <Box>
      {error && <Alert color="red" title="无法读取列表" mb="sm">{error}</Alert>}
      <Box ref={scroller} onScroll={measure} role="table" aria-label={label} aria-rowcount={total === null ? -1 : total + 1}
        aria-busy={total === null} style={{ height: `min(${props.height ?? '60vh'}, ${41 + (total ? total * rowHeight : 64)}px)`, overflowY: 'auto', position: 'relative' }}>
        <style>{'.virtual-row:hover{background:var(--mantine-color-default-hover)}.virtual-row:focus-visible{outline:2px solid var(--mantine-primary-color-filled);outline-offset:-2px}'}</style>
        <Box role="rowgroup" style={{ position: 'sticky', top: 0, zIndex: 1, background: 'var(--mantine-color-body)' }}>
          <Box role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: template, height: 40, alignItems: 'center',
            borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            {columns.map((c) => {
              const active = c.sortKey !== undefined && c.sortKey === sort;
              const Icon = active ? (dir === 'asc' ? IconChevronUp : IconChevronDown) : IconSelector;
              return (
                <Box key={c.key} role="columnheader" px="sm" aria-sort={c.sortKey ? (active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none') : undefined}>
                  {c.sortKey && onSort ? (
                    <UnstyledButton onClick={() => onSort(c.sortKey!, active && dir === 'asc' ? 'desc' : 'asc')} title={`按${c.header}排序`}>
                      <Group gap={4} wrap="nowrap"><Text fw={700} size="sm">{c.header}</Text><Icon size={14} stroke={1.5} /></Group>
                    </UnstyledButton>
                  ) : <Text fw={700} size="sm">{c.header}</Text>}
                </Box>
              );
            })}
          </Box>
        </Box>
        <Box role="rowgroup" style={{ position: 'relative', height: (total ?? 0) * rowHeight }}>
          {cells}
        </Box>
        {(total === 0 || (total === null && !error)) && (
          <Box role="rowgroup">
            <Box role="row"><Box role="cell" py="md">
              {total === 0 ? empty : <Text c="dimmed" size="sm" ta="center">正在读取…</Text>}
            </Box></Box>
          </Box>
        )}
      </Box>
    </Box>
  );
}
