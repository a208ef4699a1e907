import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Badge, Button, Group, Loader, Modal, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { call } from '../api';
import { useApi } from '../useApi';
import { saveFile } from '../files';
import { followJob } from '../jobs';
import { notifyCanceled, notifyError, notifyOk } from '../notify';
import { REOPEN_CONFIRM, type YearSummary } from '../../../shared/schemas/year-close';
import { LegacyTab } from './year-close/LegacyTab';

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
  const [working, setWorking] = useState(false);
  const [reopening, setReopening] = useState<number | null>(null);
  const [typed, setTyped] = useState('');

  async function archive() {
    if (archiving === null) return;
    setWorking(true);
    try {
      const r = await followJob(call('yearClose.close', { year: archiving }));
      if (!r) {
        notifyCanceled(`没有归档${archiving}年度：没有生成归档包，该年度的记录仍可修改。`);
        return;
      }
      notifyOk(`已归档${r.year}年度：归档包共 ${r.catalogue.length} 个文件，保存在 ${r.folder}。该年度的记录现在为只读。`);
      setArchiving(null);
      await years.reload();
    } catch (e) {
      notifyError(e);
    } finally {
      setWorking(false);
    }
  }

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
        并把该年度的记录设为只读。
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
                ) : (
                  <Button size="xs" disabled={total(y) === 0} onClick={() => setArchiving(y.year)}>归档</Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Modal opened={archiving !== null} onClose={() => !working && setArchiving(null)} title={`归档${archiving ?? ''}年度`} centered>
        <Stack>
          <Text size="sm">
            将生成{archiving}年度归档包：大事记、该年印发的全部简报、案例集、行事历、问题整改台账、统计报告、相关附件和历年档案，
            以及归档目录（含每个文件的 SHA-256 校验值）。
          </Text>
          <Alert color="orange" title="归档后该年度变为只读">
            归档后，{archiving}年度的督导记录、问题、来访来电、行事历事项、简报、大事记、文章和历年档案都不能再新增、修改或删除。
            如确需修改，须在本页重新开启该年度（需确认，并记入操作日志）。
          </Alert>
          {working && <Text size="sm">正在生成归档包，进度显示在页面左下角，可随时取消。</Text>}
          <Group justify="flex-end">
            <Button variant="default" disabled={working} onClick={() => setArchiving(null)}>取消</Button>
            <Button loading={working} onClick={() => void archive()}>确认归档</Button>
          </Group>
        </Stack>
      </Modal>

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
