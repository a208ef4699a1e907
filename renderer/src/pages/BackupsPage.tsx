import { useState } from 'react';
import { Alert, Badge, Button, Card, Center, Group, Loader, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { BackupEntry } from '../../../shared/schemas/backup';
import { call } from '../api';
import { useApi } from '../useApi';
import { saveFile } from '../files';
import { followJob } from '../jobs';
import { ChooseFile } from '../components/ChooseFile';
import type { Uploaded } from '../../../shared/schemas/files';
import { notifyCanceled, notifyError, notifyOk } from '../notify';
import { BACKUP_MADE } from '../components/BackupWarning';
import { fileSizeText } from '../../../shared/numbers';

const KIND_COLOR: Record<BackupEntry['kind'], string> = { 自动: 'blue', 恢复前: 'grape', 迁移前: 'gray' };
const CONFIRM_WORD = '恢复';

/** What is about to replace the archive: an automatic backup by name, or a chosen backup file. */
type Pending = { kind: 'auto'; entry: BackupEntry } | { kind: 'file'; file: Uploaded };

export function BackupsPage() {
  const status = useApi('backups.status', {});
  const list = useApi('backups.list', {});
  const [saving, setSaving] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [typed, setTyped] = useState('');
  const [restoring, setRestoring] = useState(false);

  async function backupNow() {
    setSaving(true);
    try {
      const out = await followJob(call('backups.createFile', {}));
      if (!out) {
        notifyCanceled('没有生成备份文件。');
        return;
      }
      void status.reload();
      window.dispatchEvent(new Event(BACKUP_MADE));
      if (await saveFile(out)) notifyOk(`已生成备份文件 ${out.fileName}，请把它保存到U盘或其他电脑。`);
    } catch (e) {
      notifyError(e);
    } finally {
      setSaving(false);
    }
  }

  function ask(p: Pending | null) {
    setTyped('');
    setPending(p);
  }

  async function restore() {
    if (!pending) return;
    setRestoring(true);
    try {
      const res = await followJob(pending.kind === 'auto'
        ? call('backups.restoreAuto', { name: pending.entry.name })
        : call('backups.restoreFile', { uploadId: pending.file.uploadId }));
      if (!res) {
        notifyCanceled('没有恢复，档案没有改变。');
        setPending(null);
        return;
      }
      notifyOk(`已恢复档案。恢复前的档案已保存为 ${res.keptAs}。正在重新载入…`);
      setPending(null);
      // Every page shows data of the replaced archive: start the app afresh.
      setTimeout(() => window.location.reload(), 1200);
    } catch (e) {
      notifyError(e);
    } finally {
      setRestoring(false);
    }
  }

  const what = pending?.kind === 'auto' ? `备份「${pending.entry.name}」（${pending.entry.at}）` : pending ? `备份文件「${pending.file.fileName}」` : '';

  return (
    <Stack maw={1100}>
      <Title order={2}>备份与恢复</Title>
      {status.error && <Alert color="red" title="无法读取备份状态">{status.error}</Alert>}
      {status.data && (
        <Alert color={status.data.stale ? 'orange' : 'green'} variant="light" title={status.data.lastAutoBackup ? `最近一次自动备份：${status.data.lastAutoBackup}` : '还没有自动备份'}>
          <Text size="sm" mb={4}>{status.data.lastFileBackup ? `最近一次备份到文件：${status.data.lastFileBackup}` : '还没有备份到文件'}</Text>
          {status.data.stale
            ? '已超过一周没有备份。请点击「立即备份到文件」，并把备份文件保存到U盘或其他电脑。'
            : `程序运行中每天自动备份一次（启动几秒后和退出时检查，距上次自动备份满一天才备份），保留最近 7 天、4 周和 12 个月的备份，共 ${status.data.autoCount} 份。`}
          <Text size="xs" c="dimmed" mt={4}>备份文件夹：{status.data.folder}</Text>
        </Alert>
      )}

      <Group align="stretch" grow>
        <Card withBorder>
          <Text fw={700}>立即备份到文件</Text>
          <Text size="sm" c="dimmed" my="xs">生成一个 .zip 文件，包含全部档案数据和附件。自动备份与档案在同一台电脑上，请定期把备份文件另存到U盘或其他电脑。</Text>
          <Button onClick={() => void backupNow()} loading={saving}>立即备份到文件</Button>
        </Card>
        <Card withBorder>
          <Text fw={700}>从备份文件恢复</Text>
          <Text size="sm" c="dimmed" my="xs">选择以前生成的备份文件（.zip）。恢复前会先检查文件；当前档案会保存到备份文件夹中，不会丢失。</Text>
          <ChooseFile kind="backup" label="选择备份文件" onChosen={([file]) => ask({ kind: 'file', file })}>
            {(open, busy) => <Button variant="light" color="orange" loading={busy} onClick={open}>从备份文件恢复…</Button>}
          </ChooseFile>
        </Card>
      </Group>

      <Title order={4} mt="md">备份文件夹中的备份</Title>
      {list.error && <Alert color="red" title="无法读取备份列表">{list.error}</Alert>}
      {!list.data && list.loading && <Center h={120}><Loader /></Center>}
      {list.data && list.data.length === 0 && <Alert color="gray" variant="light" title="还没有备份">程序运行时会自动备份。</Alert>}
      {list.data && list.data.length > 0 && (
        <Table striped highlightOnHover withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={100}>类别</Table.Th>
              <Table.Th w={180}>时间</Table.Th>
              <Table.Th>文件名</Table.Th>
              <Table.Th w={100}>大小</Table.Th>
              <Table.Th w={100}>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((b) => (
              <Table.Tr key={b.name}>
                <Table.Td><Badge variant="light" color={KIND_COLOR[b.kind]}>{b.kind}</Badge></Table.Td>
                <Table.Td>{b.at}</Table.Td>
                <Table.Td><Text size="sm" ff="monospace">{b.name}</Text></Table.Td>
                <Table.Td>{fileSizeText(b.size)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" color="orange" aria-label={`恢复备份 ${b.name}`} onClick={() => ask({ kind: 'auto', entry: b })}>恢复</Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed">「恢复前」是每次恢复时保存的原档案，可用来撤销恢复；「迁移前」是程序升级前保存的档案。</Text>

      <Modal opened={pending !== null} onClose={() => !restoring && ask(null)} title="恢复档案" centered size="lg">
        <Stack>
          <Alert color="red" variant="light" title="当前档案的全部内容将被替换">
            将用{what}替换当前档案。此后新增或修改的记录将不在恢复后的档案中。当前档案会先保存到备份文件夹（名为「恢复前-…」），需要时可以再恢复回来。
          </Alert>
          <TextInput
            label={`请输入「${CONFIRM_WORD}」两个字以确认`}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            disabled={restoring}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => ask(null)} disabled={restoring}>取消</Button>
            <Button color="red" disabled={typed.trim() !== CONFIRM_WORD} loading={restoring} onClick={() => void restore()}>确认恢复</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
