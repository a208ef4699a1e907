// Dates as the archive stores them: local calendar dates 'YYYY-MM-DD', months 'YYYY-MM', times
// 'YYYY-MM-DD HH:MM:SS'. One definition of each helper, used by main and renderer alike.

const pad = (n: number) => String(n).padStart(2, '0');

/** Local time as stored everywhere in the archive: 'YYYY-MM-DD HH:MM:SS'. */
export function nowText(d = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Today as 'YYYY-MM-DD' in local time. */
export function todayText(d = new Date()): string {
  return nowText(d).slice(0, 10);
}

/** This month as 'YYYY-MM' in local time. */
export function thisMonth(d = new Date()): string {
  return todayText(d).slice(0, 7);
}

/** 'YYYY-MM-DD' moved by whole days; '' for a date that is not one. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return '';
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' moved by whole years; 29 February becomes 28 February in a common year. */
export function shiftDate(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const md = date.slice(5) === '02-29' && !leap ? '02-28' : date.slice(5);
  return `${y}-${md}`;
}

/** '2025-09' -> '2025年9月' */
export function monthLabel(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

/** '2025-03-31' -> '2025年3月31日' (GB/T 9704: Arabic numerals, no leading zeros). */
export function dateInWords(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * A date of any precision as a reader sees it: '2026-12-04' -> '2026年12月4日', '2025-09' -> '2025年9月',
 * '2026' -> '2026年', and a span '2025-09至2026-01' -> '2025年9月至2026年1月'; other text unchanged.
 */
export function datesInWords(text: string): string {
  return text.replace(/\b(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\b/g, (_m, y: string, m?: string, d?: string) =>
    (d ? dateInWords(`${y}-${m}-${d}`) : m ? monthLabel(`${y}-${m}`) : `${y}年`));
}
