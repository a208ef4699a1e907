import { Select } from '@mantine/core';
import { years } from '../lib/options';

const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1).padStart(2, '0'), label: `${i + 1}月` }));

/**
 * The lists' 年份 and 月份 filters as one: the month is chosen within the year (1月…12月), so the two
 * never disagree. The URL keeps ?year=2025 and ?month=2025-04 as before (the dashboard links with them);
 * a link with a month alone shows its year.
 */
export function PeriodFilter({ year, month, onChange }: {
  year: string | null;
  month: string | null;
  onChange: (year: string | null, month: string | null) => void;
}) {
  const shownYear = year ?? month?.slice(0, 4) ?? null;
  const yearChoices = shownYear && !years().includes(shownYear) ? [...years(), shownYear] : years();
  return (
    <>
      <Select label="年份" placeholder="全部" clearable w={108} data={yearChoices} value={shownYear}
        onChange={(y) => onChange(y, y && month ? `${y}-${month.slice(5, 7)}` : null)} />
      <Select label="月份" placeholder={shownYear ? '全年' : '全部'} title={shownYear ? undefined : '先选年份，再选月份'} clearable w={100} data={MONTHS} disabled={!shownYear}
        value={month ? month.slice(5, 7) : null}
        onChange={(m) => onChange(shownYear, m && shownYear ? `${shownYear}-${m}` : null)} />
    </>
  );
}
