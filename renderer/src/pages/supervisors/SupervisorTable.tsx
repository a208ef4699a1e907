import { Center, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import type { Supervisor, SUPERVISOR_SORTS } from '../../../../shared/schemas/supervisor';
import { StatusBadge, TermEnd } from './badges';

export type SortKey = (typeof SUPERVISOR_SORTS)[number];
export interface SortState { sort: SortKey; dir: 'asc' | 'desc' }

function SortTh({ label, col, state, onSort }: { label: string; col: SortKey; state: SortState; onSort(col: SortKey): void }) {
  const active = state.sort === col;
  const Icon = !active ? IconSelector : state.dir === 'asc' ? IconChevronUp : IconChevronDown;
  return (
    <Table.Th aria-sort={active ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(col)} aria-label={`按${label}排序`}>
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm">{label}</Text>
          <Icon size={14} stroke={1.5} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

const dash = (v: string | null | undefined) => v || '—';

export function SupervisorTable({ rows, sort, onSort, onOpen, empty }: {
  rows: Supervisor[];
  sort: SortState;
  onSort(col: SortKey): void;
  onOpen(id: number): void;
  /** What to say when there are no rows. */
  empty: string;
}) {
  const th = (label: string, col: SortKey) => <SortTh label={label} col={col} state={sort} onSort={onSort} />;
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {th('姓名', 'name')}
            <Table.Th>性别</Table.Th>
            {th('类别', 'category')}
            {th('工作单位', 'unit')}
            <Table.Th>学段/学科</Table.Th>
            <Table.Th>手机</Table.Th>
            {th('聘任状态', 'status')}
            {th('聘任截止', 'termEnd')}
            <Table.Th>责任区</Table.Th>
            <Table.Th ta="right">学校数</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s) => (
            <Table.Tr key={s.id} onClick={() => onOpen(s.id)} style={{ cursor: 'pointer' }}>
              <Table.Td fw={600}>{s.name}</Table.Td>
              <Table.Td>{dash(s.gender)}</Table.Td>
              <Table.Td>{s.category}</Table.Td>
              <Table.Td>{dash(s.unit)}</Table.Td>
              <Table.Td>{[s.stage, s.subject].filter(Boolean).join(' · ') || '—'}</Table.Td>
              <Table.Td>{dash(s.mobile)}</Table.Td>
              <Table.Td><StatusBadge status={s.status} /></Table.Td>
              <Table.Td><TermEnd s={s} /></Table.Td>
              <Table.Td>{s.zoneNames.join('、') || '—'}</Table.Td>
              <Table.Td ta="right">{s.schoolCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && <Center py="xl"><Text c="dimmed">{empty}</Text></Center>}
    </Table.ScrollContainer>
  );
}
