import { useEffect, useState } from 'react';
import { Checkbox, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useApi } from '../../useApi';
import { ExportButton } from '../../components/ExportButton';
import { DateField } from '../../components/DateFields';
import {
  CALENDAR_COLUMNS, filledCalendarColumns, landscapeFor, printedCalendarTitle, type CalendarColumn, type CalendarDetail,
} from '../../../../shared/schemas/calendar';
import { todayText } from '../../../../shared/dates';

const KEYS = Object.keys(CALENDAR_COLUMNS) as CalendarColumn[];

/**
 * How to print the calendar: which columns beside 月份 and 工作内容 (at first those the items fill),
 * portrait or landscape (landscape at first when more than one column is added), an 附件 label when it
 * goes out with a notice, and the office's signature and date.
 */
export function ExportDialog({ detail, opened, onClose }: { detail: CalendarDetail; opened: boolean; onClose: () => void }) {
  const settings = useApi('settings.get', {});
  const [columns, setColumns] = useState<CalendarColumn[]>([]);
  const [landscape, setLandscape] = useState(false);
  const [attachment, setAttachment] = useState('');
  const [signed, setSigned] = useState(false);
  const [date, setDate] = useState(todayText());

  useEffect(() => {
    if (!opened) return;
    const filled = filledCalendarColumns(detail.months.flatMap((m) => m.items));
    setColumns(filled);
    setLandscape(landscapeFor(filled));
  }, [opened, detail]);

  const title = printedCalendarTitle(settings.data?.officeName ?? '', detail.calendar.title);
  return (
    <Modal opened={opened} onClose={onClose} title="导出行事历（Word）" size="lg" centered>
      <Stack gap="sm">
        <Text size="sm">标题：<Text span fw={600}>{title}</Text></Text>
        <Checkbox.Group label="表格的列" description="“月份”和“工作内容”总会印出；另外加印下列各列（没有内容的列默认不印）" value={columns}
          onChange={(v) => setColumns(KEYS.filter((k) => v.includes(k)))}>
          <Group gap="md" mt={6}>
            {KEYS.map((k) => <Checkbox key={k} value={k} label={k === 'responsibility' ? '责任（牵头/配合）' : CALENDAR_COLUMNS[k]} />)}
          </Group>
        </Checkbox.Group>
        <div>
          <Text size="sm" fw={500} mb={4}>纸张方向</Text>
          <SegmentedControl aria-label="纸张方向" value={landscape ? 'landscape' : 'portrait'} onChange={(v) => setLandscape(v === 'landscape')}
            data={[{ value: 'portrait', label: '纵向' }, { value: 'landscape', label: '横向' }]} />
          {!landscape && columns.length > 1 && <Text size="xs" c="dimmed" mt={4}>列较多时，横向排版工作内容更宽。</Text>}
        </div>
        <SimpleGrid cols={2}>
          <TextInput label="附件标注" placeholder="如：附件1" description="作为通知的附件印发时填写" value={attachment}
            onChange={(e) => setAttachment(e.currentTarget.value)} />
          <Stack gap={4}>
            <Checkbox label="表格后加落款（督导室名称和日期）" checked={signed} onChange={(e) => setSigned(e.currentTarget.checked)} mt={4} />
            {signed && <DateField label="落款日期" value={date} onChange={setDate} />}
          </Stack>
        </SimpleGrid>
        {detail.calendar.notes && <Text size="xs" c="dimmed">行事历的备注将印在表格下方：{detail.calendar.notes}</Text>}
        <Group justify="flex-end">
          <ExportButton channel="documents.calendar" label="导出Word" variant="filled"
            input={{ id: detail.calendar.id, columns, landscape, attachment: attachment || null, signatureDate: signed && date ? date : null }} />
        </Group>
      </Stack>
    </Modal>
  );
}
