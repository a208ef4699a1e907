import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Group, LoadingOverlay, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconCalculator } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyError, notifyOk } from '../../notify';
import { years } from '../../lib/options';
import { AssessmentTabs } from './AssessmentTabs';
import { GradeBadge } from './GradeBadge';
import { ASSESSMENT_GRADES } from '../../../../shared/vocab';

/** Every year's 考核 with its grades; 计算 a year from the archive under the office's 考核办法. */
export function AssessmentList() {
  const navigate = useNavigate();
  const list = useApi('assessments.list', {});
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [busy, setBusy] = useState(false);
  const existing = list.data?.find((x) => String(x.year) === year);

  async function compute() {
    if (existing) { navigate(`/assessments/${existing.id}`); return; }
    setBusy(true);
    try {
      const x = await call('assessments.compute', { year: Number(year) });
      notifyOk(`已按考核办法计算${x.year}年度考核：${x.supervisorCount}名督学。`);
      navigate(`/assessments/${x.id}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md">
      <AssessmentTabs active="years" actions={(
        <>
          <Select label="考核年度" w={110} allowDeselect={false} data={years()} value={year} onChange={(v) => v && setYear(v)} />
          <Button leftSection={<IconCalculator size={16} />} loading={busy} onClick={compute}>{existing ? `打开${year}年度考核` : `计算${year}年度考核`}</Button>
        </>
      )} />
      {list.error && <Alert color="red" title="无法读取督学考核">{list.error}</Alert>}
      <Paper withBorder pos="relative">
        <LoadingOverlay visible={list.loading && !list.data} />
        <Table striped aria-label="年度考核">
          <Table.Thead>
            <Table.Tr><Table.Th>年度</Table.Th><Table.Th>状态</Table.Th><Table.Th>考核人数</Table.Th>{ASSESSMENT_GRADES.map((g) => <Table.Th key={g}>{g}</Table.Th>)}<Table.Th>数据截至</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td><Anchor component={Link} to={`/assessments/${x.id}`} size="sm">{x.year}年度督学考核</Anchor></Table.Td>
                <Table.Td><Badge color={x.status === '已完成' ? 'green' : 'gray'} variant="light">{x.status}</Badge></Table.Td>
                <Table.Td>{x.supervisorCount}</Table.Td>
                {ASSESSMENT_GRADES.map((g) => <Table.Td key={g}>{x.gradeCounts[g] ? <Group gap={4}><GradeBadge grade={g} />{x.gradeCounts[g]}</Group> : ''}</Table.Td>)}
                <Table.Td>{x.until}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.data?.length === 0 && (
          <Text c="dimmed" size="sm" ta="center" py="lg">还没有督学考核。先在「考核办法」中核对考核项目和分值，再选择年度、点击「计算」：各项得分从档案中的督导记录、问题整改、培训会议和文章计算。</Text>
        )}
      </Paper>
    </Stack>
  );
}
