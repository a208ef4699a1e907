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

/**
 * The month a briefing drafted today is most likely about: before the 10th, the month that just ended
 * (its briefing is being written); from the 10th on, the current one.
 */
export function briefingMonth(today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  if (d >= 10) return today.slice(0, 7);
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
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

/** Days in a month of the Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'YYYY-MM-DD' naming a day that exists: not 2024-02-31, 2025-02-29 or 2026-13-01. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

// ---- Dates as people type them (forms, Excel cells): one parser for both sides ----

/** Full-width digits and separators as ASCII: '２０２６．１２．４' -> '2026.12.4'. */
function halfWidth(s: string): string {
  return s.trim().replace(/[\uFF10-\uFF19\uFF0D\uFF0F\uFF0E\uFF1A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
    .replace(/\u3000/g, ' ');
}

/**
 * 2025-9-1, 2025/09/01, 2025.9.1, 2025年9月1日 (or 号), 20250901, full-width digits too, and the same
 * with a time after it -> 2025-09-01; anything else unchanged (so a message can quote it).
 */
export function normalizeDate(s: string): string {
  const t = halfWidth(s);
  const m = t.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:[\sT]+\d{1,2}[:：]\d{2}(?::\d{2})?)?$/)
    ?? t.match(/^(\d{4})(\d{2})(\d{2})$/);
  return m ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : s;
}

/** 1980-5, 1980/05, 1980.5, 1980年5月, 198005, or a whole date -> 1980-05; anything else unchanged. */
export function normalizeMonth(s: string): string {
  const t = halfWidth(s);
  const m = t.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/) ?? t.match(/^(\d{4})(\d{2})$/);
  if (m) return `${m[1]}-${pad(Number(m[2]))}`;
  const d = normalizeDate(s);
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? d.slice(0, 7) : s;
}

/** A typed date as 'YYYY-MM-DD' (see normalizeDate), or null when it is not a real day. */
export function parseDateText(s: string): string | null {
  const d = normalizeDate(s);
  return isCalendarDate(d) ? d : null;
}

/** A typed month as 'YYYY-MM' (see normalizeMonth), or null when it is not one. */
export function parseMonthText(s: string): string | null {
  const m = normalizeMonth(s);
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(m) ? m : null;
}

/**
 * A date of any precision as a reader sees it: '2026-12-04' -> '2026年12月4日', '2025-09' -> '2025年9月',
 * '2026' -> '2026年', and a span '2025-09至2026-01' -> '2025年9月至2026年1月'; other text unchanged.
 */
export function datesInWords(text: string): string {
  return text.replace(/\b(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\b/g, (_m, y: string, m?: string, d?: string) =>
    (d ? dateInWords(`${y}-${m}-${d}`) : m ? monthLabel(`${y}-${m}`) : `${y}年`));
}
