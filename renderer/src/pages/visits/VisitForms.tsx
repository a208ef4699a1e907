import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  Alert, Anchor, Badge, Button, Group, List, MultiSelect, Paper, SegmentedControl, Stack, Table, Text, Title,
} from '@mantine/core';
import { IconArrowLeft, IconFileZip, IconUpload } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { saveStored } from '../../files';
import { followJob } from '../../jobs';
import { notifyCanceled, notifyError, notifyOk } from '../../notify';
import { ChooseFile } from '../../components/ChooseFile';
import { DateField } from '../../components/DateFields';
import { ExportButton } from '../../components/ExportButton';
import { todayText } from '../../../../shared/dates';
import { termOf } from '../../../../shared/visit-form';
import type { Uploaded } from '../../../../shared/schemas/files';
import type { VisitFormFilePreview, VisitFormPreview, VisitFormResult, VisitFormRowPreview } from '../../../../shared/schemas/visit-form';

const FILE_STATUS: Record<VisitFormFilePreview['status'], { label: string; color: string }> = {
  ready: { label: '可导入', color: 'green' }, imported: { label: '已导入过', color: 'gray' },
  repeated: { label: '重复文件', color: 'gray' }, invalid: { label: '无法导入', color: 'red' },
};
const ROW_STATUS: Record<VisitFormRowPreview['status'], { label: string; color: string }> = {
  ok: { label: '导入', color: 'green' }, error: { label: '错误', color: 'red' }, duplicate: { label: '重复', color: 'orange' },
};
const SHOWN = ['督导日期', '学校', '督导类型', '督导纪实', '问题'];

/** The columns a row's reasons name («「学校」…»), marked in the table. */
const badColumns = (r: VisitFormRowPreview) => new Set(r.errors.map((e) => /^「(.+?)」/.exec(e)?.[1]).filter(Boolean));

function FileRows({ file, only }: { file: VisitFormFilePreview; only: boolean }) {
  const rows = only ? file.rows.filter((r) => r.status !== 'ok') : file.rows;
  if (rows.length === 0) return null;
  return (
    <Table withTableBorder withColumnBorders fz="sm" aria-label={`${file.fileName}的记录`}>
      <Table.Thead>
        <Table.Tr><Table.Th w={80}>行号</Table.Th><Table.Th w={70}>状态</Table.Th><Table.Th miw={260}>说明</Table.Th>
          {SHOWN.map((c) => <Table.Th key={c}>{c}</Table.Th>)}<Table.Th w={60}>照片</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => {
          const bad = badColumns(r);
          return (
            <Table.Tr key={r.rowNumber} bg={r.status === 'error' ? 'red.0' : r.status === 'duplicate' ? 'orange.0' : undefined}>
              <Table.Td>第 {r.rowNumber} 行</Table.Td>
              <Table.Td><Badge color={ROW_STATUS[r.status].color} variant="light">{ROW_STATUS[r.status].label}</Badge></Table.Td>
              <Table.Td>
                {r.errors.length > 0 && <List size="sm" spacing={2} c="red.8">{r.errors.map((e) => <List.Item key={e}>{e}</List.Item>)}</List>}
                {r.duplicateOf && <Text size="sm" c="orange.9">{r.duplicateOf}，不再导入</Text>}
                {r.status === 'ok' && r.problem && <Text size="sm" c="dimmed">问题将列入整改台账</Text>}
              </Table.Td>
              {SHOWN.map((c) => (
                <Table.Td key={c} bg={bad.has(c) ? 'red.1' : undefined}>
                  <Text size="sm" truncate="end" maw={c === '督导纪实' || c === '问题' ? 220 : 160} fw={bad.has(c) ? 600 : undefined}>{r.values[c] ?? ''}</Text>
                </Table.Td>
              ))}
              <Table.Td>{r.photos || ''}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/**
 * 回收督导记录表: send each supervisor a form for the term, then take back the filled files in one batch —
 * a preview of every record with its errors per file and row, duplicates marked — and file the good ones.
 */
export function VisitForms() {
  const navigate = useNavigate();
  const supervisors = useApi('supervisors.list', { limit: 500, sort: 'name' });
  const imports = useApi('visitForms.imports', { limit: 20 });
  const term = termOf(todayText());
  const [who, setWho] = useState<string[]>([]);
  const [from, setFrom] = useState(term.from);
  const [to, setTo] = useState(term.to);
  const [sent, setSent] = useState<Uploaded[]>([]);
  const [preview, setPreview] = useState<VisitFormPreview | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const [result, setResult] = useState<VisitFormResult | null>(null);
  const [only, setOnly] = useState<'all' | 'problems'>('all');
  const everyone = useMemo(() => supervisors.data?.rows ?? [], [supervisors.data]);

  // The files are received first (ChooseFile); the preview and the commit run as jobs, with progress and 取消.
  async function take(files: Uploaded[]) {
    setResult(null);
    setPreview(null);
    setSent(files);
    setBusy('preview');
    try {
      const p = await followJob(call('visitForms.preview', { uploadIds: files.map((f) => f.uploadId) }));
      if (p) setPreview(p);
      else notifyCanceled('已取消检查，档案没有改变。');
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  async function commit() {
    setBusy('commit');
    try {
      const r = await followJob(call('visitForms.commit', { uploadIds: sent.map((f) => f.uploadId) }));
      if (!r) {
        notifyCanceled('已取消导入，档案没有改变。');
        return;
      }
      setResult(r);
      setPreview(null);
      setSent([]);
      void imports.reload();
      notifyOk(`已导入${r.files}个文件：督导记录${r.visits}条，问题${r.problems}个，照片${r.photos}张。`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  const c = preview?.counts;
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Anchor component="button" onClick={() => navigate('/visits')} aria-label="返回督导记录"><IconArrowLeft size={18} /></Anchor>
        <Title order={2}>回收督导记录表</Title>
      </Group>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text fw={600}>1. 发放督导记录表</Text>
          <Text size="sm" c="dimmed">为每位督学生成一份 Excel 督导记录表（下拉选择挂牌学校、督导方式和督导事项，照片直接插入）和一份打印版 Word 记录表，打包下载后发给督学填写。</Text>
          <Group gap="sm" align="flex-end">
            <MultiSelect label="督学" placeholder={who.length ? '' : '选择督学'} searchable w={420} maxDropdownHeight={260}
              data={everyone.map((s) => ({ value: String(s.id), label: `${s.name}（${s.category}）` }))} value={who} onChange={setWho}
              nothingFoundMessage="没有匹配的督学" />
            <Button variant="default" onClick={() => setWho(everyone.filter((s) => s.status === '在聘').map((s) => String(s.id)))}>全部在聘督学</Button>
            <DateField label="填报期间从" w={160} value={from} onChange={setFrom} clearable={false} />
            <DateField label="至" w={160} value={to} onChange={setTo} clearable={false} />
            <ExportButton channel="visitForms.templates" input={{ supervisorIds: who.map(Number), from, to }} icon={<IconFileZip size={16} />} label={`下载督导记录表（${who.length}人）`} disabled={who.length === 0} />
          </Group>
          <Text size="xs" c="dimmed">默认为本学期（{term.label}）。交回的记录中日期不在填报期间内的，导入时会标为错误。</Text>
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text fw={600}>2. 导入交回的督导记录表</Text>
          <Group>
            <ChooseFile kind="visitForm" label="选择交回的督导记录表文件" onChosen={take}>
              {(open, receiving) => (
                <Button leftSection={<IconUpload size={16} />} onClick={open} loading={receiving || busy === 'preview'}>选择文件…</Button>
              )}
            </ChooseFile>
            <Text size="sm" c="dimmed">可以一次选择几十个文件（按住 Ctrl 或 Shift 多选）。导入前先显示预览，确认后才写入档案；同一个文件导入两次不会重复。</Text>
          </Group>
          {busy === 'preview' && <Text size="sm">正在逐行检查 {sent.length} 个文件…</Text>}
          {imports.data?.samples && (
            <Text size="xs" c="dimmed">示例档案在档案文件夹的「{imports.data.samples}」中放了几份督学交回的督导记录表，可以选来试着导入。</Text>
          )}
        </Stack>
      </Paper>

      {result && (
        <Alert color="green" title="导入完成" withCloseButton onClose={() => setResult(null)}>
          <Text size="sm">
            导入{result.files}个文件：督导记录{result.visits}条，问题{result.problems}个（已列入整改台账），照片{result.photos}张；跳过{result.skipped}行（错误或重复）。
            <Anchor component={Link} to="/visits" ml="xs">查看督导记录</Anchor>
          </Text>
        </Alert>
      )}

      {preview && c && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start">
              <Stack gap={4}>
                <Title order={4}>导入预览</Title>
                <Group gap="xs">
                  <Text size="sm">{c.files}个文件，{c.rows}行：</Text>
                  <Badge color="green" variant="light">导入 {c.ok}</Badge>
                  <Badge color="red" variant={c.errors ? 'filled' : 'light'}>错误 {c.errors}</Badge>
                  <Badge color="orange" variant="light">重复 {c.duplicates}</Badge>
                  <Badge color="blue" variant="light">问题 {c.problems}</Badge>
                  <Badge color="grape" variant="light">照片 {c.photos}</Badge>
                </Group>
              </Stack>
              <SegmentedControl size="xs" value={only} onChange={(v) => setOnly(v as 'all' | 'problems')}
                data={[{ value: 'all', label: '全部行' }, { value: 'problems', label: `只看错误和重复（${c.errors + c.duplicates}）` }]} />
            </Group>
            {c.errors > 0 && <Alert color="red" variant="light" p="xs">{c.errors}行有错误（红色标出），导入时跳过。可以让督学改正后交回新文件，或由文书在「督导记录」中补录。</Alert>}
            {preview.files.map((f) => (
              <Stack key={f.hash + f.fileName} gap={6}>
                <Group gap="xs">
                  <Badge color={FILE_STATUS[f.status].color}>{FILE_STATUS[f.status].label}</Badge>
                  <Text fw={600} size="sm">{f.fileName}</Text>
                  {f.supervisorName && <Text size="sm" c="dimmed">督学：{f.supervisorName}{'\u3000'}填报期间：{f.from} 至 {f.to}</Text>}
                </Group>
                {f.message && <Text size="sm" c={f.status === 'invalid' ? 'red.8' : 'dimmed'}>{f.message}</Text>}
                <FileRows file={f} only={only === 'problems'} />
              </Stack>
            ))}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPreview(null)} disabled={busy === 'commit'}>取消</Button>
              <Button onClick={commit} loading={busy === 'commit'} disabled={c.ok === 0}>
                确认导入：{c.ok}条督导记录{c.problems ? `、${c.problems}个问题` : ''}{c.photos ? `、${c.photos}张照片` : ''}
              </Button>
            </Group>
            {c.ok === 0 && <Text size="sm" c="red.8" ta="right">没有可导入的记录。</Text>}
          </Stack>
        </Paper>
      )}

      <Paper withBorder p="md">
        <Text fw={600} mb="xs">已导入的文件</Text>
        {imports.data?.rows.length ? (
          <Table striped fz="sm" aria-label="已导入的文件">
            <Table.Thead><Table.Tr><Table.Th>文件</Table.Th><Table.Th>督学</Table.Th><Table.Th>填报期间</Table.Th><Table.Th>导入时间</Table.Th>
              <Table.Th>记录</Table.Th><Table.Th>问题</Table.Th><Table.Th>照片</Table.Th><Table.Th>跳过</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {imports.data.rows.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Anchor component="button" size="sm" onClick={() => void saveStored(i.hash).catch(notifyError)} title="下载交回的原文件">{i.fileName}</Anchor>
                  </Table.Td>
                  <Table.Td><Anchor component={Link} to={`/visits?supervisorId=${i.supervisorId}`} size="sm">{i.supervisorName}</Anchor></Table.Td>
                  <Table.Td>{i.from} 至 {i.to}</Table.Td><Table.Td>{i.importedAt.slice(0, 16)}（{i.actor}）</Table.Td>
                  <Table.Td>{i.visits}</Table.Td><Table.Td>{i.problems}</Table.Td><Table.Td>{i.photos}</Table.Td><Table.Td>{i.skipped || ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : <Text size="sm" c="dimmed">还没有导入过督导记录表。</Text>}
      </Paper>
    </Stack>
  );
}
