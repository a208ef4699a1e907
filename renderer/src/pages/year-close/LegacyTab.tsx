import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Loader, Modal, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { saveFile } from '../../files';
import { ChooseFile } from '../../components/ChooseFile';
import type { Uploaded } from '../../../../shared/schemas/files';
import { notifyError, notifyOk } from '../../notify';
import { LEGACY_KINDS, type LegacyFile } from '../../../../shared/schemas/year-close';
import { fileSizeText } from '../../../../shared/numbers';

/** 历年档案: upload a file from before the app under a year, list, download, delete. */
export function LegacyTab({ highlight }: { highlight: number | null }) {
  const [filterYear, setFilterYear] = useState<string | null>(null);
  const list = useApi('legacy.list', filterYear ? { year: Number(filterYear), limit: 500 } : { limit: 500 });
  const [year, setYear] = useState<number | string>(new Date().getFullYear() - 1);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<string | null>('其他');
  const [file, setFile] = useState<Uploaded | null>(null);
  const [uploading, setUploading] = useState(false);
  const [deleting, setDeleting] = useState<LegacyFile | null>(null);

  async function upload() {
    if (!file) { notifyError(new Error('请先选择要上传的文件。')); return; }
    setUploading(true);
    try {
      const f = await call('legacy.add', { year: Number(year), title: title.trim() || file.fileName.replace(/\.[^.]+$/, ''), kind: kind as (typeof LEGACY_KINDS)[number], uploadId: file.uploadId });
      notifyOk(`已收入${f.year}年历年档案「${f.title}」${f.searchable ? '，文中内容可在顶部搜索框中搜索' : ''}。`);
      setTitle('');
      setFile(null);
      await list.reload();
    } catch (e) {
      notifyError(e);
    } finally {
      setUploading(false);
    }
  }

  async function download(f: LegacyFile) {
    try {
      await saveFile(await call('legacy.download', { id: f.id }));
    } catch (e) {
      notifyError(e);
    }
  }

  async function remove() {
    if (!deleting) return;
    try {
      await call('legacy.delete', { id: deleting.id });
      notifyOk(`已将「${deleting.title}」移入回收站。`);
      setDeleting(null);
      await list.reload();
    } catch (e) {
      notifyError(e);
    }
  }

  const rows = list.data?.rows ?? [];
  const years = [...new Set(rows.map((r) => r.year))];
  return (
    <Stack>
      <Card withBorder>
        <Stack gap="sm">
          <Text fw={700}>上传历年档案</Text>
          <Text size="sm" c="dimmed">收入本程序使用前的档案文件：Word（.docx）、PDF、Excel（.xlsx）和图片。Word 文件中的文字可在顶部搜索框中搜索。</Text>
          <Group align="flex-end">
            <NumberInput label="年份" w={110} min={2000} max={2100} value={year} onChange={setYear} />
            <TextInput label="题名" w={280} placeholder="不填则用文件名" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
            <Select label="类别" w={140} data={[...LEGACY_KINDS]} value={kind} onChange={setKind} allowDeselect={false} />
            <ChooseFile kind="legacy" label="选择历年档案文件" onChosen={([f]) => setFile(f)}>
              {(open, busy) => (
                <Stack gap={2} w={240}>
                  <Text size="sm" fw={500}>文件</Text>
                  <Button variant="default" loading={busy} onClick={open} justify="flex-start">
                    <Text size="sm" truncate>{file ? file.fileName : '选择文件…'}</Text>
                  </Button>
                </Stack>
              )}
            </ChooseFile>
            <Button loading={uploading} disabled={!file} onClick={() => void upload()}>上传</Button>
          </Group>
        </Stack>
      </Card>

      <Group>
        <Select label="按年份查看" w={160} placeholder="全部年份" clearable value={filterYear} onChange={setFilterYear}
          data={(filterYear && !years.includes(Number(filterYear)) ? [...years, Number(filterYear)] : years).map((y) => ({ value: String(y), label: `${y}年` }))} />
      </Group>
      {list.error && <Alert color="red">{list.error}</Alert>}
      {!list.data && !list.error && <Loader />}
      {list.data && rows.length === 0 && <Text c="dimmed">还没有历年档案文件。</Text>}
      {rows.length > 0 && (
        <Table striped withTableBorder aria-label="历年档案列表">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>年份</Table.Th><Table.Th>题名</Table.Th><Table.Th>类别</Table.Th><Table.Th>文件</Table.Th>
              <Table.Th>大小</Table.Th><Table.Th>全文搜索</Table.Th><Table.Th>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((f) => (
              <Table.Tr key={f.id} bg={f.id === highlight ? 'yellow.1' : undefined} aria-current={f.id === highlight ? 'true' : undefined}>
                <Table.Td>{f.year}年</Table.Td>
                <Table.Td>{f.title}</Table.Td>
                <Table.Td><Badge variant="light" color="gray">{f.kind}</Badge></Table.Td>
                <Table.Td>{f.fileName}</Table.Td>
                <Table.Td>{fileSizeText(f.size)}</Table.Td>
                <Table.Td>{f.searchable ? '可搜索' : '—'}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => void download(f)}>下载</Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(f)}>删除</Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title="删除历年档案文件" centered>
        <Stack>
          <Text size="sm">将「{deleting?.title}」移入回收站？可在回收站中恢复。</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>取消</Button>
            <Button color="red" onClick={() => void remove()}>删除</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
