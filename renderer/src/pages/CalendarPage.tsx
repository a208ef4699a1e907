import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Alert, Badge, Button, Group, LoadingOverlay, Paper, Progress, Select, Stack, Tabs, Text, Title,
} from '@mantine/core';
import { IconClipboardText, IconCopy, IconFileTypeDocx, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { call } from '../api';
import { useApi } from '../useApi';
import { notifyOk } from '../notify';
import { CalendarForm } from './calendar/CalendarForm';
import { CalendarTable } from './calendar/CalendarTable';
import { CopyForm } from './calendar/CopyForm';
import { ItemForm } from './calendar/ItemForm';
import { MonthGrid } from './calendar/MonthGrid';
import { PasteDialog } from './calendar/PasteDialog';
import { ExportDialog } from './calendar/ExportDialog';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { periodText, type Calendar, type CalendarDetail, type CalendarItem } from '../../../shared/schemas/calendar';
import { monthLabel, thisMonth } from '../../../shared/dates';

/**
 * 行事历: pick a plan (?id=), see it as the printed month-by-month table or as a month calendar,
 * paste a term's items as text, edit themes and items, export it as printed, copy it to start the next
 * year. ?month= and ?item= come from the dashboard and the header search.
 */
export function CalendarPage() {
  const [params, setParams] = useSearchParams();
  const list = useApi('calendars.list', {});
  const calendars = list.data ?? [];
  const chosen = Number(params.get('id')) || null;
  const id = chosen && calendars.some((c) => c.id === chosen) ? chosen : calendars[0]?.id ?? null;

  const [editingCalendar, setEditingCalendar] = useState<Calendar | null | undefined>(undefined);
  const [copying, setCopying] = useState<Calendar | null>(null);
  const [deletingCalendar, setDeletingCalendar] = useState<Calendar | null>(null);
  const [item, setItem] = useState<{ month: string; item: CalendarItem | null } | null>(null);
  const [deletingItem, setDeletingItem] = useState<CalendarItem | null>(null);

  const select = (next: number | null, extra: Record<string, string> = {}) =>
    setParams(next ? { id: String(next), ...extra } : {}, { replace: true });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>行事历</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditingCalendar(null)}>新建行事历</Button>
      </Group>
      {list.error && <Alert color="red" title="无法读取行事历">{list.error}</Alert>}
      {list.data && calendars.length === 0 && (
        <Paper withBorder p="lg">
          <Text>还没有行事历。点击「新建行事历」，选好学年和学期，再把行事历的文字整段粘贴进来。</Text>
        </Paper>
      )}
      {id && (
        <Group gap="sm" align="flex-end">
          <Select label="行事历" w={380} allowDeselect={false} value={String(id)}
            data={calendars.map((c) => ({ value: String(c.id), label: c.title }))}
            onChange={(v) => v && select(Number(v))} />
          {(() => {
            const c = calendars.find((x) => x.id === id)!;
            return (
              <>
                <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditingCalendar(c)}>编辑</Button>
                <Button variant="default" leftSection={<IconCopy size={16} />} onClick={() => setCopying(c)}>复制为新一年</Button>
                <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeletingCalendar(c)}>删除</Button>
              </>
            );
          })()}
        </Group>
      )}
      {id && (
        <CalendarView key={id} id={id} params={params} setParams={setParams} reloadList={() => void list.reload()}
          onAdd={(month) => setItem({ month, item: null })} onEdit={(i) => setItem({ month: i.month, item: i })}
          onDelete={setDeletingItem} itemOpen={item} closeItem={() => setItem(null)}
          deletingItem={deletingItem} closeDelete={() => setDeletingItem(null)} />
      )}

      <CalendarForm opened={editingCalendar !== undefined} calendar={editingCalendar ?? null}
        onClose={() => setEditingCalendar(undefined)}
        onSaved={(c) => { setEditingCalendar(undefined); void list.reload(); select(c.id); }} />
      <CopyForm calendar={copying} onClose={() => setCopying(null)}
        onCopied={(c) => { setCopying(null); void list.reload(); select(c.id); }} />
      <ConfirmDelete what="行事历" title={deletingCalendar?.title ?? ''} opened={!!deletingCalendar}
        onClose={() => setDeletingCalendar(null)}
        onConfirm={async () => {
          await call('calendars.delete', { id: deletingCalendar!.id });
          notifyOk(`已将行事历「${deletingCalendar!.title}」移入回收站`);
          select(null);
          await list.reload();
        }} />
    </Stack>
  );
}

/** One calendar: progress, the two views, and the item dialogs (they need its months). */
function CalendarView({ id, params, setParams, reloadList, onAdd, onEdit, onDelete, itemOpen, closeItem, deletingItem, closeDelete }: {
  id: number;
  params: URLSearchParams;
  setParams: ReturnType<typeof useSearchParams>[1];
  reloadList: () => void;
  onAdd: (month: string) => void;
  onEdit: (i: CalendarItem) => void;
  onDelete: (i: CalendarItem) => void;
  itemOpen: { month: string; item: CalendarItem | null } | null;
  closeItem: () => void;
  deletingItem: CalendarItem | null;
  closeDelete: () => void;
}) {
  const detail = useApi('calendars.get', { id });
  const [view, setView] = useState<string | null>(params.get('view') ?? 'table');
  const [pasting, setPasting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const highlight = Number(params.get('item')) || null;
  const months = detail.data?.months.map((m) => m.month) ?? [];
  const wanted = params.get('month') ?? thisMonth();
  const month = months.includes(wanted) ? wanted : months[0] ?? wanted;
  const reload = () => { void detail.reload(); reloadList(); };

  // A search result or dashboard link scrolls its item (or month) into view once loaded.
  useEffect(() => {
    if (!detail.data || !highlight) return;
    document.querySelector(`[data-item="${highlight}"]`)?.scrollIntoView({ block: 'center' });
  }, [detail.data, highlight]);

  if (detail.error) return <Alert color="red" title="无法读取行事历">{detail.error}</Alert>;
  const c = detail.data?.calendar;
  return (
    <Paper withBorder p="md" pos="relative">
      <LoadingOverlay visible={detail.loading && !detail.data} />
      {c && detail.data && (
        <Stack gap="sm">
          <Group justify="space-between">
            <Group gap="xs">
              <Text fw={700} size="lg">{c.title}</Text>
              <Badge variant="light" color="gray">{periodText(c)}</Badge>
              <Text size="sm" c="dimmed">{monthLabel(c.startMonth)}至{monthLabel(c.endMonth)}</Text>
            </Group>
            <Group gap="xs">
              <Button leftSection={<IconClipboardText size={16} />} onClick={() => setPasting(true)}>粘贴事项</Button>
              <Button variant="light" leftSection={<IconFileTypeDocx size={16} />} onClick={() => setExporting(true)}>导出Word</Button>
              <Group gap="xs" w={220}>
                <Text size="sm">已完成 {c.doneCount} / {c.itemCount} 项</Text>
                <Progress value={c.itemCount ? (100 * c.doneCount) / c.itemCount : 0} color="green" style={{ flex: 1 }} aria-label="完成进度" />
              </Group>
            </Group>
          </Group>
          {c.notes && <Text size="sm" c="dimmed">{c.notes}</Text>}
          <Tabs value={view} onChange={setView} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="table">按月列表</Tabs.Tab>
              <Tabs.Tab value="grid">月历</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="table" pt="sm">
              <CalendarTable detail={detail.data} highlight={highlight} onAdd={onAdd} onEdit={onEdit} onDelete={onDelete} onChanged={reload} />
            </Tabs.Panel>
            <Tabs.Panel value="grid" pt="sm">
              <MonthGrid detail={detail.data} month={month} onEdit={onEdit}
                onMonth={(m) => setParams((p) => { p.set('month', m); return p; }, { replace: true })} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
      {detail.data && (
        <>
          <ItemForm opened={!!itemOpen} calendar={detail.data.calendar} month={itemOpen?.month ?? month} item={itemOpen?.item ?? null}
            units={unitsOf(detail.data)} onClose={closeItem} onSaved={() => { closeItem(); reload(); }} />
          <PasteDialog detail={detail.data} opened={pasting} onClose={() => setPasting(false)} onSaved={() => { setPasting(false); reload(); }} />
          <ExportDialog detail={detail.data} opened={exporting} onClose={() => setExporting(false)} />
        </>
      )}
      <ConfirmDelete what="事项" title={deletingItem ? `${monthLabel(deletingItem.month)} ${deletingItem.numberText}${deletingItem.content}` : ''}
        opened={!!deletingItem} onClose={closeDelete}
        onConfirm={async () => {
          await call('calendarItems.delete', { id: deletingItem!.id });
          notifyOk('已将事项移入回收站，可在「回收站」中恢复');
          reload();
        }} />
    </Paper>
  );
}

/** The units named in a calendar's 牵头 and 配合, most used first: offered when entering another item. */
function unitsOf(d: CalendarDetail): string[] {
  const count = new Map<string, number>();
  for (const i of d.months.flatMap((m) => m.items)) {
    for (const u of [i.lead, ...(i.partners ?? '').split('、')]) if (u) count.set(u, (count.get(u) ?? 0) + 1);
  }
  return [...count].sort((x, y) => y[1] - x[1]).map(([u]) => u);
}
