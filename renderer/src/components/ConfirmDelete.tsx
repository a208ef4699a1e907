import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifyError } from '../notify';

/** Ask before deleting; says plainly that the record goes to the 回收站 and can be restored. */
export function ConfirmDelete({ what, title, opened, onClose, onConfirm }: {
  /** e.g. 学校 */
  what: string;
  /** The record's name as the user knows it. */
  title: string;
  opened: boolean;
  onClose: () => void;
  onConfirm: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={`删除${what}`} centered>
      <Stack>
        <Text>确定删除{what}「{title}」吗？</Text>
        <Text size="sm" c="dimmed">删除后将移入回收站，可在「回收站」中恢复。</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button color="red" loading={busy} onClick={confirm}>删除</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
