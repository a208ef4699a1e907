import { Badge, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { ITEM_STATUS_COLORS } from '../../lib/status-colors';
import { timingText } from '../../../../shared/calendar-timing';

import type { CalendarDetail, CalendarItem } from '../../../../shared/schemas/calendar';
import { todayText } from '../../../../shared/dates';

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

/** Days of the month as 'YYYY-MM-DD', padded with nulls so the first falls on its weekday (Monday first). */
function cells(month: string): (string | null)[] {
  const [y, m] = month.split('-').map(Number);
  const first = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const out: (string | null)[] = Array.from({ length: first }, () => null);
  for (let d = 1; d <= days; d++) out.push(`${month}-${String(d).padStart(2, '0')}`);
  while (out.length % 7) out.push(null);
  return out;
}

const covers = (i: CalendarItem, day: string) => {
  const start = i.startDate ?? i.endDate;
  const end = i.endDate ?? i.startDate;
  return !!start && !!end && start <= day && day <= end;
};

/**
 * The calendar view: one month as a grid, items on the days they span, those running on from an earlier
 * month too; items without days in this month (undated, timed in weeks or months, or dated in another
 * month they run over) listed below, so none goes missing.
 */
export function MonthGrid({ detail, month, onMonth, onEdit }: {
  detail: CalendarDetail;
  month: string;
  onMonth: (m: string) => void;
  onEdit: (item: CalendarItem) => void;
}) {
  const m = detail.months.find((x) => x.month === month) ?? detail.months[0];
  const today = todayText();
  const all = [...m.continued, ...m.items];
  const days = cells(m.month).filter((d): d is string => !!d);
  const undated = all.filter((i) => !days.some((d) => covers(i, d)));
  return (
    <Stack gap="sm">
      <SegmentedControl size="xs" value={m.month} onChange={onMonth} aria-label="月份"
        data={detail.months.map((x) => ({ value: x.month, label: `${Number(x.month.slice(5, 7))}月` }))} />
      <Text fw={600}>{m.month.slice(0, 4)}年{Number(m.month.slice(5, 7))}月{m.theme ? ` · 主题：${m.theme}` : ''}</Text>
      <SimpleGrid cols={7} spacing={4} verticalSpacing={4}>
        {WEEK.map((w) => <Text key={w} size="xs" c="dimmed" ta="center">星期{w}</Text>)}
        {cells(m.month).map((day, k) => (
          <Paper key={day ?? `pad-${k}`} withBorder={!!day} p={4} mih={92} bg={day === today ? 'red.0' : undefined}>
            {day && (
              <Stack gap={2}>
                <Text size="xs" c="dimmed">{Number(day.slice(8, 10))}</Text>
                {all.filter((i) => covers(i, day)).map((i) => (
                  <UnstyledButton key={i.id} onClick={() => onEdit(i)} title={i.content}>
                    <Badge size="xs" radius="sm" fullWidth variant="light" color={ITEM_STATUS_COLORS[i.status]}
                      styles={{ label: { textAlign: 'left' } }}>{i.numberText}{i.content}</Badge>
                  </UnstyledButton>
                ))}
              </Stack>
            )}
          </Paper>
        ))}
      </SimpleGrid>
      {undated.length > 0 && (
        <Paper withBorder p="sm">
          <Text size="sm" fw={600} mb={4}>本月其他事项（未定具体日期）</Text>
          <Stack gap={4}>
            {undated.map((i) => (
              <Group key={i.id} gap="xs">
                <Badge size="sm" variant="light" color={ITEM_STATUS_COLORS[i.status]}>{i.status}</Badge>
                <UnstyledButton onClick={() => onEdit(i)}><Text size="sm">{i.numberText}{i.content}</Text></UnstyledButton>
                {timingText(i) && <Text size="xs" c="blue.8">{timingText(i)}</Text>}
                {i.month !== m.month && <Text size="xs" c="dimmed">（续{Number(i.month.slice(5, 7))}月）</Text>}
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
