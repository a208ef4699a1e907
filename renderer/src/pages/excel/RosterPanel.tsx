import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconTableExport, IconUpload } from '@tabler/icons-react';
import type { ImportPreview, ImportResult } from '../../../../shared/schemas/admin';
import { call } from '../../api';
import { saveFile } from '../../files';
import { followJob } from '../../jobs';
import { ChooseFile } from '../../components/ChooseFile';
import type { Uploaded } from '../../../../shared/schemas/files';
import { notifyCanceled, notifyError, notifyOk } from '../../notify';
import { PreviewTable } from './PreviewTable';

export type RosterKind = ImportPreview['kind'];

const ROSTER: Record<RosterKind, { label: string; title: string; path: string; match: string }> = {
  supervisors: {
    label: '督学', title: '督学名册', path: '/supervisors',
    match: '按「督学证编号」匹配已有督学，没有编号的按「姓名」+「手机」匹配；照片不受导入影响。',
  },
  schools: {
    label: '学校', title: '学校名册', path: '/schools',
    match: '按「学校全称」匹配已有学校；「所属责任区」填写已有责任区的名称。',
  },
};

type Filter = 'all' | 'skip' | 'insert' | 'update';

interface Pending { fileName: string; uploadId: string; preview: ImportPreview }

/** One roster: template and export downloads, then choose a file -> preview -> 确认导入. */
export function RosterPanel({ kind }: { kind: RosterKind }) {
  const r = ROSTER[kind];
  const [busy, setBusy] = useState<'template' | 'export' | 'preview' | 'commit' | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [filter, setFilter] = useState<Filter>('all');

  async function download(which: 'template' | 'export') {
    setBusy(which);
    try {
      const file = which === 'template'
        ? await call('excel.template', { kind })
        : await call('excel.exportRoster', { kind });
      await saveFile(file);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  async function choose([file]: Uploaded[]) {
    setBusy('preview');
    setResult(null);
    setPending(null);
    try {
      const preview = await followJob(call('excel.previewImport', { kind, uploadId: file.uploadId }));
      if (!preview) return notifyCanceled('没有读取所选文件。');
      setPending({ fileName: file.fileName, uploadId: file.uploadId, preview });
      setFilter('all');
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  async function commit() {
    if (!pending) return;
    setBusy('commit');
    try {
      const res = await followJob(call('excel.commitImport', { kind, uploadId: pending.uploadId }));
      if (!res) return notifyCanceled('没有导入，档案没有改变。'); // 取消 before anything was written
      setResult(res);
      setPending(null);
      notifyOk(`${r.title}导入完成：新增 ${res.inserted} 条，更新 ${res.updated} 条。`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  const p = pending?.preview;
  const counts = p && {
    insert: p.rows.filter((x) => x.action === 'insert').length,
    update: p.rows.filter((x) => x.action === 'update').length,
    skip: p.invalidCount,
  };
  const shown = p ? p.rows.filter((x) => filter === 'all' || x.action === filter) : [];

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            先下载模板填写，或导出现有名册修改后再导入。{r.match}导入前先显示预览，点击「确认导入」后才写入档案。
          </Text>
          <Group>
            <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy === 'template'}
              onClick={() => download('template')}>下载模板</Button>
            <Button variant="default" leftSection={<IconTableExport size={16} />} loading={busy === 'export'}
              onClick={() => download('export')}>导出名册</Button>
            <ChooseFile kind="roster" label={`选择要导入的${r.title}文件`} onChosen={choose}>
              {(open, receiving) => (
                <Button onClick={open} leftSection={<IconUpload size={16} />} loading={receiving || busy === 'preview'}
                  disabled={busy === 'commit'}>导入名册…</Button>
              )}
            </ChooseFile>
          </Group>
        </Stack>
      </Paper>

      {result && (
        <Alert color="green" title="导入完成" onClose={() => setResult(null)} withCloseButton>
          <Text size="sm">
            新增 {result.inserted} 条，更新 {result.updated} 条，跳过 {result.skipped} 条错误记录。
            <Anchor component={Link} to={r.path} ml="xs">查看{r.title}</Anchor>
          </Text>
        </Alert>
      )}

      {pending && p && counts && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start">
              <Stack gap={4}>
                <Title order={4}>
                  <Group gap={6}><IconFileSpreadsheet size={20} />导入预览：{pending.fileName}</Group>
                </Title>
                <Group gap="xs">
                  <Text size="sm">共 {p.rows.length} 行：</Text>
                  <Badge color="green" variant="light">新增 {counts.insert}</Badge>
                  <Badge color="blue" variant="light">更新 {counts.update}</Badge>
                  <Badge color="red" variant={counts.skip ? 'filled' : 'light'}>错误 {counts.skip}</Badge>
                </Group>
              </Stack>
              <SegmentedControl size="xs" value={filter} onChange={(v) => setFilter(v as Filter)} data={[
                { value: 'all', label: '全部' },
                { value: 'skip', label: `错误（${counts.skip}）` },
                { value: 'insert', label: '新增' },
                { value: 'update', label: '更新' },
              ]} />
            </Group>
            {counts.skip > 0 && (
              <Alert color="red" variant="light" p="xs">
                {counts.skip} 行有错误（红色标出），导入时会跳过这些行。也可以在 Excel 中改正后重新选择文件。
              </Alert>
            )}
            <PreviewTable columns={p.columns} rows={shown} />
            {shown.length === 0 && <Text size="sm" c="dimmed" ta="center">没有符合条件的行。</Text>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(null)} disabled={busy === 'commit'}>取消</Button>
              <Button onClick={commit} loading={busy === 'commit'} disabled={p.validCount === 0}>
                确认导入：导入 {p.validCount} 条有效记录{p.invalidCount ? `，跳过 ${p.invalidCount} 条错误记录` : ''}
              </Button>
            </Group>
            {p.validCount === 0 && <Text size="sm" c="red.8" ta="right">没有可导入的有效记录，请改正文件后重新选择。</Text>}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
