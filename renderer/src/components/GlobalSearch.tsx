import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { Badge, Group, Loader, Popover, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { call } from '../api';
import { recordPath } from '../lib/record-links';
import type { SearchHit, SearchResult, SearchSnippet } from '../../../shared/schemas/dashboard';

/** Where a hit opens. Lists that read ?q= show every match of a kind. */
const pathOf = (h: SearchHit): string => recordPath(h.kind, h.id, h.parentId) ?? '/';
const LIST_OF: Partial<Record<SearchHit['kind'], string>> = {
  supervisor: '/supervisors', school: '/schools', visit: '/visits', problem: '/problems', complaint: '/complaints',
};

/** A kind's count; the server stops counting at 1000 and says there are more. */
const countText = (g: SearchResult['groups'][number]) => (g.more ? `${g.total}+` : String(g.total));

/** Where the query was found, the match highlighted. */
function Snippet({ s }: { s: SearchSnippet }) {
  return (
    <Text size="xs" c="dimmed" lineClamp={1}>
      {s.before}<mark style={{ background: 'var(--mantine-color-yellow-2)', color: 'inherit', padding: '0 1px', borderRadius: 2 }}>{s.match}</mark>{s.after}
    </Text>
  );
}

/** The header's one search box: supervisors, schools, records, problems, complaints and calendar items. */
export function GlobalSearch() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  // Another page (the sidebar, a link, the back button): the box starts empty there. Not the start-up
  // redirect from / to the first page, which may come after someone began typing.
  const shownOn = useRef(pathname);
  useEffect(() => {
    if (shownOn.current !== pathname && shownOn.current !== '/') { setText(''); setOpen(false); }
    shownOn.current = pathname;
  }, [pathname]);

  useEffect(() => {
    if (!q) { setResult(null); setError(null); return; }
    let live = true;
    setLoading(true);
    call('search.global', { q, limit: 8 })
      .then((r) => { if (live) { setResult(r); setError(null); } })
      .catch((e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); })
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [q]);

  // Opening a result clears the box, so the dropdown does not cover the page it opens.
  const go = (path: string) => { setOpen(false); setText(''); navigate(path); };
  const groups = result?.groups ?? [];

  return (
    <Popover opened={open && !!q} onChange={setOpen} width={520} position="bottom" shadow="md" trapFocus={false}>
      <Popover.Target>
        <TextInput
          w={360} size="sm" placeholder="搜索督学、学校、督导记录、问题、来访…" aria-label="全局搜索"
          leftSection={loading ? <Loader size={14} /> : <IconSearch size={14} />} value={text}
          onChange={(e) => { setText(e.currentTarget.value); setOpen(true); }}
          onFocus={() => setOpen(true)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
            // Enter opens the first hit.
            const first = groups[0]?.hits[0];
            if (e.key === 'Enter' && first) go(pathOf(first));
          }}
        />
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <ScrollArea.Autosize mah={520}>
          {error && <Text size="sm" c="red">{error}</Text>}
          {!error && result && groups.length === 0 && <Text size="sm" c="dimmed" p="xs">没有找到包含“{q}”的内容。</Text>}
          <Stack gap="sm" role="list" aria-label="搜索结果">
            {groups.map((g) => (
              <div key={g.kind} role="group" aria-label={`${g.label}（${countText(g)}）`}>
                <Group justify="space-between" px={6} mb={2}>
                  <Group gap={6}>
                    <Text size="xs" fw={700} c="dimmed">{g.label}</Text>
                    <Badge size="xs" variant="light" color="gray">{countText(g)}</Badge>
                  </Group>
                  {g.total > g.hits.length && LIST_OF[g.kind] && (
                    <UnstyledButton onClick={() => go(`${LIST_OF[g.kind]}?q=${encodeURIComponent(q)}`)}>
                      <Text size="xs" c="red.8">查看全部 {countText(g)} 条</Text>
                    </UnstyledButton>
                  )}
                </Group>
                {g.hits.map((h) => (
                  <UnstyledButton key={`${h.kind}-${h.id}`} w="100%" px={6} py={4} role="listitem" onClick={() => go(pathOf(h))}
                    style={{ borderRadius: 4 }}>
                    <Text size="sm" lineClamp={1}>{h.title}</Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>{h.detail}</Text>
                    {h.snippet && <Snippet s={h.snippet} />}
                  </UnstyledButton>
                ))}
              </div>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
