import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Modal, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyError, notifyOk } from '../../notify';
import { PIECE_KINDS, type CaseProposal } from '../../../../shared/schemas/piece';
import { years } from './PieceTabs';

const key = (p: CaseProposal) => `${p.sourceKind}:${p.sourceId}`;
const LABEL: Record<CaseProposal['sourceKind'], string> = { notice: '整改', school: '亮点' };

/**
 * 从记录起草: what the year's records suggest — a school's 亮点, a 整改 that ran its course (those sent
 * back after a failed 回查 first) — picked and turned into drafts written from the records' own words.
 * Mount it only while open: it reads the proposals when mounted.
 */
export function ProposalsDialog({ opened, onClose, onDrafted }: { opened: boolean; onClose(): void; onDrafted(): void }) {
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [kind, setKind] = useState<string>('案例');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const list = useApi('pieces.proposals', { year: Number(year) });
  useEffect(() => setPicked(new Set()), [year]);

  const rows = list.data ?? [];
  const toggle = (k: string) => setPicked((old) => { const n = new Set(old); if (n.has(k)) n.delete(k); else n.add(k); return n; });
  const draft = async () => {
    setBusy(true);
    try {
      const sources = rows.filter((p) => picked.has(key(p))).map((p) => ({ sourceKind: p.sourceKind, sourceId: p.sourceId }));
      const made = await call('pieces.draftFromRecords', { year: Number(year), kind: kind as (typeof PIECE_KINDS)[number], sources });
      notifyOk(`已起草${made.length}篇${kind}草稿，请修改完善后定稿。`);
      setPicked(new Set());
      onDrafted();
      await list.reload();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="从督导记录起草案例" size="xl">
      <Stack>
        <Text size="sm">
          根据这一年的记录提出素材：各校督导记录中的亮点，以及整改通知书中问题全部整改销号的整改过程（经回查退回后整改到位的排在前面）。
          选中后起草为草稿，正文取自记录原文，可再修改完善。
        </Text>
        <Group align="flex-end">
          <Select label="年份" w={100} data={years()} value={year} allowDeselect={false} onChange={(v) => v && setYear(v)} />
          <Select label="起草为" w={120} data={[...PIECE_KINDS]} value={kind} allowDeselect={false} onChange={(v) => v && setKind(v)} />
          <Button variant="default" disabled={rows.length === 0} onClick={() => setPicked(picked.size === rows.length ? new Set() : new Set(rows.map(key)))}>
            {picked.size === rows.length && rows.length > 0 ? '全不选' : '全选'}
          </Button>
        </Group>
        {list.error && <Alert color="red">{list.error}</Alert>}
        {list.data && rows.length === 0 && <Text size="sm" c="dimmed">这一年没有可起草的素材（已起草过的不再列出）。</Text>}
        <ScrollArea.Autosize mah={440}>
          <Table aria-label="可起草的素材" verticalSpacing={4} highlightOnHover>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={key(p)} style={{ cursor: 'pointer' }} onClick={() => toggle(key(p))}>
                  <Table.Td w={36}><Checkbox aria-label={p.title} checked={picked.has(key(p))} onChange={() => toggle(key(p))} onClick={(e) => e.stopPropagation()} /></Table.Td>
                  <Table.Td w={60}><Badge variant="light" color={p.sourceKind === 'notice' ? 'orange' : 'teal'}>{LABEL[p.sourceKind]}</Badge></Table.Td>
                  <Table.Td><Text size="sm">{p.title}</Text><Text size="xs" c="dimmed">{p.summary}</Text></Table.Td>
                  <Table.Td w={100}><Text size="xs" c="dimmed">{p.date}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>关闭</Button>
          <Button leftSection={<IconSparkles size={16} />} loading={busy} disabled={picked.size === 0} onClick={draft}>起草所选（{picked.size}篇）</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
