import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Progress, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import { call } from '../../api';
import { ChooseFile } from '../../components/ChooseFile';
import type { Uploaded } from '../../../../shared/schemas/files';
import { PIECE_KINDS, type Piece } from '../../../../shared/schemas/piece';
import { years } from './PieceTabs';

/** One file's outcome: imported (with what is left to do) or not, with the reason. */
interface Result { file: string; piece?: Piece; notes: string[]; error?: string }

/**
 * 从Word导入: many .docx files at once, each read as a draft (title, author and school from the byline,
 * tables and pictures kept). Files go one by one — the same upload as every file the app takes — so the
 * progress shows and one bad file fails alone, with its reason in the result list.
 */
export function ImportDialog({ opened, onClose, onImported }: { opened: boolean; onClose(): void; onImported(): void }) {
  const navigate = useNavigate();
  const [kind, setKind] = useState<string>('案例');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [results, setResults] = useState<Result[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number; file: string } | null>(null);

  async function importFiles(files: Uploaded[]) {
    const out: Result[] = [];
    setResults([]);
    for (const [i, f] of files.entries()) {
      setProgress({ done: i, total: files.length, file: f.fileName });
      try {
        const r = await call('pieces.import', { uploadId: f.uploadId, kind: kind as (typeof PIECE_KINDS)[number], year: Number(year) });
        out.push({ file: f.fileName, piece: r.piece, notes: r.notes });
      } catch (e) {
        out.push({ file: f.fileName, notes: [], error: e instanceof Error ? e.message : String(e) });
      }
      setResults([...out]);
    }
    setProgress(null);
    onImported();
  }

  const ok = results.filter((r) => r.piece).length;
  const failed = results.length - ok;
  return (
    <Modal opened={opened} onClose={() => { if (!progress) onClose(); }} title="从Word导入" size="xl">
      <Stack>
        <Text size="sm">
          一次可选择多个 Word 文件（.docx）。每个文件导入为一篇草稿：标题取第一个标题（或第一行），作者和学校取标题下的署名行
          （如“作者：张三”“××学校{'\u3000'}张三”“文/张三”），正文中的小标题、列表、表格和图片一并导入。
        </Text>
        <Group align="flex-end">
          <Select label="类型" w={120} data={[...PIECE_KINDS]} value={kind} allowDeselect={false} onChange={(v) => v && setKind(v)} disabled={!!progress} />
          <Select label="年份" w={100} data={years()} value={year} allowDeselect={false} onChange={(v) => v && setYear(v)} disabled={!!progress} />
          <ChooseFile kind="piece" label="选择Word文件" onChosen={importFiles}>
            {(open, busy) => (
              <Button leftSection={<IconFileImport size={16} />} loading={busy || !!progress} onClick={open}>选择Word文件…</Button>
            )}
          </ChooseFile>
        </Group>
        {progress && (
          <Stack gap={4}>
            <Text size="sm">正在导入第 {progress.done + 1} / {progress.total} 个文件：{progress.file}</Text>
            <Progress value={(progress.done / progress.total) * 100} animated aria-label="导入进度" />
          </Stack>
        )}
        {results.length > 0 && (
          <>
            {!progress && (
              <Text size="sm" fw={500} role="status">
                导入完成：{ok} 篇已导入为草稿{failed ? `，${failed} 个文件未能导入` : ''}。
              </Text>
            )}
            <ScrollArea.Autosize mah={420}>
              <Table aria-label="导入结果" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr><Table.Th>文件</Table.Th><Table.Th w={80}>结果</Table.Th><Table.Th>标题 · 作者 · 学校</Table.Th><Table.Th>说明</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {/* Files that failed first: they are what needs doing. */}
                  {[...results.filter((r) => r.error), ...results.filter((r) => !r.error)].map((r, i) => (
                    <Table.Tr key={i}>
                      <Table.Td><Text size="sm">{r.file}</Text></Table.Td>
                      <Table.Td><Badge color={r.piece ? 'green' : 'red'} variant="light">{r.piece ? '已导入' : '未导入'}</Badge></Table.Td>
                      <Table.Td>
                        {r.piece && (
                          <Stack gap={0}>
                            <Anchor size="sm" ta="left" component="button" onClick={() => navigate(`/pieces/${r.piece!.id}`)}>{r.piece.title}</Anchor>
                            <Text size="xs" c="dimmed">{[r.piece.authorDisplay || '（无作者）', r.piece.schoolName].filter(Boolean).join(' · ')}</Text>
                          </Stack>
                        )}
                      </Table.Td>
                      <Table.Td><Text size="xs" c={r.error ? 'red' : 'dimmed'}>{r.error ?? r.notes.join(' ')}</Text></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" disabled={!!progress} onClick={onClose}>关闭</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
