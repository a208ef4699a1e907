import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Badge, Button, Group, Loader, Modal, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { call } from '../api';
import { useApi } from '../useApi';
import { saveFile } from '../files';
import { notifyError, notifyOk } from '../notify';
import { REOPEN_CONFIRM, notEndedReason, type YearSummary } from '../../../shared/schemas/year-close';
import { todayText } from '../../../shared/dates';
import { LegacyTab } from './year-close/LegacyTab';
import { ArchiveDialog } from './year-close/ArchiveDialog';

/** 年度归档: file a year as a package and make it read-only; 历年档案: files from before the app. */
export function YearClosePage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'legacy' ? 'legacy' : 'years';
  return (
    <Stack>
      <Title order={2}>年度归档</Title>
      <Tabs value={tab} onChange={(v) => setParams(v === 'legacy' ? { tab: 'legacy' } : {})}>
        <Tabs.List>
          <Tabs.Tab value="years">年度归档</Tabs.Tab>
          <Tabs.Tab value="legacy">历年档案</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="years" pt="md"><YearsTab /></Tabs.Panel>
        <Tabs.Panel value="legacy" pt="md"><LegacyTab highlight={Number(params.get('file')) || null} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

const total = (y: YearSummary) => Object.values(y.counts).reduce((s, n) => s + n, 0);

function YearsTab() {
  const years = useApi('yearClose.list', {});
  const [archiving, setArchiving] = useState<number | null>(null);
  const [reopening, setReopening] = useState<number | null>(null);
  const [typed, setTyped] = useState('');
  const today = todayText();

  async function download(year: number) {
    try {
      await saveFile(await call('yearClose.download', { year }));
    } catch (e) {
      notifyError(e);
    }
  }

  async function reopen() {
    if (reopening === null) return;
    try {
      await call('yearClose.reopen', { year: reopening, confirm: typed });
      notifyOk(`已重新开启${reopening}年度，该年度的记录可以修改了。修改完成后请重新归档。`);
      setReopening(null);
      await years.reload();
    } catch (e) {
      notifyError(e);
    }
  }

  if (years.error) return <Alert color="red">{years.error}</Alert>;
  if (!years.data) return <Loader />;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        年终归档把该年度的大事记、印发的简报、案例集、行事历、整改台账、统计报告、附件和归档目录生成一个归档包（文件夹和 .zip），
        并把该年度的记录设为只读。年度结束后（次年1月1日起）才能归档；未销号问题的整改在归档后仍可继续。
      </Text>
      <Table striped withTableBorder aria-label="年度列表">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>年度</Table.Th><Table.Th>督导记录</Table.Th><Table.Th>问题</Table.Th><Table.Th>来访来电</Table.Th>
            <Table.Th>行事历事项</Table.Th><Table.Th>简报</Table.Th><Table.Th>大事记</Table.Th><Table.Th>文章/汇编</Table.Th>
            <Table.Th>历年档案</Table.Th><Table.Th>状态</Table.Th><Table.Th>操作</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {years.data.map((y) => (
            <Table.Tr key={y.year} aria-label={`${y.year}年度`}>
              <Table.Td fw={700}>{y.year}年</Table.Td>
              <Table.Td>{y.counts.visits}</Table.Td>
              <Table.Td>{y.counts.problems}</Table.Td>
              <Table.Td>{y.counts.complaints}</Table.Td>
              <Table.Td>{y.counts.calendarItems}</Table.Td>
              <Table.Td>{y.counts.briefings}</Table.Td>
              <Table.Td>{y.counts.chronicle}</Table.Td>
              <Table.Td>{y.counts.pieces}/{y.counts.collections}</Table.Td>
              <Table.Td>{y.counts.legacyFiles}</Table.Td>
              <Table.Td>
                {y.archived
                  ? <Stack gap={0}><Badge color="green">已归档（只读）</Badge>
                    <Text size="xs" c="dimmed">{y.archived.at.slice(0, 16)} · {y.archived.by} · {y.archived.files}个文件</Text></Stack>
                  : <Badge color="gray" variant="light">未归档</Badge>}
              </Table.Td>
              <Table.Td>
                {y.archived ? (
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => void download(y.year)}>下载归档包</Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => { setTyped(''); setReopening(y.year); }}>重新开启</Button>
                  </Group>
                ) : notEndedReason(y.year, today) ? (
                  <Stack gap={0}>
                    <Button size="xs" disabled title={notEndedReason(y.year, today) ?? undefined}>归档</Button>
                    <Text size="xs" c="dimmed">{y.year > Number(today.slice(0, 4)) ? '年度未开始' : '年度未结束'}，{y.year + 1}年1月1日起可归档</Text>
                  </Stack>
                ) : (
                  <Button size="xs" disabled={total(y) === 0} onClick={() => setArchiving(y.year)}>归档</Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <ArchiveDialog year={archiving} onClose={() => setArchiving(null)} onArchived={() => { setArchiving(null); void years.reload(); }} />

      <Modal opened={reopening !== null} onClose={() => setReopening(null)} title={`重新开启${reopening ?? ''}年度`} centered>
        <Stack>
          <Text size="sm">
            重新开启后，{reopening}年度的记录可以再次修改，已生成的归档包不再有效，修改完成后请重新归档。此操作将记入操作日志。
          </Text>
          <TextInput label={`请输入「${REOPEN_CONFIRM}」以确认`} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReopening(null)}>取消</Button>
            <Button color="red" disabled={typed.trim() !== REOPEN_CONFIRM} onClick={() => void reopen()}>重新开启</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
