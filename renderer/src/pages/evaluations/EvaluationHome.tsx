import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useApi } from '../../useApi';
import { passRateText } from '../../../../shared/indicators';
import { RoundForm } from './RoundForm';

/** 评估监测: the rounds with their 达标率, and the indicator library they are set up from. */
export function EvaluationHome() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'rounds';
  const rounds = useApi('evaluations.list', {});
  const sets = useApi('indicatorSets.list', {});
  const [creating, setCreating] = useState(false);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>评估监测</Title>
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => navigate('/evaluations/library/new')}>新建指标体系</Button>
          <Button leftSection={<IconPlus size={16} />} disabled={!sets.data?.length} onClick={() => setCreating(true)}>新建评估</Button>
        </Group>
      </Group>
      <Tabs value={tab} onChange={(v) => setParams({ tab: v ?? 'rounds' }, { replace: true })}>
        <Tabs.List>
          <Tabs.Tab value="rounds">评估</Tabs.Tab>
          <Tabs.Tab value="library">指标库</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rounds" pt="md">
          {rounds.error && <Alert color="red" title="无法读取评估">{rounds.error}</Alert>}
          <Paper withBorder>
            <Table highlightOnHover aria-label="评估列表" verticalSpacing="sm">
              <Table.Thead><Table.Tr><Table.Th>评估名称</Table.Th><Table.Th w={110}>类别</Table.Th><Table.Th w={70}>年度</Table.Th><Table.Th>指标体系</Table.Th>
                <Table.Th w={110}>已评 / 参评</Table.Th><Table.Th w={190}>达标率</Table.Th><Table.Th w={80}>状态</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {rounds.data?.map((r) => (
                  <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/evaluations/${r.id}`)}>
                    <Table.Td><Anchor component={Link} to={`/evaluations/${r.id}`} fw={600} onClick={(e) => e.stopPropagation()}>{r.name}</Anchor></Table.Td>
                    <Table.Td>{r.kind}</Table.Td><Table.Td>{r.year}</Table.Td><Table.Td><Text size="sm">{r.setName ?? '—'}（满分{r.fullScore}）</Text></Table.Td>
                    <Table.Td>{r.assessed} / {r.schools}</Table.Td>
                    <Table.Td>{r.assessed ? passRateText(r.passed, r.assessed) : '—'}</Table.Td>
                    <Table.Td><Badge variant="light" color={r.closedAt ? 'green' : 'blue'}>{r.closedAt ? '已完成' : '进行中'}</Badge></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {rounds.data?.length === 0 && (
              <Text size="sm" c="dimmed" ta="center" py="md">还没有评估。先在「指标库」中建立指标体系（一级、二级、三级指标及分值、达标线），再新建评估。</Text>
            )}
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="library" pt="md">
          {sets.error && <Alert color="red" title="无法读取指标库">{sets.error}</Alert>}
          <Paper withBorder>
            <Table highlightOnHover aria-label="指标库" verticalSpacing="sm">
              <Table.Thead><Table.Tr><Table.Th>指标体系</Table.Th><Table.Th w={120}>类别</Table.Th><Table.Th w={90}>指标数</Table.Th><Table.Th w={90}>满分</Table.Th>
                <Table.Th w={100}>总分达标线</Table.Th><Table.Th w={110}>已用于评估</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {sets.data?.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td><Anchor component={Link} to={`/evaluations/library/${s.id}`} fw={600}>{s.name}</Anchor></Table.Td>
                    <Table.Td>{s.kind}</Table.Td><Table.Td>{s.indicatorCount}</Table.Td><Table.Td>{s.fullScore}</Table.Td>
                    <Table.Td>{s.passScore ?? '—'}</Table.Td><Table.Td>{s.rounds} 次</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {sets.data?.length === 0 && <Text size="sm" c="dimmed" ta="center" py="md">指标库是空的。点击「新建指标体系」录入指标。</Text>}
          </Paper>
        </Tabs.Panel>
      </Tabs>
      <RoundForm opened={creating} round={null} sets={sets.data ?? []} onClose={() => setCreating(false)}
        onSaved={(r) => { setCreating(false); navigate(`/evaluations/${r.id}`); }} />
    </Stack>
  );
}
