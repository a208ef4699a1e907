import { Badge, List, Table, Text } from '@mantine/core';
import type { ImportRow } from '../../../../shared/schemas/admin';

export const ACTION_LABELS: Record<ImportRow['action'], { label: string; color: string }> = {
  insert: { label: '新增', color: 'green' },
  update: { label: '更新', color: 'blue' },
  skip: { label: '错误', color: 'red' },
};

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The columns a row's reasons name («「手机」应为…»), to mark those cells too. */
function badColumns(errors: string[]): Set<string> {
  return new Set(errors.map((e) => /^「(.+?)」/.exec(e)?.[1]).filter((h): h is string => Boolean(h)));
}

/** Every row of the file as read: Excel row number, what import will do, reasons, the cells. */
export function PreviewTable({ columns, rows }: { columns: string[]; rows: ImportRow[] }) {
  return (
    // Wide enough that every column keeps its text on one line; the container scrolls sideways.
    <Table.ScrollContainer minWidth={420 + columns.length * 110} maxHeight={520}>
      <Table striped={false} withTableBorder withColumnBorders stickyHeader fz="sm" aria-label="导入预览">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={NOWRAP}>行号</Table.Th>
            <Table.Th style={NOWRAP}>状态</Table.Th>
            <Table.Th miw={280}>错误原因</Table.Th>
            {columns.map((c) => <Table.Th key={c} style={NOWRAP}>{c}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const bad = badColumns(r.errors);
            const action = ACTION_LABELS[r.action];
            return (
              <Table.Tr key={r.rowNumber} bg={r.errors.length ? 'red.0' : undefined}>
                <Table.Td style={NOWRAP}>第 {r.rowNumber} 行</Table.Td>
                <Table.Td style={NOWRAP}><Badge color={action.color} variant="light">{action.label}</Badge></Table.Td>
                <Table.Td>
                  {r.errors.length > 0 && (
                    <List size="sm" spacing={2} c="red.8">
                      {r.errors.map((e) => <List.Item key={e}>{e}</List.Item>)}
                    </List>
                  )}
                </Table.Td>
                {columns.map((c) => (
                  <Table.Td key={c} bg={bad.has(c) ? 'red.1' : undefined} style={NOWRAP}>
                    <Text size="sm" c={bad.has(c) ? 'red.9' : undefined} fw={bad.has(c) ? 600 : undefined} truncate="end" maw={240}>
                      {r.values[c] ?? ''}
                    </Text>
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
