/**
 * How the workbooks write dates: as real Excel dates (sortable, filterable, usable in formulas) shown in the
 * office's Chinese form, 2026年12月4日, and a month as 2026年12月. One format everywhere: the ledger, the
 * rosters and the 归档目录. Empty values are left empty cells, never '' strings.
 */

export const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
export const MONTH_FORMAT = 'yyyy"年"m"月"';

/** A yyyy-mm-dd (or yyyy-mm) text as the Date Excel stores (midnight UTC, as exceljs reads it back); null when empty or not a date. */
export function excelDate(iso: string | null | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso ?? '');
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? '1')));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A text cell's value: null for an empty text, so the cell stays empty. */
export const textCell = (s: string | null | undefined): string | null => (s && s.trim() ? s : null);
