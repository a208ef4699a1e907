import { useState } from 'react';
import { Button, Group, Paper, Text } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { call } from '../../api';
import { notifyError, notifyOk } from '../../notify';
import { DateField } from '../../components/DateFields';
import { todayText } from '../../../../shared/dates';

/** 安排回头看 for every 销号 problem of a campaign without one pending, on one date. */
export function ScheduleFollowups({ campaignId, defaultMonths, onDone }: { campaignId: number; defaultMonths: number | null; onDone: () => void }) {
  const [date, setDate] = useState(todayText());
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      const { scheduled } = await call('campaigns.scheduleFollowups', { id: campaignId, dueDate: date });
      notifyOk(`已为${scheduled}个已销号问题安排回头看（${date}）`);
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Paper withBorder p="sm">
      <Group align="flex-end">
        <DateField label="回头看日期" value={date} onChange={setDate} w={200} />
        <Button variant="light" leftSection={<IconCalendarPlus size={16} />} loading={busy} onClick={() => void run()}>为已销号问题安排回头看</Button>
        <Text size="xs" c="dimmed" maw={420}>
          {defaultMonths ? `本专项督导的问题销号后会自动安排${defaultMonths}个月后回头看；` : ''}这里可为尚未安排的已销号问题统一安排一次。
        </Text>
      </Group>
    </Paper>
  );
}
