import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';

/** A column header that sorts the table: click once for ascending, again for descending. */
export function SortHeader<S extends string>({ label, sortKey, sort, dir, onSort }: {
  label: string;
  sortKey: S;
  sort: S;
  dir: 'asc' | 'desc';
  onSort: (key: S, dir: 'asc' | 'desc') => void;
}) {
  const active = sort === sortKey;
  const Icon = active ? (dir === 'asc' ? IconChevronUp : IconChevronDown) : IconSelector;
  return (
    <Table.Th aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(sortKey, active && dir === 'asc' ? 'desc' : 'asc')} title={`按${label}排序`}>
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm">{label}</Text>
          <Icon size={14} stroke={1.5} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
