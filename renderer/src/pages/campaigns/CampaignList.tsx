import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconListCheck, IconPlus } from '@tabler/icons-react';
import { useApi } from '../../useApi';
import { setParam, years } from '../../lib/options';
import { CAMPAIGN_STATUSES } from '../../../../shared/schemas/campaign';
import { CampaignForm } from './CampaignForm';
import { CampaignProgressBars, CampaignStatusBadge } from './Progress';

/** 专项督导: every campaign with its period, scope, status and progress; 新建 and the year's 四清单. */
export function CampaignList() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const year = params.get('year');
  const status = params.get('status');
  const got = useApi('campaigns.list', { year: year ? Number(year) : undefined, status: (status ?? undefined) as never });
  const [adding, setAdding] = useState(false);
  const set = (k: string, v: string | null) => setParams((p) => setParam(p, k, v), { replace: true });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>专项督导</Title>
        <Group>
          <Button variant="light" leftSection={<IconListCheck size={16} />} component={Link}
            to={`/campaigns/four-lists?year=${year ?? new Date().getFullYear()}`}>全年四清单</Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>新建专项督导</Button>
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <Group gap="sm">
          <Select label="年份" placeholder="全部" clearable w={110} data={years()} value={year} onChange={(v) => set('year', v)} />
          <Select label="状态" placeholder="全部" clearable w={110} data={[...CAMPAIGN_STATUSES]} value={status} onChange={(v) => set('status', v)} />
        </Group>
      </Paper>
      {got.error && <Alert color="red" title="无法读取专项督导">{got.error}</Alert>}
      <Paper withBorder>
        <Table highlightOnHover verticalSpacing="sm" aria-label="专项督导列表">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>专项名称</Table.Th><Table.Th>依据文件</Table.Th><Table.Th w={190}>时间</Table.Th><Table.Th>范围</Table.Th>
              <Table.Th w={280}>进度</Table.Th><Table.Th w={90}>状态</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {got.data?.map((c) => (
              <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/campaigns/${c.id}`)}>
                <Table.Td><Anchor component={Link} to={`/campaigns/${c.id}`} fw={600} onClick={(e) => e.stopPropagation()}>{c.name}专项督导</Anchor></Table.Td>
                <Table.Td><Text size="sm" lineClamp={2}>{c.basisTitle ?? '—'}{c.basisNumber ? `（${c.basisNumber}）` : ''}</Text></Table.Td>
                <Table.Td><Text size="sm">{c.startDate} 至 {c.endDate}</Text></Table.Td>
                <Table.Td><Text size="sm">{c.scopeLabel}（{c.progress.schoolsPlanned}所）</Text></Table.Td>
                <Table.Td><CampaignProgressBars p={c.progress} compact /></Table.Td>
                <Table.Td><CampaignStatusBadge status={c.status} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {got.data?.length === 0 && (
          <Text c="dimmed" size="sm" ta="center" py="lg">{year || status ? '没有符合条件的专项督导。' : '还没有专项督导。点击「新建专项督导」，填写依据文件、时间、范围和督导组。'}</Text>
        )}
      </Paper>
      <CampaignForm opened={adding} campaign={null} onClose={() => setAdding(false)} onSaved={(c) => { setAdding(false); navigate(`/campaigns/${c.id}`); }} />
    </Stack>
  );
}
