import { useEffect, useMemo, useRef, useState } from 'react';
import { Checkbox, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { call } from '../api';

interface Option { value: string; label: string }

/**
 * Choose one live supervisor by typing part of a name or its initials (searches `supervisors.list` as
 * you type): the serving (在聘) ones unless the switch under the field includes the others, marked.
 * `current` keeps an already chosen supervisor visible before any search.
 */
export function SupervisorSelect({ label, value, onChange, current, error, placeholder, required }: {
  label: string;
  value: number | null;
  onChange: (id: number | null) => void;
  current?: { id: number; name: string } | null;
  error?: string;
  placeholder?: string;
  required?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [found, setFound] = useState<Option[]>([]);
  const [chosen, setChosen] = useState<Option | null>(current ? { value: String(current.id), label: current.name } : null);
  const [problem, setProblem] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  // After a pick the input shows the option's label; that is not a new search.
  const labels = useRef(new Set<string>(current ? [current.name] : []));

  useEffect(() => {
    if (labels.current.has(q)) return;
    let live = true;
    call('supervisors.list', { q: q.trim() || undefined, limit: 30, sort: 'name', ...(all ? {} : { status: '在聘' }) })
      .then((page) => {
        if (!live) return;
        const opts = page.rows.map((s) => ({
          value: String(s.id), label: `${s.name}（${s.category}${s.unit ? ` · ${s.unit}` : ''}${s.status !== '在聘' ? ` · ${s.status}` : ''}）`,
        }));
        opts.forEach((o) => labels.current.add(o.label));
        setFound(opts);
        setProblem(null);
      })
      .catch((e: unknown) => { if (live) setProblem(`督学名册暂时无法读取：${e instanceof Error ? e.message : String(e)}`); });
    return () => { live = false; };
  }, [q, all]);

  // Cleared from outside (e.g. after adding): empty the text too.
  useEffect(() => { if (value === null) setSearch(''); }, [value]);

  const data = useMemo(() => {
    const keep = chosen && value !== null && chosen.value === String(value) && !found.some((o) => o.value === chosen.value);
    return keep ? [chosen, ...found] : found;
  }, [chosen, found, value]);

  return (
    <Select
      label={label}
      placeholder={placeholder ?? '输入姓名搜索督学'}
      searchable
      clearable
      required={required}
      data={data}
      value={value === null ? null : String(value)}
      onChange={(v, option) => {
        setChosen(option ? { value: String(option.value), label: option.label } : null);
        onChange(v ? Number(v) : null);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={problem ?? '没有找到匹配的督学'}
      description={<Checkbox size="xs" mt={2} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} label="也显示期满、解聘、未聘任的督学" />}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={error ?? (problem && !data.length ? problem : undefined)}
    />
  );
}
