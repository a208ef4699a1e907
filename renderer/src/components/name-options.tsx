import { Group, Text, type ComboboxItem, type ComboboxLikeRenderOptionInput, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core';
import type { School } from '../../../shared/schemas/school';
import type { Supervisor } from '../../../shared/schemas/supervisor';

// Pickers find names as people type them (issue 16): a school by its full name, short name (清河一小)
// or pinyin initials (qhyx), a person by name or initials (zm). The options carry what to search and a
// hint shown beside the name; every school and supervisor Select takes `namePicker` for both.

export interface NameOption extends ComboboxItem {
  /** The names the option is found by anywhere in (full name, short name), lower case. */
  search: string;
  /** Pinyin initials of each name, found from their start (qh, qhyx), as the server's search does. */
  initials: string[];
  /** Shown dimmed after the label: a school's short name, a supervisor's status when not 在聘. */
  hint?: string;
}

export function schoolOption(s: Pick<School, 'id' | 'fullName' | 'shortName' | 'initials'>): NameOption {
  return {
    value: String(s.id), label: s.fullName, hint: s.shortName && s.shortName !== s.fullName ? s.shortName : undefined,
    search: [s.fullName, s.shortName].filter(Boolean).join(' ').toLowerCase(), initials: s.initials.split(' ').filter(Boolean),
  };
}

export function supervisorOption(s: Pick<Supervisor, 'id' | 'name' | 'initials' | 'status'>): NameOption {
  return {
    value: String(s.id), label: s.name, hint: s.status !== '在聘' ? s.status : undefined,
    search: s.name.toLowerCase(), initials: [s.initials],
  };
}

/**
 * School `id` as the pickers offer it (found by short name and initials too), for a list of some schools
 * only (a round's); `hint`, if given, is shown beside the name instead of the short name.
 */
export function schoolOptionOf(options: NameOption[], id: number, name: string, hint?: string): NameOption {
  const o = options.find((x) => x.value === String(id)) ?? { value: String(id), label: name, search: name.toLowerCase(), initials: [] };
  return hint ? { ...o, hint } : o;
}

const isGroup = (o: ComboboxParsedItem): o is Extract<ComboboxParsedItem, { group: unknown }> => 'group' in o;

/** Mantine's filter for NameOptions: the typed text anywhere in the name or short name, or the start of their initials. */
export const nameFilter: OptionsFilter = ({ options, search, limit }) => {
  const term = search.trim().toLowerCase();
  const hits = (o: ComboboxParsedItem) => {
    if (isGroup(o)) return false;
    const item = o as NameOption;
    return item.label.toLowerCase().includes(term) || (item.search ?? '').includes(term)
      || (/^[a-z]{2,}$/.test(term) && (item.initials ?? []).some((i) => i.startsWith(term)));
  };
  const out: ComboboxParsedItem[] = [];
  for (const o of options) {
    if (out.length >= limit) break;
    if (isGroup(o)) {
      const items = o.items.filter(hits);
      if (items.length) out.push({ ...o, items });
    } else if (!term || hits(o)) out.push(o);
  }
  return out;
};

function renderNameOption({ option }: ComboboxLikeRenderOptionInput<ComboboxItem>) {
  const hint = (option as NameOption).hint;
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{option.label}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Group>
  );
}

/** Props for a searchable Select / MultiSelect of NameOptions. */
export const namePicker = { filter: nameFilter, renderOption: renderNameOption } as const;
