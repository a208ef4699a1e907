import { useApi } from '../useApi';
import { EIGHT_ITEMS, OTHER_ITEM } from '../../../shared/vocab';
import type { Zone } from '../../../shared/schemas/zone';
import { schoolOption, supervisorOption } from '../components/name-options';

/** Choices for the forms and filters: live schools, supervisors and zones, and the office's items. */
export function useChoices() {
  const schools = useApi('schools.list', { limit: 500, sort: 'fullName' });
  const supervisors = useApi('supervisors.list', { limit: 500, sort: 'name' });
  const zones = useApi('zones.list', {});
  const settings = useApi('settings.get', {});
  return {
    /** Found by full name, short name or pinyin initials (use with `namePicker`). */
    schools: (schools.data?.rows ?? []).map(schoolOption),
    supervisors: (supervisors.data?.rows ?? []).map(supervisorOption),
    zones: (zones.data ?? []).map((z) => ({ value: String(z.id), label: z.name })),
    items: [...(settings.data?.eightItems ?? EIGHT_ITEMS), OTHER_ITEM],
    error: schools.error ?? supervisors.error ?? zones.error ?? settings.error,
  };
}

/** Select data for a zone choice; `withNone` adds 未分区 (schools in no zone) as 'none'. */
export function zoneOptions(zones: Zone[] | undefined, withNone = false): { value: string; label: string }[] {
  const list = (zones ?? []).map((z) => ({ value: String(z.id), label: z.name }));
  return withNone ? [{ value: 'none', label: '未分区' }, ...list] : list;
}

/** The last eight years, newest first, for a 年份 filter. */
export function years(): string[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 8 }, (_, i) => String(now - i));
}

/** Set or clear one search parameter (the filters live in the URL so other pages can link to them). */
export function setParam(p: URLSearchParams, key: string, value: string | null): URLSearchParams {
  if (value) p.set(key, value);
  else p.delete(key);
  return p;
}

/** The office's 来访来电 topics (设置), with `keep` (a record's own topic, taken off the list since) still offered. */
export function complaintTopics(settings: { complaintTopics: string[] } | null, keep: string | null, defaults: readonly string[]): string[] {
  const list = settings?.complaintTopics ?? [...defaults];
  return keep && !list.includes(keep) ? [...list, keep] : list;
}
