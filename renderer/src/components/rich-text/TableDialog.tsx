import { useState } from 'react';
import { Box, Button, Checkbox, Group, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { IconColumnInsertRight, IconColumnRemove, IconRowInsertBottom, IconRowRemove } from '@tabler/icons-react';
import { TABLE_LIMITS } from '../../../../shared/rich-text';

export interface TableValue {
  rows: string[][];
  header: boolean;
}

export interface TableDialogProps {
  opened: boolean;
  /** The table to edit (a new one: NEW_TABLE). */
  table: TableValue;
  onConfirm(table: TableValue): void;
  onClose(): void;
  /** After the dialog has gone (to give the focus back to the editor). */
  onClosed?(): void;
}

/** A new table: three rows of three empty cells, the first a header. */
export const NEW_TABLE: TableValue = { rows: [['', '', ''], ['', '', ''], ['', '', '']], header: true };

/** 编辑表格: a grid of text boxes, one per cell, with rows and columns added or removed where the cursor is. */
export function TableDialog({ opened, table, onConfirm, onClose, onClosed }: TableDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} onExitTransitionEnd={onClosed} returnFocus={false}
      title="编辑表格" size="auto" centered>
      {/* The modal unmounts its content once closed, so each opening starts from the table given. */}
      <TableForm initial={table} onConfirm={onConfirm} onClose={onClose} />
    </Modal>
  );
}

interface Cell { r: number; c: number }

function TableForm({ initial, onConfirm, onClose }: { initial: TableValue; onConfirm(t: TableValue): void; onClose(): void }) {
  // A text box cannot hold a line break, and Word prints a cell as one line: breaks become spaces.
  const [rows, setRows] = useState(() => (initial.rows.length ? initial.rows : NEW_TABLE.rows).map((r) => r.map((c) => c.replace(/\s*\r?\n\s*/g, ' '))));
  const [header, setHeader] = useState(initial.header);
  // The cell last focused: rows and columns are added after it and removed at it (else at the end).
  const [at, setAt] = useState<Cell | null>(null);
  const [error, setError] = useState<string | null>(null);
  const width = rows[0]?.length ?? 0;
  const row = at && at.r < rows.length ? at.r : rows.length - 1;
  const col = at && at.c < width ? at.c : width - 1;

  const change = (next: string[][]) => { setRows(next); setError(null); };
  const setCell = (r: number, c: number, v: string) => change(rows.map((cells, i) => (i === r ? cells.map((x, j) => (j === c ? v : x)) : cells)));
  const addRow = () => { change([...rows.slice(0, row + 1), Array<string>(width).fill(''), ...rows.slice(row + 1)]); setAt({ r: row + 1, c: col }); };
  const removeRow = () => change(rows.filter((_, i) => i !== row));
  const addColumn = () => { change(rows.map((r) => [...r.slice(0, col + 1), '', ...r.slice(col + 1)])); setAt({ r: row, c: col + 1 }); };
  const removeColumn = () => change(rows.map((r) => r.filter((_, j) => j !== col)));

  function confirm() {
    const cells = rows.map((r) => r.map((c) => c.trim()));
    if (!cells.some((r) => r.some(Boolean))) { setError('表格还是空的：请至少填写一个单元格，或点“取消”不插入表格。'); return; }
    onConfirm({ rows: cells, header });
  }

  return (
    <Stack gap="sm" miw={480}>
      <Group gap="xs">
        <Button size="xs" variant="default" leftSection={<IconRowInsertBottom size={16} />} onClick={addRow}
          disabled={rows.length >= TABLE_LIMITS.rows}>添加行</Button>
        <Button size="xs" variant="default" leftSection={<IconRowRemove size={16} />} onClick={removeRow}
          disabled={rows.length <= 1}>删除行</Button>
        <Button size="xs" variant="default" leftSection={<IconColumnInsertRight size={16} />} onClick={addColumn}
          disabled={width >= TABLE_LIMITS.columns}>添加列</Button>
        <Button size="xs" variant="default" leftSection={<IconColumnRemove size={16} />} onClick={removeColumn}
          disabled={width <= 1}>删除列</Button>
        <Text size="sm" c="dimmed" aria-live="polite">{rows.length}行 × {width}列</Text>
      </Group>
      <Text size="xs" c="dimmed">
        在第{row + 1}行下方添加行、第{col + 1}列右侧添加列；删除第{row + 1}行或第{col + 1}列（点一个单元格可改变位置）。
        最多{TABLE_LIMITS.columns}列、{TABLE_LIMITS.rows}行，每格不超过{TABLE_LIMITS.cell}字。
      </Text>
      <ScrollArea.Autosize mah="55vh" type="auto">
        <Box role="group" aria-label="表格内容" style={{ display: 'grid', gap: 4, gridTemplateColumns: `repeat(${width}, minmax(110px, 1fr))`, maxWidth: '80vw' }}>
          {rows.map((cells, r) => cells.map((v, c) => (
            <TextInput key={`${r}-${c}`} aria-label={`第${r + 1}行第${c + 1}列`} value={v} size="xs" maxLength={TABLE_LIMITS.cell}
              styles={{ input: { fontWeight: header && r === 0 ? 700 : undefined, background: header && r === 0 ? 'var(--mantine-color-gray-1)' : undefined } }}
              onFocus={() => setAt({ r, c })} onChange={(e) => setCell(r, c, e.currentTarget.value)}
              onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) confirm(); }} />
          )))}
        </Box>
      </ScrollArea.Autosize>
      <Checkbox label="首行为表头" description="表头加粗，表格跨页时在每页重复" checked={header} onChange={(e) => setHeader(e.currentTarget.checked)} />
      {error && <Text size="sm" c="red" role="alert">{error}</Text>}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onClose}>取消</Button>
        <Button onClick={confirm}>确定</Button>
      </Group>
    </Stack>
  );
}
