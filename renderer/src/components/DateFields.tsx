import { useEffect, useState, type ReactNode } from 'react';
import { Group, Input, Popover, TextInput, type MantineSize, type StyleProp } from '@mantine/core';
import { DatePicker, MonthPicker, TimePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { dateInWords, monthLabel, parseDateText, parseMonthText } from '../../../shared/dates';

// The app's date, month and date-time fields (issue 16): Mantine's calendars in Chinese (dayjs zh-cn
// via the DatesProvider in main.tsx: 2026年12月4日, weeks from Monday, 24-hour times), never the
// browser's native inputs, which follow the browser's locale. Values stay in the archive's string
// formats ('YYYY-MM-DD', 'YYYY-MM', 'YYYY-MM-DD HH:mm'; '' for none). A field is a text box that shows
// 2026年12月4日 and reads what people type with the one parser in shared/dates.ts (2026-12-04,
// 2026.12.4, 2026/12/4, 20261204, 2026年12月4日); a click opens the calendar. Focus alone does not,
// so typing or tabbing through a form never leaves a calendar over the next field or the save button.

interface Common {
  label?: ReactNode;
  error?: ReactNode;
  description?: ReactNode;
  required?: boolean;
  withAsterisk?: boolean;
  disabled?: boolean;
  readOnly?: boolean;
  placeholder?: string;
  /** An empty box clears the value (default: unless required). */
  clearable?: boolean;
  w?: StyleProp<React.CSSProperties['width']>;
  size?: MantineSize;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

const CALENDAR_LABELS = {
  monthLabelFormat: 'YYYY年M月',
  yearLabelFormat: 'YYYY年',
  decadeLabelFormat: 'YYYY – YYYY',
  getDayAriaLabel: (d: string) => dateInWords(d),
  ariaLabels: {
    monthLevelControl: '选择月份', yearLevelControl: '选择年份', nextMonth: '下个月', previousMonth: '上个月',
    nextYear: '下一年', previousYear: '上一年', nextDecade: '后十年', previousDecade: '前十年',
  },
} as const;

/** A text box over a value: shows `format(value)`, reads typing with `parse`, a click opens `picker`. */
function PickerText({ value, onChange, parse, format, picker, clearable, placeholder, ...rest }: Common & {
  value: string;
  onChange: (value: string) => void;
  parse: (text: string) => string | null;
  format: (value: string) => string;
  picker: (pick: (value: string) => void) => ReactNode;
}) {
  const canClear = clearable ?? !rest.required;
  const shown = value ? format(value) : '';
  const [text, setText] = useState(shown);
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState(false);
  useEffect(() => { if (!editing) setText(shown); }, [shown, editing]);

  const commit = () => {
    setEditing(false);
    const t = text.trim();
    if (!t) {
      if (canClear && value) onChange('');
      setText(canClear ? '' : shown);
      return;
    }
    const v = parse(t);
    if (v) { if (v !== value) onChange(v); setText(format(v)); } else setText(shown); // not a date: back to the last good value
  };
  const pick = (v: string) => {
    onChange(v);
    setEditing(false);
    setText(format(v));
    setOpen(false);
  };

  return (
    <Popover opened={open && !rest.disabled && !rest.readOnly} onChange={setOpen} position="bottom-start" shadow="md"
      trapFocus={false} withRoles={false}>
      <Popover.Target>
        <TextInput
          {...rest}
          autoComplete="off"
          placeholder={placeholder}
          value={text}
          rightSection={<IconCalendar size={16} stroke={1.5} />}
          rightSectionPointerEvents="none"
          onFocus={() => setEditing(true)}
          onClick={() => setOpen(true)}
          onBlur={() => { commit(); setOpen(false); }}
          onChange={(e) => {
            const t = e.currentTarget.value;
            setText(t);
            setOpen(false);
            const v = parse(t);
            if (v && v !== value) onChange(v);
            if (!t.trim() && canClear && value) onChange('');
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') { commit(); setOpen(false); }
            if (e.key === 'ArrowDown') setOpen(true);
            if (e.key === 'Escape' && open) { e.stopPropagation(); setOpen(false); }
          }}
        />
      </Popover.Target>
      {/* mousedown inside the calendar must not blur the box (that would commit and close first). */}
      <Popover.Dropdown p="xs" onMouseDown={(e) => e.preventDefault()}>{picker(pick)}</Popover.Dropdown>
    </Popover>
  );
}

/** A date; value 'YYYY-MM-DD' or ''. */
export function DateField({ value, onChange, placeholder = '如 2026-12-04', minDate, maxDate, ...rest }: Common & {
  value: string | null | undefined;
  onChange: (value: string) => void;
  minDate?: string;
  maxDate?: string;
}) {
  return (
    <PickerText {...rest} value={value ?? ''} onChange={onChange} placeholder={placeholder} parse={parseDateText} format={dateInWords}
      picker={(pick) => (
        <DatePicker {...CALENDAR_LABELS} value={value || null} defaultDate={value || undefined} minDate={minDate} maxDate={maxDate}
          onChange={(v) => v && pick(v)} />
      )} />
  );
}

/** A month; value 'YYYY-MM' or ''. Typed as 2026-12, 2026.12, 202612 or 2026年12月. */
export function MonthField({ value, onChange, placeholder = '如 2026-12', ...rest }: Common & {
  value: string | null | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <PickerText {...rest} value={value ?? ''} onChange={onChange} placeholder={placeholder} parse={parseMonthText} format={monthLabel}
      picker={(pick) => (
        <MonthPicker {...CALENDAR_LABELS} value={value ? `${value}-01` : null} defaultDate={value ? `${value}-01` : undefined}
          onChange={(v) => v && pick(v.slice(0, 7))} />
      )} />
  );
}

/** A date and a 24-hour time side by side; value 'YYYY-MM-DD HH:mm' ('' while the date is empty). */
export function DateTimeField({ value, onChange, label, error, required, withAsterisk, w, disabled }: Common & {
  value: string | null | undefined;
  onChange: (value: string) => void;
}) {
  const date = value ? value.slice(0, 10) : '';
  const time = value && value.length >= 16 ? value.slice(11, 16) : '';
  const join = (d: string, t: string) => (d ? `${d} ${t || '00:00'}` : '');
  const name = typeof label === 'string' ? label : '';
  return (
    <Input.Wrapper label={label} error={error} required={required} withAsterisk={withAsterisk} w={w}>
      <Group gap={6} wrap="nowrap" mt={4}>
        <DateField aria-label={`${name}（日期）`} value={date} onChange={(d) => onChange(join(d, time))} required={required}
          disabled={disabled} error={!!error} style={{ flex: 1 }} />
        <TimePicker aria-label={`${name}（时间）`} format="24h" value={time} w={92} disabled={disabled || !date} error={!!error}
          hoursInputLabel={`${name}（时）`} minutesInputLabel={`${name}（分）`} onChange={(t) => onChange(join(date, t.slice(0, 5)))} />
      </Group>
    </Input.Wrapper>
  );
}
