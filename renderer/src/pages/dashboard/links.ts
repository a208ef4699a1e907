import type { Dashboard } from '../../../../shared/schemas/dashboard';

/**
 * Where each dashboard number leads: the list pages with the same filters the number was counted
 * with. The period is ?month=YYYY-MM for a month and ?year=YYYY for a whole year; the zone is ?zoneId=.
 */
export function periodParams(p: Dashboard['period'], withZone = true): Record<string, string> {
  const out: Record<string, string> = p.month ? { month: `${p.year}-${String(p.month).padStart(2, '0')}` } : { year: String(p.year) };
  if (withZone && p.zoneId) out.zoneId = String(p.zoneId);
  return out;
}

export function to(path: string, params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export const links = {
  visits: (p: Dashboard['period'], extra: Record<string, string | number> = {}) => to('/visits', { ...periodParams(p), ...extra }),
  /** Problems raised in the period (the 台账 would add those carried over into it). */
  problems: (p: Dashboard['period'], extra: Record<string, string | number> = {}) => to('/problems', { ...periodParams(p), carry: 'none', ...extra }),
  /** Problems carried over into the period (结转). */
  carried: (p: Dashboard['period'], extra: Record<string, string | number> = {}) => to('/problems', { ...periodParams(p), carry: 'only', ...extra }),
  /** Every problem overdue now (in the zone), whenever it was raised. */
  overdueNow: (p: Dashboard['period']) => to('/problems', { overdueOnly: 1, zoneId: p.zoneId ?? undefined }),
  complaints: (p: Dashboard['period'], extra: Record<string, string | number> = {}) => to('/complaints', { ...periodParams(p), ...extra }),
  schools: (p: Dashboard['period']) => to('/schools', { zoneId: p.zoneId ?? undefined }),
  school: (id: number) => `/schools/${id}`,
  calendarItem: (i: Dashboard['calendarDue'][number]) => to('/calendar', { id: i.calendarId, month: i.month, item: i.id }),
};
