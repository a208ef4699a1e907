import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Alert, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconDeviceFloppy, IconPlus, IconSparkles, IconTrash } from '@tabler/icons-react';
import { call } from '../../api';
import { notifyError, notifyOk } from '../../notify';
import { DateField } from '../../components/DateFields';
import { ExportButton } from '../../components/ExportButton';
import { RichTextEditor } from '../../components/RichTextEditor';
import { chineseNumber } from '../../../../shared/numbers';
import type { Campaign, ReportSection } from '../../../../shared/schemas/campaign';
import { todayText } from '../../../../shared/dates';

interface EditSection extends ReportSection { key: number }

/**
 * The 专项督导报告: drafted from the campaign's records (基本情况, 主要成效, 存在问题, 整改要求及建议), edited section
 * by section in the rich-text editor, saved, and exported to Word with its statistics 附件.
 */
export function CampaignReport({ campaign: c, onSaved }: { campaign: Campaign; onSaved: () => void }) {
  const keys = useRef(0);
  const [title, setTitle] = useState('');
  const [to, setTo] = useState('');
  const [date, setDate] = useState(todayText());
  const [sections, setSections] = useState<EditSection[]>([]);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirmDraft, setConfirmDraft] = useState(false);

  useEffect(() => {
    setTitle(c.reportTitle ?? `关于${c.name}专项督导情况的报告`);
    setTo(c.reportTo ?? '');
    setDate(c.reportDate ?? todayText());
    setSections(c.report.map((s) => ({ ...s, key: ++keys.current })));
    setDirty(false);
  }, [c.id]);
  const change = (next: EditSection[]) => { setSections(next); setDirty(true); };

  async function save(quiet = false) {
    await call('campaigns.saveReport', { id: c.id, title, to: to || null, date, sections: sections.map(({ key: _k, ...s }) => s) });
    setDirty(false);
    if (!quiet) notifyOk('专项督导报告已保存');
    onSaved();
  }
  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    try { await f(); } catch (e) { notifyError(e); } finally { setBusy(false); }
  };
  async function draft() {
    setConfirmDraft(false);
    await run(async () => {
      if (date !== c.reportDate) await call('campaigns.saveReport', { id: c.id, title, to: to || null, date, sections: sections.map(({ key: _k, ...s }) => s) });
      const proposed = await call('campaigns.draftReport', { id: c.id });
      change(proposed.map((s) => ({ ...s, key: ++keys.current })));
      notifyOk(`已按截至${date}的督导记录起草，请修改后保存`);
    });
  }
  const move = (i: number, d: -1 | 1) => {
    const next = [...sections];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    change(next);
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <TextInput label="报告标题" value={title} onChange={(e) => { setTitle(e.currentTarget.value); setDirty(true); }} />
            <TextInput label="主送单位" placeholder="如 区人民政府" value={to} onChange={(e) => { setTo(e.currentTarget.value); setDirty(true); }} />
            <DateField label="成文日期" value={date} onChange={(v) => { setDate(v); setDirty(true); }} description="报告和附件中的数字统计到这一天" />
          </SimpleGrid>
          <Group>
            <Button variant="light" leftSection={<IconSparkles size={16} />} loading={busy}
              onClick={() => (sections.length ? setConfirmDraft(true) : void draft())}>从督导记录起草</Button>
            <Button leftSection={<IconDeviceFloppy size={16} />} loading={busy} onClick={() => void run(() => save())}>保存报告</Button>
            <ExportButton channel="campaigns.exportReport" label="导出Word" input={async () => { if (dirty) await save(true); return { id: c.id }; }} />
            {dirty && <Text size="sm" c="orange">有未保存的修改</Text>}
          </Group>
        </Stack>
      </Paper>

      {sections.length === 0 && (
        <Alert color="blue" title="还没有报告">点击「从督导记录起草」，按本专项督导的学校、督导记录和问题写出基本情况、主要成效、存在问题、整改要求及建议，再逐段修改。</Alert>
      )}
      {sections.map((s, i) => (
        <Paper key={s.key} withBorder p="md" role="group" aria-label={`第${i + 1}部分`}>
          <Stack gap="xs">
            <Group wrap="nowrap">
              <Text fw={700} w={30}>{chineseNumber(i + 1)}、</Text>
              <TextInput aria-label={`第${i + 1}部分标题`} style={{ flex: 1 }} value={s.title}
                onChange={(e) => change(sections.map((x) => (x.key === s.key ? { ...x, title: e.currentTarget.value } : x)))} />
              <Tooltip label="上移"><ActionIcon variant="subtle" aria-label={`上移第${i + 1}部分`} disabled={i === 0} onClick={() => move(i, -1)}><IconArrowUp size={16} /></ActionIcon></Tooltip>
              <Tooltip label="下移"><ActionIcon variant="subtle" aria-label={`下移第${i + 1}部分`} disabled={i === sections.length - 1} onClick={() => move(i, 1)}><IconArrowDown size={16} /></ActionIcon></Tooltip>
              <Tooltip label="删去这部分"><ActionIcon variant="subtle" color="red" aria-label={`删去第${i + 1}部分`}
                onClick={() => change(sections.filter((x) => x.key !== s.key))}><IconTrash size={16} /></ActionIcon></Tooltip>
            </Group>
            <RichTextEditor value={s.blocks} label={`第${i + 1}部分正文`} minHeight={90}
              onChange={(blocks) => change(sections.map((x) => (x.key === s.key ? { ...x, blocks } : x)))} />
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => change([...sections, { key: ++keys.current, title: '', blocks: [] }])}>添加一部分</Button>
      </Group>

      <Modal opened={confirmDraft} onClose={() => setConfirmDraft(false)} title="重新起草报告">
        <Stack>
          <Text size="sm">重新起草将用督导记录生成的内容替换现有的各部分（已保存的报告在保存前不会改变）。确定吗？</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDraft(false)}>取消</Button>
            <Button onClick={() => void draft()}>重新起草</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
