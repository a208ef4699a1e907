import { Link, useNavigate } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, LoadingOverlay, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useApi } from '../../useApi';
import { TrainingTabs } from './TrainingTabs';

/** The office's training plans: 年度计划, 三年规划, 五年规划, newest first. */
export function PlanList() {
  const navigate = useNavigate();
  const plans = useApi('trainings.plans', {});
  return (
    <Stack gap="md">
      <TrainingTabs active="plans" actions={<Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/trainings/plans/new')}>新建培训规划</Button>} />
      {plans.error && <Alert color="red" title="无法读取培训规划">{plans.error}</Alert>}
      <Paper withBorder pos="relative">
        <LoadingOverlay visible={plans.loading && !plans.data} />
        <Table striped aria-label="培训规划">
          <Table.Thead><Table.Tr><Table.Th w={90}>制定年份</Table.Th><Table.Th w={100}>类型</Table.Th><Table.Th>标题</Table.Th><Table.Th>规划期</Table.Th><Table.Th w={80}>附件</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {(plans.data ?? []).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.year}</Table.Td>
                <Table.Td><Badge variant="light">{p.kind}</Badge></Table.Td>
                <Table.Td><Anchor component={Link} to={`/trainings/plans/${p.id}`} size="sm">{p.title}</Anchor></Table.Td>
                <Table.Td>{p.period ?? ''}</Table.Td>
                <Table.Td>{p.files.length || ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {plans.data?.length === 0 && <Text c="dimmed" size="sm" ta="center" py="lg">还没有培训规划。可以在这里写年度培训计划或三年、五年规划，也可以上传已有的文件。</Text>}
      </Paper>
    </Stack>
  );
}
