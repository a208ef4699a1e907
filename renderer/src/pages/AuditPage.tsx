import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Badge, Center, Group, Loader, Pagination, Select, Stack, Table, Text, Title } from '@mantine/core';
import { AUDIT_KIND_LABELS, type AuditEntry } from '../../../shared/schemas/admin';
import { useApi } from '../useApi';
import { recordPath } from '../lib/record-links';

const PAGE_SIZE = 50;

const KIND_LABELS = AUDIT_KIND_LABELS;

/** A link to the record a line is about, while it exists (a deleted one is in the 回收站). */
function RecordLink({ r }: { r: AuditEntry }) {
  const path = r.entityId !== null && r.live ? recordPath(r.kind, r.entityId, r.parentId) : null;
  if (!path) return null;
  return <Anchor component={Link} to={path} size="sm" style={{ whiteSpace: 'nowrap' }}>查看</Anchor>;
}

const ACTION_COLORS: Record<string, string> = {
  新增: 'green', 修改: 'blue', 删除: 'orange', 恢复: 'teal', 彻底删除: 'red', 导入: 'violet', 初始化: 'gray',
};

export function AuditPage() {
  const [kind, setKind] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const { data, error, loading } = useApi('audit.list', {
    offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, ...(kind ? { kind } : {}),
  });
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>操作日志</Title>
        <Group align="flex-end">
          {data && <Text c="dimmed" size="sm" mb={6}>共 {data.total} 条{kind ? `（${KIND_LABELS[kind] ?? kind}）` : ''}</Text>}
          <Select label="类别" w={180} placeholder="全部" clearable value={kind}
            data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
            onChange={(v) => { setKind(v); setPage(1); }} />
        </Group>
      </Group>
      <Text size="sm" c="dimmed">档案的每一次修改都记录在这里（谁、何时、做了什么），最新的在前，不能修改或删除。</Text>
      {error && <Alert color="red" title="无法读取操作日志">{error}</Alert>}
      {!data && loading && <Center h={160}><Loader /></Center>}
      {data && data.rows.length === 0 && <Alert color="gray" variant="light">没有符合条件的记录。</Alert>}
      {data && data.rows.length > 0 && (
        <Table striped withTableBorder verticalSpacing={6} style={{ opacity: loading ? 0.6 : 1 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>时间</Table.Th>
              <Table.Th w={110}>操作人</Table.Th>
              <Table.Th w={100}>操作</Table.Th>
              <Table.Th w={110}>类别</Table.Th>
              <Table.Th>内容</Table.Th>
              <Table.Th w={60} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.at}</Table.Td>
                <Table.Td>{r.actor}</Table.Td>
                <Table.Td><Badge variant="light" color={ACTION_COLORS[r.action] ?? 'gray'}>{r.action}</Badge></Table.Td>
                <Table.Td>{r.kindLabel}</Table.Td>
                <Table.Td>{r.summary}</Table.Td>
                <Table.Td><RecordLink r={r} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pages > 1 && (
        <Group justify="center">
          <Pagination total={pages} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': { previous: '上一页', next: '下一页', first: '第一页', last: '最后一页' }[c] })} />
        </Group>
      )}
    </Stack>
  );
}
