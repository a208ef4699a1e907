import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyError, notifyOk } from '../../notify';
import { ITEM_STATUS_COLORS } from '../../lib/status-colors';
import type { Visit } from '../../../../shared/schemas/visit';
import { dateInWords, monthLabel } from '../../../../shared/dates';

/**
 * The 行事历 item a visit carries out, with its 完成情况; while the item is not done, an offer to mark it
 * done (or under way) from this record: completion follows the linked records.
 */
export function LinkedCalendarItem({ visit: v }: { visit: Visit }) {
  const item = useApi('calendarItems.get', { id: v.calendarItemId! });
  const [busy, setBusy] = useState(false);
  if (item.error) return <Alert color="gray" title="行事历事项">关联的行事历事项已不存在或已被删除。</Alert>;
  const i = item.data;
  if (!i) return null;

  async function mark(status: '已完成' | '进行中') {
    setBusy(true);
    try {
      const note = status === '已完成' ? `${dateInWords(v.date)}${v.schoolName}督导完成` : i!.statusNote;
      await call('calendarItems.setStatus', { id: i!.id, status, statusNote: i!.statusNote ?? note });
      notifyOk(`已将行事历事项「${i!.content}」标记为${status}`);
      await item.reload();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  const open = i.status === '未开始' || i.status === '进行中';
  return (
    <Alert color={open ? 'blue' : 'gray'} variant="light" title="行事历事项">
      <Group gap="xs" wrap="wrap">
        <Anchor component={Link} to={`/calendar?id=${i.calendarId}&month=${i.month}&item=${i.id}`} size="sm">
          {i.calendarTitle} · {monthLabel(i.month).slice(5)} {i.numberText}{i.content}
        </Anchor>
        <Badge color={ITEM_STATUS_COLORS[i.status]} variant="light">{i.status}</Badge>
        <Text size="xs" c="dimmed">已关联督导记录{i.visitCount}条</Text>
      </Group>
      {open && (
        <Group gap="xs" mt="xs">
          <Text size="sm">本次督导已开展这项工作，是否更新它的完成情况？</Text>
          <Button size="xs" color="green" leftSection={<IconCheck size={14} />} loading={busy} onClick={() => void mark('已完成')}>标记为已完成</Button>
          {i.status === '未开始' && <Button size="xs" variant="default" disabled={busy} onClick={() => void mark('进行中')}>标记为进行中</Button>}
        </Group>
      )}
    </Alert>
  );
}
