import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Group, LoadingOverlay, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useApi } from '../../useApi';
import { setParam } from '../../lib/options';
import { TrainingTabs, yearParam } from './TrainingTabs';
import { TRAINING_KINDS } from '../../../../shared/vocab';
import type { Training } from '../../../../shared/schemas/training';

/** 出席 18 / 请假 2 / 缺席 1, and how many are not yet recorded. */
export function AttendanceBadges({ t }: { t: Training }) {
  const c = t.counts;
  if (c.invited === 0) return <Text size="sm" c="dimmed">未选参加人员</Text>;
  return (
    <Group gap={4}>
      <Badge color="green" variant="light">出席 {c.present}</Badge>
      {c.leave > 0 && <Badge color="yellow" variant="light">请假 {c.leave}</Badge>}
      {c.absent > 0 && <Badge color="red" variant="light">缺席 {c.absent}</Badge>}
      {c.unrecorded > 0 && <Badge color="gray" variant="light">未登记 {c.unrecorded}</Badge>}
    </Group>
  );
}

/** The year's 培训 and 会议, newest first; planned 行事历 items not yet held are listed beside them. */
export function TrainingList() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const year = yearParam(params);
  const kind = params.get('kind') ?? '';
  const supervisorId = Number(params.get('supervisorId')) || undefined;
  const list = useApi('trainings.list', { year: Number(year), kind: (kind || undefined) as Training['kind'] | undefined, supervisorId });
  const who = supervisorId && list.data?.[0]?.attendance.find((x) => x.supervisorId === supervisorId)?.name;
  const planned = useApi('trainings.planned', { year: Number(year) });
  const waiting = (planned.data ?? []).filter((p) => p.linked === 0);
  return (
    <Stack gap="md">
      <TrainingTabs active="events" year={year} onYear={(y) => setParams((p) => setParam(p, 'year', y), { replace: true })}
        actions={<Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/trainings/new')}>登记培训或会议</Button>} />
      <SegmentedControl w={260} value={kind} onChange={(v) => setParams((p) => setParam(p, 'kind', v || null), { replace: true })}
        data={[{ value: '', label: '全部' }, ...TRAINING_KINDS.map((k) => ({ value: k, label: k }))]} aria-label="类型" />
      {supervisorId && (
        <Group gap="xs">
          <Text size="sm">只列出{who ? `督学「${who}」` : '这名督学'}应参加的培训和会议。</Text>
          <Anchor size="sm" component="button" onClick={() => setParams((p) => setParam(p, 'supervisorId', null), { replace: true })}>显示全部</Anchor>
        </Group>
      )}
      {list.error && <Alert color="red" title="无法读取培训和会议">{list.error}</Alert>}
      <Paper withBorder pos="relative">
        <LoadingOverlay visible={list.loading && !list.data} />
        <Table striped highlightOnHover aria-label="培训和会议">
          <Table.Thead>
            <Table.Tr><Table.Th w={110}>日期</Table.Th><Table.Th w={70}>类型</Table.Th><Table.Th>主题</Table.Th><Table.Th>地点</Table.Th>
              <Table.Th w={70}>学时</Table.Th><Table.Th>出勤</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((t) => (
              <Table.Tr key={t.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/trainings/${t.id}`)}>
                <Table.Td>{t.date}</Table.Td>
                <Table.Td><Badge variant="light" color={t.kind === '培训' ? 'teal' : 'indigo'}>{t.kind}</Badge></Table.Td>
                <Table.Td><Anchor component={Link} to={`/trainings/${t.id}`} size="sm" onClick={(e) => e.stopPropagation()}>{t.topic}</Anchor></Table.Td>
                <Table.Td><Text size="sm">{t.place ?? ''}</Text></Table.Td>
                <Table.Td>{t.hours || ''}</Table.Td>
                <Table.Td><AttendanceBadges t={t} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.data?.length === 0 && <Text c="dimmed" size="sm" ta="center" py="lg">{year}年还没有登记培训或会议。点击「登记培训或会议」添加。</Text>}
      </Paper>
      {waiting.length > 0 && (
        <Paper withBorder p="md">
          <Text size="sm" fw={600} mb={4}>行事历中已安排、尚未登记的培训和会议</Text>
          <Stack gap={4}>
            {waiting.map((p) => (
              <Group key={p.id} gap="xs">
                <Badge variant="outline" color="gray">{Number(p.month.slice(5))}月</Badge>
                <Text size="sm">{p.content}</Text>
                <Anchor size="sm" component={Link} to={`/trainings/new?calendarItemId=${p.id}&kind=${p.category}`}>登记</Anchor>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
