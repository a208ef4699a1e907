import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Modal, ScrollArea, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { call } from '../../api';
import { notifyOk } from '../../notify';
import { showSaveError } from '../../lib/forms';
import { parseCalendarText } from '../../../../shared/calendar-paste';
import { timingText } from '../../../../shared/calendar-timing';
import { monthsBetween, type CalendarDetail } from '../../../../shared/schemas/calendar';
import { monthLabel } from '../../../../shared/dates';

const EXAMPLE = `九月（主题：新学期开学工作）
1.第1周：开展秋季开学工作专项督导（牵头：督导室；配合：各责任区）
2.召开全体督学工作会议（9月上旬）；3.更新挂牌公示牌信息
十月
4.10月15日召开月度督学工作例会`;

/**
 * Paste a month's or a term's items as text (from Word or a notice), see them read into items as they
 * will be saved, fix what the preview flags in the text itself, and save them all at once.
 */
export function PasteDialog({ detail, opened, onClose, onSaved }: {
  detail: CalendarDetail;
  opened: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const c = detail.calendar;
  const read = useMemo(() => parseCalendarText(text, {
    months: monthsBetween(c.startMonth, c.endMonth), weekOne: c.weekOne,
    existing: detail.months.flatMap((m) => m.items.map((i) => ({ month: i.month, content: i.content }))),
  }), [text, detail, c]);
  const fresh = read.items.filter((i) => !i.existing);
  const months = [...new Set(read.items.map((i) => i.month))].sort();

  async function save() {
    setBusy(true);
    try {
      const r = await call('calendarItems.paste', { calendarId: c.id, text });
      notifyOk(`已添加${r.added}项工作事项${r.skipped ? `，${r.skipped}项已有未重复添加` : ''}${r.themes ? `，设置${r.themes}个月的主题` : ''}`);
      setText('');
      onSaved();
    } catch (e) {
      showSaveError(e, ['text'], setError);
    } finally {
      setBusy(false);
    }
  }

  const close = () => { setError({}); onClose(); };
  return (
    <Modal opened={opened} onClose={close} title={`粘贴事项：${c.title}`} size="90%" centered>
      <SimpleGrid cols={2} spacing="md">
        <Stack gap="xs">
          <Textarea label="粘贴行事历文字" autosize minRows={14} maxRows={16} value={text} error={error.text || undefined}
            placeholder={`从 Word 或通知中复制后粘贴，例如：\n${EXAMPLE}`}
            onChange={(e) => { setText(e.currentTarget.value); setError({}); }} />
          <Text size="xs" c="dimmed">
            每月一行月份（9月、九月份、2026年9月、7—8月，后面可写“主题：…”），事项以“1.”“（1）”等开头，一行多项用“；”隔开；
            时间可写在开头（第2周：、9月上旬，）或括号里，牵头、配合写在括号里（牵头：督导室；配合：各责任区）。编号照原样保留。
          </Text>
        </Stack>
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600} size="sm">预览</Text>
            <Text size="sm" c="dimmed">读到{read.items.length}项{read.items.length > fresh.length ? `（${read.items.length - fresh.length}项已有，不重复添加）` : ''}，{read.themes.length}个月主题</Text>
          </Group>
          {read.problems.length > 0 && (
            <Alert color="red" title={`有${read.problems.length}行需要修改（在左侧文字中改正后即可保存）`} p="xs">
              <Stack gap={2}>
                {read.problems.map((p) => (
                  <Text key={`${p.line}-${p.message}`} size="xs">第{p.line}行“{p.text.length > 24 ? `${p.text.slice(0, 24)}…` : p.text}”：{p.message}</Text>
                ))}
              </Stack>
            </Alert>
          )}
          {read.ignored.length > 0 && (
            <Text size="xs" c="dimmed">{read.ignored.map((l) => `第${l.line}行是${l.message}，不作为事项`).join('；')}</Text>
          )}
          <ScrollArea.Autosize mah="calc(100vh - 340px)">
            <Table withTableBorder verticalSpacing={4} aria-label="粘贴预览">
              <Table.Thead>
                <Table.Tr><Table.Th w={80}>月份</Table.Th><Table.Th>工作内容</Table.Th><Table.Th w={120}>时间</Table.Th><Table.Th w={140}>牵头 / 配合</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {months.map((m) => {
                  const items = read.items.filter((i) => i.month === m);
                  const theme = read.themes.filter((t) => t.month === m).at(-1)?.theme;
                  return items.map((i, k) => (
                    <Table.Tr key={`${i.line}-${k}-${i.content}`} opacity={i.existing ? 0.5 : 1}>
                      {k === 0 && (
                        <Table.Td rowSpan={items.length} valign="top">
                          <Text size="sm" fw={600}>{monthLabel(m).slice(5)}</Text>
                          {theme && <Text size="xs" c="red.8">主题：{theme}</Text>}
                        </Table.Td>
                      )}
                      <Table.Td>
                        <Text size="sm">{i.number ?? ''}{i.content}</Text>
                        {i.category && <Badge size="xs" variant="light" color="gray">{i.category}</Badge>}
                        {i.existing && <Badge size="xs" variant="outline" color="gray" ml={4}>已有，跳过</Badge>}
                      </Table.Td>
                      <Table.Td><Text size="xs">{timingText({ ...i, startDate: i.start, endDate: i.end }) ?? ''}</Text></Table.Td>
                      <Table.Td>
                        {i.lead && <Text size="xs">{i.lead}</Text>}
                        {i.partners && <Text size="xs" c="dimmed">配合：{i.partners}</Text>}
                      </Table.Td>
                    </Table.Tr>
                  ));
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Stack>
      </SimpleGrid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={close}>取消</Button>
        <Button loading={busy} disabled={read.problems.length > 0 || (fresh.length === 0 && read.themes.length === 0)} onClick={() => void save()}>
          {fresh.length ? `保存${fresh.length}项` : '保存'}
        </Button>
      </Group>
    </Modal>
  );
}
