import { useState } from 'react';
import { Button, Group, Modal, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { call } from '../../api';
import { saveFile } from '../../files';
import { notifyError } from '../../notify';
import type { BriefingCorrection } from '../../../../shared/schemas/briefing';

/** 更正: ask the reason, then re-open the issued briefing (its numbers and date kept). */
export function ReopenDialog({ opened, label, onClose, onReopen }: {
  opened: boolean; label: string; onClose(): void; onReopen(reason: string): Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened={opened} onClose={onClose} title={`更正${label}`}>
      <Stack>
        <Text size="sm">
          更正时期号和印发日期保持不变。原印发的版本（含 Word 文件）会保留在「更正记录」中；改好后点击「重新印发」，
          或点击「放弃更正」恢复原样。
        </Text>
        <Textarea label="更正原因" withAsterisk autosize minRows={2} maxLength={200} placeholder="如：第二篇中督导学校数有误"
          value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button color="orange" loading={busy} disabled={reason.trim().length < 2} onClick={async () => {
            setBusy(true);
            try { await onReopen(reason.trim()); setReason(''); } finally { setBusy(false); }
          }}>开始更正</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A briefing's corrections: when, why, how each ended, and the file as issued before it. */
export function CorrectionHistory({ corrections }: { corrections: BriefingCorrection[] }) {
  if (corrections.length === 0) return null;
  const download = async (id: number) => {
    try {
      await saveFile(await call('briefings.exportPrevious', { correctionId: id }));
    } catch (e) { notifyError(e); }
  };
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="xs">更正记录</Text>
      <Table aria-label="更正记录" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr><Table.Th w={170}>开始更正</Table.Th><Table.Th>更正原因</Table.Th><Table.Th w={110}>结果</Table.Th><Table.Th w={170} /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {corrections.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td><Text size="sm">{c.openedAt.slice(0, 16)}（{c.openedBy}）</Text></Table.Td>
              <Table.Td><Text size="sm">{c.reason}</Text></Table.Td>
              <Table.Td><Text size="sm">{c.outcome ?? '更正中'}</Text></Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" leftSection={<IconDownload size={12} />} onClick={() => download(c.id)}>更正前的文件</Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
