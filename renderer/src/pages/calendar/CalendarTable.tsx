import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ActionIcon, Anchor, Badge, Button, Group, Menu, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconCheck, IconPencil, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { call } from '../../api';
import { notifyError, notifyOk } from '../../notify';
import { ITEM_STATUS_COLORS } from '../../lib/status-colors';
import type { CalendarDetail, CalendarItem, CalendarMonth } from '../../../../shared/schemas/calendar';
import { timingText } from '../../../../shared/calendar-timing';
import { CALENDAR_ITEM_STATUSES } from '../../../../shared/vocab';

interface Props {
  detail: CalendarDetail;
  /** Item to draw attention to (from a search result). */
  highlight: number | null;
  onAdd: (month: string) => void;
  onEdit: (item: CalendarItem) => void;
  onDelete: (item: CalendarItem) => void;
  onChanged: () => void;
}

/** The 行事历 as printed: 月份 | 工作内容 (numbered, with 时间) | 牵头/配合 | 完成情况, one block of rows per month. */
export function CalendarTable({ detail, highlight, onAdd, onEdit, onDelete, onChanged }: Props) {
  return (
    <Table withTableBorder withColumnBorders verticalSpacing="xs" aria-label="行事历">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>月份</Table.Th>
          <Table.Th>工作内容</Table.Th>
          <Table.Th w={150}>牵头 / 配合</Table.Th>
          <Table.Th w={190}>完成情况</Table.Th>
          <Table.Th w={120}>操作</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {detail.months.map((m) => <MonthRows key={m.month} calendarId={detail.calendar.id} m={m} highlight={highlight}
          onAdd={onAdd} onEdit={onEdit} onDelete={onDelete} onChanged={onChanged} />)}
      </Table.Tbody>
    </Table>
  );
}

function MonthRows({ calendarId, m, highlight, onAdd, onEdit, onDelete, onChanged }: Omit<Props, 'detail'> & { calendarId: number; m: CalendarMonth }) {
  const label = `${Number(m.month.slice(5, 7))}月`;
  const rows = m.items.length + m.continued.length;
  const head = (
    <Table.Td rowSpan={Math.max(1, rows)} valign="top" bg="gray.0">
      <Stack gap={4}>
        <Text fw={700} size="lg">{label}<Text span size="xs" c="dimmed" ml={4}>{m.month.slice(0, 4)}年</Text></Text>
        <ThemeEditor calendarId={calendarId} month={m.month} label={label} theme={m.theme} onChanged={onChanged} />
        <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => onAdd(m.month)}
          aria-label={`在${label}添加事项`} w="fit-content">添加事项</Button>
      </Stack>
    </Table.Td>
  );
  if (rows === 0) {
    return (
      <Table.Tr>
        {head}
        <Table.Td colSpan={4}><Text size="sm" c="dimmed">本月还没有工作事项。</Text></Table.Td>
      </Table.Tr>
    );
  }
  return (
    <>
      {m.items.map((i, k) => (
        <Table.Tr key={i.id} data-item={i.id} bg={i.id === highlight ? 'yellow.0' : undefined} aria-label={`${label}第${i.seq}项`}>
          {k === 0 && head}
          <Table.Td><ItemText item={i} /></Table.Td>
          <Table.Td><Units item={i} /></Table.Td>
          <Table.Td><Completion item={i} onChanged={onChanged} /></Table.Td>
          <Table.Td>
            <Group gap={2} wrap="nowrap">
              <ActionIcon variant="subtle" aria-label={`编辑第${i.seq}项`} onClick={() => onEdit(i)}><IconPencil size={16} /></ActionIcon>
              <ActionIcon variant="subtle" color="gray" aria-label={`上移第${i.seq}项`} disabled={k === 0}
                onClick={() => move(i.id, 'up', onChanged)}><IconArrowUp size={16} /></ActionIcon>
              <ActionIcon variant="subtle" color="gray" aria-label={`下移第${i.seq}项`} disabled={k === m.items.length - 1}
                onClick={() => move(i.id, 'down', onChanged)}><IconArrowDown size={16} /></ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={`删除第${i.seq}项`} onClick={() => onDelete(i)}><IconTrash size={16} /></ActionIcon>
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
      {/* Items from an earlier month still running in this one: shown here too, edited where they are listed. */}
      {m.continued.map((i, k) => (
        <Table.Tr key={`c${i.id}`} bg="gray.0" aria-label={`${label}延续事项：${i.content}`}>
          {k === 0 && m.items.length === 0 && head}
          <Table.Td>
            <Badge size="xs" variant="outline" color="gray" mr={6}>续{Number(i.month.slice(5, 7))}月</Badge>
            <ItemText item={i} />
          </Table.Td>
          <Table.Td><Units item={i} /></Table.Td>
          <Table.Td><Completion item={i} onChanged={onChanged} /></Table.Td>
          <Table.Td>
            <ActionIcon variant="subtle" aria-label={`编辑延续事项：${i.content}`} onClick={() => onEdit(i)}><IconPencil size={16} /></ActionIcon>
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}

function ItemText({ item: i }: { item: CalendarItem }) {
  const when = timingText(i);
  return (
    <>
      <Text size="sm" span td={i.status === '取消' ? 'line-through' : undefined}>{i.numberText}{i.content}</Text>
      <Group gap={6} mt={2}>
        {when && <Text size="xs" c="blue.8">{when}</Text>}
        {i.category && <Text size="xs" c="dimmed">{i.category}</Text>}
        {i.schoolNames.length > 0 && (
          <Tooltip label={i.schoolNames.join('、')} multiline w={320}>
            <Text size="xs" c="dimmed">涉及{i.schoolNames.length}所学校</Text>
          </Tooltip>
        )}
        {i.visitCount > 0 && (
          <Anchor component={Link} to={`/visits?calendarItemId=${i.id}`} size="xs">督导记录 {i.visitCount} 条</Anchor>
        )}
        {i.note && <Text size="xs" c="dimmed">备注：{i.note}</Text>}
      </Group>
    </>
  );
}

function Units({ item: i }: { item: CalendarItem }) {
  return (
    <Stack gap={0}>
      {i.lead && <Text size="sm">{i.lead}</Text>}
      {i.partners && <Text size="xs" c="dimmed">配合：{i.partners}</Text>}
    </Stack>
  );
}

async function move(id: number, direction: 'up' | 'down', onChanged: () => void) {
  try {
    await call('calendarItems.move', { id, direction });
    onChanged();
  } catch (e) {
    notifyError(e);
  }
}

/** 完成情况 as a badge that opens a menu of the four states; with linked records not yet done, an offer to mark it done. */
function Completion({ item, onChanged }: { item: CalendarItem; onChanged: () => void }) {
  async function setStatus(status: CalendarItem['status'], statusNote?: string) {
    try {
      await call('calendarItems.setStatus', { id: item.id, status, statusNote });
      if (statusNote) notifyOk(`已将「${item.content}」标记为${status}`);
      onChanged();
    } catch (e) {
      notifyError(e);
    }
  }
  const offer = item.visitCount > 0 && (item.status === '未开始' || item.status === '进行中');
  return (
    <Stack gap={4} align="flex-start">
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Badge component="button" color={ITEM_STATUS_COLORS[item.status]} variant="light" style={{ cursor: 'pointer' }}
            aria-label={`第${item.seq}项完成情况：${item.status}`}>{item.status}</Badge>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>改为</Menu.Label>
          {CALENDAR_ITEM_STATUSES.filter((s) => s !== item.status).map((s) => (
            <Menu.Item key={s} onClick={() => void setStatus(s)}>{s}</Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {item.statusNote && <Text size="xs" c="dimmed">{item.statusNote}</Text>}
      {offer && (
        <Button size="compact-xs" variant="light" color="green" leftSection={<IconCheck size={12} />}
          onClick={() => void setStatus('已完成', item.statusNote ?? `已开展，形成督导记录${item.visitCount}条`)}
          aria-label={`按督导记录将「${item.content}」标记为已完成`}>
          已有{item.visitCount}条记录，标记已完成
        </Button>
      )}
    </Stack>
  );
}

/** 一月一主题: shown under the month, edited in place. */
function ThemeEditor({ calendarId, month, label, theme, onChanged }: { calendarId: number; month: string; label: string; theme: string | null; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(theme ?? '');
  async function save() {
    try {
      await call('calendars.setTheme', { calendarId, month, theme: value });
      setEditing(false);
      onChanged();
    } catch (e) {
      notifyError(e);
    }
  }
  if (!editing) {
    return (
      <Group gap={4} wrap="nowrap" align="flex-start">
        <Text size="sm" c={theme ? 'red.8' : 'dimmed'} fw={theme ? 600 : 400}>{theme ? `主题：${theme}` : '未设主题'}</Text>
        <ActionIcon size="xs" variant="subtle" aria-label={`设置${label}主题`} onClick={() => { setValue(theme ?? ''); setEditing(true); }}>
          <IconPencil size={12} />
        </ActionIcon>
      </Group>
    );
  }
  return (
    <Group gap={2} wrap="nowrap">
      <TextInput size="xs" autoFocus aria-label={`${label}主题`} placeholder="本月主题" value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') void save(); if (e.key === 'Escape') setEditing(false); }} />
      <ActionIcon size="sm" variant="subtle" color="green" aria-label="保存主题" onClick={() => void save()}><IconCheck size={14} /></ActionIcon>
      <ActionIcon size="sm" variant="subtle" color="gray" aria-label="取消" onClick={() => setEditing(false)}><IconX size={14} /></ActionIcon>
    </Group>
  );
}
