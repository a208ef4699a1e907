import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Badge, Button, Group, Loader, Modal, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconCheck, IconEdit, IconFileImport, IconFileSpreadsheet, IconRefresh, IconTrash } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyError, notifyOk } from '../../notify';
import { ChooseFile } from '../../components/ChooseFile';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { ExportButton } from '../../components/ExportButton';
import type { ScoresImportResult } from '../../../../shared/schemas/evaluation';
import type { Uploaded } from '../../../../shared/schemas/files';
import { RoundForm } from './RoundForm';
import { ScoreEntry } from './ScoreEntry';
import { RoundResults } from './RoundResults';
import { SurveyEntry } from './SurveyEntry';

/** One evaluation round: scoring each school, the results (达标率, charts, report) and 满意度测评. */
export function RoundDetail() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'scores';
  const got = useApi('evaluations.get', { id });
  const sets = useApi('indicatorSets.list', {});
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [stamp, setStamp] = useState(0);
  if (got.error) return <Alert color="red" title="无法打开评估">{got.error}</Alert>;
  if (!got.data) return <Loader />;
  const r = got.data;
  const changed = () => { void got.reload(); setStamp((n) => n + 1); };

  async function close(closed: boolean) {
    setBusy(true);
    try {
      await call('evaluations.close', { id, closed });
      notifyOk(closed ? '评估已完成，评分不再修改' : '评估已重新打开');
      changed();
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
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate('/evaluations')}>评估监测</Button>
          <Title order={2}>{r.name}</Title>
          <Badge variant="light" color={r.closedAt ? 'green' : 'blue'}>{r.closedAt ? '已完成' : '进行中'}</Badge>
        </Group>
        <Group>
          <ExportButton channel="evaluations.exportScores" input={{ id }} label="导出评分表" icon={<IconFileSpreadsheet size={16} />} />
          {!r.closedAt && <ImportScores id={id} onDone={changed} />}
          {!r.closedAt && <Button variant="light" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>修改</Button>}
          {r.closedAt
            ? <Button variant="light" leftSection={<IconRefresh size={16} />} loading={busy} onClick={() => void close(false)}>重新打开</Button>
            : <Button color="green" leftSection={<IconCheck size={16} />} loading={busy} onClick={() => void close(true)}>完成评估</Button>}
          <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>删除</Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {r.kind} · {r.year}年度{r.startDate ? ` · ${r.startDate} 至 ${r.endDate ?? ''}` : ''} · 指标体系「{r.setName}」满分{r.fullScore}，总分{r.passScore}分及以上为达标 ·
        参评学校{r.schools}所，已评完{r.assessed}所
      </Text>
      <Tabs value={tab} onChange={(v) => setParams({ tab: v ?? 'scores' }, { replace: true })}>
        <Tabs.List>
          <Tabs.Tab value="scores">评分</Tabs.Tab>
          <Tabs.Tab value="results">结果</Tabs.Tab>
          <Tabs.Tab value="surveys">满意度测评</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="scores" pt="md">{tab === 'scores' && <ScoreEntry round={r} key={stamp} onSaved={() => void got.reload()} />}</Tabs.Panel>
        <Tabs.Panel value="results" pt="md">{tab === 'results' && <RoundResults id={id} key={stamp} />}</Tabs.Panel>
        <Tabs.Panel value="surveys" pt="md">{tab === 'surveys' && <SurveyEntry round={r} key={stamp} />}</Tabs.Panel>
      </Tabs>
      <RoundForm opened={editing} round={r} sets={sets.data ?? []} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); changed(); }} />
      <ConfirmDelete what="评估" title={r.name} opened={deleting} onClose={() => setDeleting(false)}
        onConfirm={async () => { await call('evaluations.delete', { id }); notifyOk('评估已移入回收站'); navigate('/evaluations'); }} />
    </Stack>
  );
}

/**
 * 导入评分表: the chosen sheet is received first and checked (each row's errors shown), then the rows
 * without errors are written from the same received file.
 */
function ImportScores({ id, onDone }: { id: number; onDone: () => void }) {
  const [chosen, setChosen] = useState<Uploaded | null>(null);
  const [check, setCheck] = useState<ScoresImportResult | null>(null);
  const [scorer, setScorer] = useState('');
  const [busy, setBusy] = useState(false);
  async function checkFile([file]: Uploaded[]) {
    setChosen(file);
    setCheck(await call('evaluations.importScores', { id, scorer: scorer || '导入', uploadId: file.uploadId }));
  }
  async function commit() {
    setBusy(true);
    try {
      const done = await call('evaluations.importScores', { id, scorer, uploadId: chosen!.uploadId, commit: true });
      notifyOk(`已导入${done.valid}所学校的${done.written}项得分`);
      setCheck(null);
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <ChooseFile kind="scores" label="选择评分表文件" onChosen={checkFile}>
        {(open, receiving) => <Button variant="light" leftSection={<IconFileImport size={16} />} loading={receiving} onClick={open}>导入评分表</Button>}
      </ChooseFile>
      <Modal opened={!!check} onClose={() => setCheck(null)} title={`导入评分表「${chosen?.fileName ?? ''}」`} size="xl">
        {check && (
          <Stack>
            <Text size="sm">读到{check.rows.length}所学校：{check.valid}所可以导入{check.invalid ? `，${check.invalid}所有错误（不导入，请改正后重新导入）` : ''}。</Text>
            <Table aria-label="导入检查" verticalSpacing={4}>
              <Table.Thead><Table.Tr><Table.Th w={60}>行号</Table.Th><Table.Th w={200}>学校</Table.Th><Table.Th w={90}>得分项</Table.Th><Table.Th>问题</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {check.rows.map((row) => (
                  <Table.Tr key={row.rowNumber} c={row.errors.length ? 'red' : undefined}>
                    <Table.Td>{row.rowNumber}</Table.Td><Table.Td>{row.schoolName}</Table.Td>
                    <Table.Td>{Object.values(row.scores).filter((v) => v !== null).length}</Table.Td>
                    <Table.Td><Text size="sm">{row.errors.join('；') || '—'}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="flex-end" align="flex-end">
              <TextInput label="评分人" required value={scorer} onChange={(e) => setScorer(e.currentTarget.value)} placeholder="导入的得分记在谁名下" />
              <Button variant="default" onClick={() => setCheck(null)}>取消</Button>
              <Button loading={busy} disabled={!check.valid || !scorer.trim()} onClick={() => void commit()}>导入{check.valid}所学校</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
