import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Checkbox, Group, Loader, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { call } from '../../api';
import { notifyCanceled, notifyError, notifyOk } from '../../notify';
import { followJob } from '../../jobs';
import type { OpenWorkGroup, OpenWorkItem, YearCheck } from '../../../../shared/schemas/year-close';

/** Where an open item opens. */
function pathOf(kind: OpenWorkGroup['kind'], i: OpenWorkItem): string {
  switch (kind) {
    case 'notice': return `/problems/notices/${i.id}`;
    case 'problem': return `/problems/${i.id}`;
    case 'complaint': return `/complaints/${i.id}`;
    case 'briefing': return `/briefings/${i.id}`;
    case 'piece': return `/pieces/${i.id}`;
    case 'calendarItem': return `/calendar?id=${i.parentId}&item=${i.id}`;
    case 'campaign': return `/campaigns/${i.id}`;
    case 'evaluation': return `/evaluations/${i.id}`;
    case 'followup': return '/problems/followups';
    case 'training': return `/trainings/${i.id}`;
    case 'assessment': return `/assessments/${i.id}`;
  }
}

function OpenGroup({ g }: { g: OpenWorkGroup }) {
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={600} size="sm">{g.label}（{g.total}）</Text>
        {g.carriedOver
          ? <Badge color="blue" variant="light">归档后仍可继续整改，结转下一年度</Badge>
          : <Badge color="orange" variant="light">归档后只读，不能再办理</Badge>}
      </Group>
      <Table verticalSpacing={2} aria-label={g.label}>
        <Table.Tbody>
          {g.items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td w={120}><Text size="xs" c="dimmed">{g.kind === 'notice' ? `期限 ${i.date}` : i.date}</Text></Table.Td>
              <Table.Td><Anchor component={Link} to={pathOf(g.kind, i)} size="sm">{i.title}</Anchor></Table.Td>
              <Table.Td w={80}><Text size="xs">{i.status}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {g.total > g.items.length && <Text size="xs" c="dimmed">另有 {g.total - g.items.length} 项未列出。</Text>}
    </Stack>
  );
}

/**
 * 归档 a year: first what is still open in it (yearClose.check), each item a link to its record; a year with
 * open work is archived only after a second confirmation naming how many, which the close then checks.
 */
export function ArchiveDialog({ year, onClose, onArchived }: { year: number | null; onClose: () => void; onArchived: () => void }) {
  const [check, setCheck] = useState<YearCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [working, setWorking] = useState(false);

  useEffect(() => {
    setCheck(null);
    setError(null);
    setAccepted(false);
    if (year === null) return;
    let live = true;
    call('yearClose.check', { year })
      .then((c) => { if (live) setCheck(c); })
      .catch((e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); });
    return () => { live = false; };
  }, [year]);

  async function archive() {
    if (year === null || !check) return;
    setWorking(true);
    try {
      // A job: its progress, with 取消, is shown at the bottom left (JobProgress).
      const r = await followJob(call('yearClose.close', { year, openWork: check.openWork }));
      if (!r) return notifyCanceled(`没有归档${year}年度：没有生成归档包，该年度的记录仍可修改。`);
      notifyOk(`已归档${r.year}年度：归档包共 ${r.catalogue.length} 个文件，保存在 ${r.folder}。该年度的记录现在为只读，问题整改可继续办理。`);
      onArchived();
    } catch (e) {
      notifyError(e);
    } finally {
      setWorking(false);
    }
  }

  const open = check?.openWork ?? 0;
  const ready = !!check && !check.refusal && (open === 0 || accepted);
  return (
    <Modal opened={year !== null} onClose={() => !working && onClose()} title={`归档${year ?? ''}年度`} centered size="xl">
      <Stack>
        <Text size="sm">
          将生成{year}年度归档包：大事记、该年印发的全部简报、案例集、行事历、问题整改台账、统计报告、相关附件和历年档案，
          以及归档目录（含每个文件的 SHA-256 校验值）。
        </Text>
        <Alert color="orange" title="归档后该年度变为只读">
          归档后，{year}年度的督导记录、问题、来访来电、行事历、简报、大事记、文章和历年档案的内容都不能再新增、修改或删除。
          问题整改例外：未销号的问题和整改通知书仍可登记整改报告、回查和销号（记入操作日志），并作为「结转」列入下一年度的问题整改台账。
          如确需修改，须在本页重新开启该年度（需确认，并记入操作日志）。
        </Alert>
        {error && <Alert color="red" title="无法检查该年度">{error}</Alert>}
        {!check && !error && <Group gap="xs"><Loader size="sm" /><Text size="sm">正在检查{year}年度未办结的工作…</Text></Group>}
        {check?.refusal && <Alert color="red" title="不能归档">{check.refusal}</Alert>}
        {check && !check.refusal && (open === 0
          ? <Alert color="green" title="没有未办结的工作">{year}年度的整改通知书、问题、来访来电、简报、文章和行事历事项均已办结。</Alert>
          : (
            <Stack gap="xs">
              <Alert color="red" title={`${year}年度还有 ${open} 项工作未办结`}>
                请逐项查看（点击可打开该记录）。建议先办结来访来电、印发或删除简报草稿、定稿文章、更新行事历完成情况，再归档。
              </Alert>
              <ScrollArea.Autosize mah={320} type="auto">
                <Stack gap="md" aria-label="未办结清单">
                  {check.groups.map((g) => <OpenGroup key={g.kind} g={g} />)}
                </Stack>
              </ScrollArea.Autosize>
              <Checkbox checked={accepted} onChange={(e) => setAccepted(e.currentTarget.checked)}
                label={`我已查看以上 ${open} 项未办结的工作，仍要归档${year}年度`} />
            </Stack>
          ))}
        {working && <Text size="sm">正在生成归档包，进度显示在页面左下角，可随时取消。</Text>}
        <Group justify="flex-end">
          <Button variant="default" disabled={working} onClick={onClose}>取消</Button>
          <Button color={open > 0 ? 'red' : undefined} loading={working} disabled={!ready} onClick={() => void archive()}>
            {open > 0 ? `仍然归档（${open}项未办结）` : '确认归档'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
