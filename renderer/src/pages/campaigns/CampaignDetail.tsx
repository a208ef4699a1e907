import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  Alert, Anchor, Badge, Button, Grid, Group, Loader, Paper, SimpleGrid, Stack, Table, Tabs, Text, Title,
} from '@mantine/core';
import { IconArrowLeft, IconCheck, IconEdit, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyError, notifyOk } from '../../notify';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { ProblemStatus } from '../../components/ProblemStatus';
import { ProblemForm } from '../problems/ProblemForm';
import { FollowupTable } from '../problems/FollowupList';
import type { CampaignDetail as Detail } from '../../../../shared/schemas/campaign';
import { CampaignForm } from './CampaignForm';
import { CampaignSchools } from './CampaignSchools';
import { CampaignReport } from './CampaignReport';
import { FourListsView } from './FourListsView';
import { CampaignProgressBars, CampaignStatusBadge } from './Progress';
import { ScheduleFollowups } from './ScheduleFollowups';

const TABS = [['overview', '概况'], ['schools', '学校与日程'], ['problems', '问题'], ['report', '专项督导报告'], ['four', '四清单'], ['followups', '回头看']] as const;

/** One campaign: its facts and progress, schools and schedule, problems, report, 四清单 and 回头看. */
export function CampaignDetail() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'overview';
  const got = useApi('campaigns.get', { id });
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState(false);
  if (got.error) return <Alert color="red" title="无法打开专项督导">{got.error}</Alert>;
  if (!got.data) return <Loader />;
  const d = got.data;
  const c = d.campaign;

  async function close(closed: boolean) {
    setBusy(true);
    try {
      await call('campaigns.close', { id, closed });
      notifyOk(closed ? `「${c.name}」专项督导已完成` : `「${c.name}」专项督导已重新打开`);
      await got.reload();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate('/campaigns')}>专项督导</Button>
          <Title order={2}>{c.name}专项督导</Title>
          <CampaignStatusBadge status={c.status} />
        </Group>
        <Group>
          <Button variant="light" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>编辑</Button>
          {c.closedAt
            ? <Button variant="light" leftSection={<IconRefresh size={16} />} loading={busy} onClick={() => void close(false)}>重新打开</Button>
            : <Button color="green" leftSection={<IconCheck size={16} />} loading={busy} onClick={() => void close(true)}>完成专项督导</Button>}
          <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>删除</Button>
        </Group>
      </Group>

      <Tabs value={tab} onChange={(v) => setParams({ tab: v ?? 'overview' }, { replace: true })}>
        <Tabs.List>{TABS.map(([v, label]) => <Tabs.Tab key={v} value={v}>{label}</Tabs.Tab>)}</Tabs.List>
        <Tabs.Panel value="overview" pt="md"><Overview d={d} /></Tabs.Panel>
        <Tabs.Panel value="schools" pt="md"><CampaignSchools d={d} onChanged={() => void got.reload()} /></Tabs.Panel>
        <Tabs.Panel value="problems" pt="md"><Problems d={d} onChanged={() => void got.reload()} /></Tabs.Panel>
        <Tabs.Panel value="report" pt="md">{tab === 'report' && <CampaignReport campaign={c} onSaved={() => void got.reload()} />}</Tabs.Panel>
        <Tabs.Panel value="four" pt="md">{tab === 'four' && <FourListsView campaignId={id} />}</Tabs.Panel>
        <Tabs.Panel value="followups" pt="md">
          {tab === 'followups' && (
            <Stack>
              <ScheduleFollowups campaignId={id} defaultMonths={c.followupMonths} onDone={() => void got.reload()} />
              <FollowupTable query={{ campaignId: id }} />
            </Stack>
          )}
        </Tabs.Panel>
      </Tabs>

      <CampaignForm opened={editing} campaign={d} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); void got.reload(); }} />
      <ConfirmDelete what="专项督导" title={`${c.name}专项督导`} opened={deleting} onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await call('campaigns.delete', { id });
          notifyOk('专项督导已移入回收站；它的督导记录和问题仍保留在各自的列表中');
          navigate('/campaigns');
        }} />
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>{children || '—'}</Text>
    </Stack>
  );
}

function Overview({ d }: { d: Detail }) {
  const c = d.campaign;
  const p = c.progress;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Paper withBorder p="md">
        <Grid>
          <Grid.Col span={12}><Field label="依据文件">{c.basisTitle ? `《${c.basisTitle}》${c.basisNumber ? `（${c.basisNumber}）` : ''}` : ''}</Field></Grid.Col>
          <Grid.Col span={6}><Field label="时间">{c.startDate} 至 {c.endDate}</Field></Grid.Col>
          <Grid.Col span={6}><Field label="督导范围">{c.scopeLabel}（{p.schoolsPlanned}所学校）</Field></Grid.Col>
          <Grid.Col span={12}><Field label={c.checklistKind === '八项事项' ? '检查项目（八项事项）' : '检查指标'}>
            {c.checklist.length ? c.checklist.map((x, i) => `${i + 1}. ${x}`).join('\n') : ''}
          </Field></Grid.Col>
          <Grid.Col span={12}><Field label="督导组">
            {d.members.length ? <Group gap={6}>{d.members.map((m) => <Badge key={m.supervisorId} variant={m.role === '组长' ? 'filled' : 'light'}>{m.name}（{m.role}）</Badge>)}</Group> : ''}
          </Field></Grid.Col>
          <Grid.Col span={6}><Field label="回头看">{c.followupMonths ? `问题销号后${c.followupMonths}个月` : '不自动安排'}</Field></Grid.Col>
          <Grid.Col span={6}><Field label="完成日期">{c.closedAt ?? ''}</Field></Grid.Col>
          {c.notes && <Grid.Col span={12}><Field label="备注">{c.notes}</Field></Grid.Col>}
        </Grid>
      </Paper>
      <Paper withBorder p="md">
        <Stack>
          <Title order={4}>进度</Title>
          <CampaignProgressBars p={p} />
          <Table aria-label="专项督导进度" withRowBorders={false}>
            <Table.Tbody>
              <Table.Tr><Table.Td>已督导学校 / 计划</Table.Td><Table.Td>{p.schoolsChecked} / {p.schoolsPlanned} 所</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>督导记录</Table.Td><Table.Td>{p.visits} 份</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>发现问题 / 已销号</Table.Td><Table.Td>{p.problemsRaised} / {p.problemsClosed} 个（整改率 {p.rate}%）</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>回头看待进行 / 已逾期</Table.Td><Table.Td>{p.followupsPending} / {p.followupsOverdue} 次</Table.Td></Table.Tr>
            </Table.Tbody>
          </Table>
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}

function Problems({ d, onChanged }: { d: Detail; onChanged: () => void }) {
  const [adding, setAdding] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">本专项督导记录中提出的问题，以及直接登记的问题（含督政问题）。</Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>登记问题</Button>
      </Group>
      <Paper withBorder>
        <Table aria-label="专项督导的问题" highlightOnHover>
          <Table.Thead><Table.Tr><Table.Th w={190}>学校（单位）</Table.Th><Table.Th>问题描述</Table.Th><Table.Th w={110}>提出日期</Table.Th><Table.Th w={110}>整改期限</Table.Th><Table.Th w={150}>状态</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {d.problems.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td><Text size="sm">{p.ownerName}</Text>{p.unitId && <Badge size="xs" variant="light" color="grape">督政</Badge>}</Table.Td>
                <Table.Td><Anchor component={Link} to={`/problems/${p.id}`} size="sm">{p.description}</Anchor></Table.Td>
                <Table.Td><Text size="sm">{p.raisedAt}</Text></Table.Td>
                <Table.Td><Text size="sm">{p.dueDate ?? '—'}</Text></Table.Td>
                <Table.Td><ProblemStatus problem={p} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {d.problems.length === 0 && <Text size="sm" c="dimmed" ta="center" py="md">还没有问题。督导记录中提出的问题会自动列入。</Text>}
      </Paper>
      <ProblemForm opened={adding} problem={null} campaignId={d.campaign.id} onClose={() => setAdding(false)}
        onSaved={() => { setAdding(false); onChanged(); }} />
    </Stack>
  );
}
