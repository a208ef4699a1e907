import type { Zone } from '../../../../shared/schemas/zone';

/** Select data for a zone choice; `withNone` adds 未分区 (schools in no zone) as 'none'. */
export function zoneOptions(zones: Zone[] | undefined, withNone = false): { value: string; label: string }[] {
  const list = (zones ?? []).map((z) => ({ value: String(z.id), label: z.name }));
  return withNone ? [{ value: 'none', label: '未分区' }, ...list] : list;
}

/** Display an optional value, with a dash for blanks. */
export function show(v: string | number | null | undefined): string {
  return v === null || v === undefined || v === '' ? '—' : String(v);
}
