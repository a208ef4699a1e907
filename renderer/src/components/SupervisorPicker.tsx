import { useState } from 'react';
import { Checkbox, MultiSelect, Select, type StyleProp } from '@mantine/core';
import { namePicker, type NameOption } from './name-options';

// A supervisor picker that offers the serving (在聘) ones by default (issue 16): the 期满, 解聘 and
// 未聘任 are behind a switch under the field, and marked so when shown. One already chosen is always
// listed, whatever their status.

interface Common {
  label: string;
  options: NameOption[];
  required?: boolean;
  error?: string;
  placeholder?: string;
  w?: StyleProp<React.CSSProperties['width']>;
}

function useServing(options: NameOption[], chosen: string[]) {
  const [all, setAll] = useState(false);
  const others = options.filter((o) => o.hint).length;
  const data = all ? options : options.filter((o) => !o.hint || chosen.includes(o.value));
  const toggle = others > 0 ? (
    <Checkbox size="xs" mt={2} checked={all} onChange={(e) => setAll(e.currentTarget.checked)}
      label={`也显示期满、解聘、未聘任的督学（${others}名）`} />
  ) : undefined;
  return { data, toggle };
}

export function SupervisorPicker({ value, onChange, ...rest }: Common & { value: string | null; onChange: (v: string | null) => void }) {
  const { data, toggle } = useServing(rest.options, value ? [value] : []);
  return (
    <Select {...rest} {...namePicker} data={data} searchable value={value} onChange={onChange} description={toggle}
      inputWrapperOrder={['label', 'input', 'description', 'error']} nothingFoundMessage="没有匹配的督学" />
  );
}

export function SupervisorsPicker({ value, onChange, ...rest }: Common & { value: string[]; onChange: (v: string[]) => void }) {
  const { data, toggle } = useServing(rest.options, value);
  return (
    <MultiSelect {...rest} {...namePicker} data={data} searchable value={value} onChange={onChange} description={toggle}
      inputWrapperOrder={['label', 'input', 'description', 'error']} nothingFoundMessage="没有匹配的督学" />
  );
}
