import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Badge, Button, Group, LoadingOverlay, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconSparkles } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyError, notifyOk } from '../../notify';
import { downloadBriefing, numberLabel, statusColor } from './exportBriefing';
import { briefingMonth, monthLabel, todayText } from '../../../../shared/dates';
import { MonthField } from '../../components/DateFields';

/** Start a month's draft from the archive, and the list of drafts and issued briefings. */
export function BriefingList() {
  const navigate = useNavigate();
  const list = useApi('briefings.list', {});
  const [month, setMonth] = useState(() => briefingMonth(todayText()));
  const [busy, setBusy] = useState(false);

  const propose = async () => {
    setBusy(true);
    try {
      const articles = await call('briefings.propose', { month });
      const b = await call('briefings.save', { fields: { month, articles, showToc: true } });
      notifyOk(articles.length
        ? `已根据档案生成${monthLabel(month)}简报草稿（${articles.length}篇文章），请修改后保存。`
        : `${monthLabel(month)}档案中没有可用的记录，已生成空白草稿，请添加文章。`);
      navigate(`/briefings/${b.id}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  const rows = list.data ?? [];
  return (
    <Stack gap="md">
      <Title order={2}>督导工作简报</Title>
      <Paper withBorder p="md">
        <Group align="flex-end" gap="sm">
          <MonthField label="简报月份" w={170} value={month} onChange={setMonth} clearable={false} />
          <Button leftSection={<IconSparkles size={16} />} loading={busy} disabled={!month} onClick={propose}>生成草稿</Button>
          <Text size="sm" c="dimmed">根据该月的督导记录、问题整改、来访来电和行事历，自动拟出督导数据、亮点做法、存在问题、下月安排等文章。</Text>
        </Group>
      </Paper>

      {list.error && <Alert color="red" title="无法读取简报列表">{list.error}</Alert>}
      <Paper withBorder pos="relative">
        <LoadingOverlay visible={list.loading && !list.data} />
        <Table highlightOnHover aria-label="简报列表" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>月份</Table.Th>
              <Table.Th w={90}>状态</Table.Th>
              <Table.Th w={220}>期号</Table.Th>
              <Table.Th w={110}>印发日期</Table.Th>
              <Table.Th>本期要目</Table.Th>
              <Table.Th w={120} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((b) => (
              <Table.Tr key={b.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/briefings/${b.id}`)}>
                <Table.Td>{monthLabel(b.month)}</Table.Td>
                <Table.Td><Badge variant="light" color={statusColor(b.status)}>{b.status}</Badge></Table.Td>
                <Table.Td>{numberLabel(b)}</Table.Td>
                <Table.Td>{b.status === '草稿' ? '' : b.issueDate}</Table.Td>
                <Table.Td><Text size="sm" lineClamp={1}>{b.articleTitles.join('；') || '（暂无文章）'}</Text></Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" leftSection={<IconDownload size={14} />}
                    onClick={(e) => { e.stopPropagation(); void downloadBriefing(b.id); }}>导出Word</Button>
                </Table.Td>
              </Table.Tr>
            ))}
            {list.data && rows.length === 0 && (
              <Table.Tr><Table.Td colSpan={6}>
                <Text c="dimmed" size="sm" ta="center" py="md">还没有简报。选择月份后点击「生成草稿」开始起草第一期。</Text>
              </Table.Td></Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
