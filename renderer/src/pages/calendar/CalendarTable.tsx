import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ActionIcon, Anchor, Badge, Button, Group, Menu, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconCheck, IconPencil, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { call } from '../../api';
import { notifyError } from '../../notify';
import { ITEM_STATUS_COLORS } from '../../lib/status-colors';
import type { CalendarDetail, CalendarItem, CalendarMonth } from '../../../../shared/schemas/calendar';
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

function dates(i: CalendarItem): string | null {
  if (!i.startDate && !i.endDate) return null;
  const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  if (i.startDate && i.endDate && i.startDate !== i.endDate) return `${md(i.startDate)}—${md(i.endDate)}`;
  return md((i.startDate ?? i.endDate)!);
}

/** The 行事历 as printed: 月份 | 工作内容 (numbered) | 类别 | 责任人 | 完成情况, one block of rows per month. */
export function CalendarTable({ detail, highlight, onAdd, onEdit, onDelete, onChanged }: Props) {
  return (
    <Table withTableBorder withColumnBorders verticalSpacing="xs" aria-label="行事历">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>月份</Table.Th>
          <Table.Th>工作内容</Table.Th>
          <Table.Th w={80}>类别</Table.Th>
          <Table.Th w={110}>责任人</Table.Th>
          <Table.Th w={170}>完成情况</Table.Th>
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
  const head = (
    <Table.Td rowSpan={Math.max(1, m.items.length)} valign="top" bg="gray.0">
      <Stack gap={4}>
        <Text fw={700} size="lg">{label}<Text span size="xs" c="dimmed" ml={4}>{m.month.slice(0, 4)}年</Text></Text>
        <ThemeEditor calendarId={calendarId} month={m.month} label={label} theme={m.theme} onChanged={onChanged} />
        <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => onAdd(m.month)}
          aria-label={`在${label}添加事项`} w="fit-content">添加事项</Button>
      </Stack>
    </Table.Td>
  );
  if (m.items.length === 0) {
    return (
      <Table.Tr>
        {head}
        <Table.Td colSpan={5}><Text size="sm" c="dimmed">本月还没有工作事项。</Text></Table.Td>
      </Table.Tr>
    );
  }
  return (
    <>
      {m.items.map((i, k) => (
        <Table.Tr key={i.id} data-item={i.id} bg={i.id === highlight ? 'yellow.0' : undefined} aria-label={`${label}第${i.seq}项`}>
          {k === 0 && head}
          <Table.Td>
            <Text size="sm" td={i.status === '取消' ? 'line-through' : undefined}>{i.seq}. {i.content}</Text>
            <Group gap={6} mt={2}>
              {dates(i) && <Text size="xs" c="dimmed">{dates(i)}</Text>}
              {i.schoolNames.length > 0 && (
                <Tooltip label={i.schoolNames.join('、')} multiline w={320}>
                  <Text size="xs" c="dimmed">涉及{i.schoolNames.length}所学校</Text>
                </Tooltip>
              )}
              {i.visitCount > 0 && (
                <Anchor component={Link} to={`/visits?calendarItemId=${i.id}`} size="xs">督导记录 {i.visitCount} 条</Anchor>
              )}
            </Group>
          </Table.Td>
          <Table.Td><Text size="sm">{i.category}</Text></Table.Td>
          <Table.Td><Text size="sm">{i.owner ?? ''}</Text></Table.Td>
          <Table.Td>
            <StatusMenu item={i} onChanged={onChanged} />
            {i.statusNote && <Text size="xs" c="dimmed" mt={2}>{i.statusNote}</Text>}
          </Table.Td>
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
    </>
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

/** 完成情况 as a badge that opens a menu of the four states. */
function StatusMenu({ item, onChanged }: { item: CalendarItem; onChanged: () => void }) {
  async function setStatus(status: CalendarItem['status']) {
    try {
      const { id, seq: _seq, schoolNames: _names, visitCount: _visits, ...fields } = item;
      await call('calendarItems.save', { id, fields: { ...fields, status } });
      onChanged();
    } catch (e) {
      notifyError(e);
    }
  }
  return (
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
