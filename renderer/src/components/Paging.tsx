import { Group, Pagination, Text } from '@mantine/core';

/** Rows per page of the paged lists (cases, complaints, notices, a timeline). */
export const PAGE_SIZE = 30;

/** The list channel's limit and offset for page `page` (from 1). */
export const pageWindow = (page: number) => ({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

/** Under a paged list: how many there are (`summary`, e.g. 共 12 条) and the page buttons. */
export function ListFooter({ summary, total, page, onPage, paged = true }: {
  summary: string; total: number; page: number; onPage: (page: number) => void; paged?: boolean;
}) {
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">{summary}</Text>
      {paged && <Pagination total={Math.max(1, Math.ceil(total / PAGE_SIZE))} value={page} onChange={onPage} size="sm" />}
    </Group>
  );
}
