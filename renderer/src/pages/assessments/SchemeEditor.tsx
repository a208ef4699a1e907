import { useEffect, useState } from 'react';
import {
  ActionIcon, Alert, Button, Group, Loader, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput,
  Textarea,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyError, notifyOk } from '../../notify';
import { AssessmentTabs } from './AssessmentTabs';
import {
  ASSESSMENT_ITEM_KINDS, ASSESSMENT_ITEM_KIND_LABELS, DEFAULT_SCHEME, assessmentScheme, schemeItem, type AssessmentItemKind,
  type AssessmentScheme, type SchemeItem,
} from '../../../../shared/schemas/assessment';
import { PIECE_KINDS } from '../../../../shared/schemas/piece';
import { ASSIGNMENT_ROLES } from '../../../../shared/vocab';
import { labelOf } from '../../../../shared/validation';

const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` }));
const num = (v: number | string, fallback = 0) => (v === '' ? fallback : Number(v));

/** A new item's key: the kind, numbered when taken. */
function newKey(kind: AssessmentItemKind, items: SchemeItem[]): string {
  const base = kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  let key = base;
  for (let n = 2; items.some((i) => i.key === key); n++) key = `${base}-${n}`;
  return key;
}

/** The parameters an item's kind reads. */
function Params({ item, set }: { item: SchemeItem; set: (over: Partial<SchemeItem>) => void }) {
  switch (item.kind) {
    case 'coverage':
      return (
        <SimpleGrid cols={2}>
          <MultiSelect label="计入的挂牌角色" data={[...ASSIGNMENT_ROLES]} value={item.roles} onChange={(v) => set({ roles: v as SchemeItem['roles'] })} />
          <MultiSelect label="应督导的月份" data={MONTHS} value={item.months.map(String)} onChange={(v) => set({ months: v.map(Number).sort((a, b) => a - b) })} />
        </SimpleGrid>
      );
    case 'onTime':
      return <NumberInput label="督导后几日内录入算按时" w={220} min={0} max={90} value={item.days} onChange={(v) => set({ days: num(v) })} />;
    case 'attendance':
      return <NumberInput label="请假一次折算出勤（0至1）" w={220} min={0} max={1} step={0.1} decimalScale={2} value={item.leaveWeight} onChange={(v) => set({ leaveWeight: num(v) })} />;
    case 'writing':
      return (
        <SimpleGrid cols={2}>
          <NumberInput label="定稿一篇计分" min={0} max={100} step={0.5} decimalScale={1} value={item.perPiece} onChange={(v) => set({ perPiece: num(v) })} />
          <MultiSelect label="计入的文章类型" data={[...PIECE_KINDS]} value={item.pieceKinds} onChange={(v) => set({ pieceKinds: v as SchemeItem['pieceKinds'] })} />
        </SimpleGrid>
      );
    case 'manual':
      return <NumberInput label="最低分（扣分项填负数，如 -20）" w={260} min={-100} max={0} step={1} value={item.floor} onChange={(v) => set({ floor: num(v) })} />;
    default:
      return null;
  }
}

/** The office's 考核办法: items with their points, rules and parameters; who is assessed; the grade thresholds. */
export function SchemeEditor() {
  const settings = useApi('settings.get', {});
  const [s, setS] = useState<AssessmentScheme | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [addKind, setAddKind] = useState<AssessmentItemKind>('manual');

  useEffect(() => { call('assessments.scheme', {}).then(setS, (e: unknown) => setError(e instanceof Error ? e.message : String(e))); }, []);
  if (error) return <Alert color="red" title="无法读取考核办法">{error}</Alert>;
  if (!s) return <Loader />;

  const setItem = (i: number, over: Partial<SchemeItem>) => setS({ ...s, items: s.items.map((x, k) => (k === i ? { ...x, ...over } : x)) });
  const move = (i: number, d: -1 | 1) => {
    const items = [...s.items];
    [items[i], items[i + d]] = [items[i + d], items[i]];
    setS({ ...s, items });
  };
  const full = s.items.reduce((n, i) => n + i.points, 0);

  async function save() {
    const parsed = assessmentScheme.safeParse(s);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue.path[0] === 'items' && typeof issue.path[1] === 'number' ? `第${issue.path[1] + 1}个考核项目的` : '';
      notifyError(new Error(`考核办法没有保存：${where}「${labelOf(issue.path, assessmentScheme)}」${issue.message}`));
      return;
    }
    setBusy(true);
    try {
      setS(await call('assessments.saveScheme', parsed.data));
      notifyOk('已保存考核办法。已完成的考核不受影响；草稿请「重新计算」。');
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md" maw={1100}>
      <AssessmentTabs active="scheme" actions={(
        <>
          <Button variant="default" onClick={() => setS(structuredClone(DEFAULT_SCHEME))}>恢复默认办法</Button>
          <Button loading={busy} onClick={save}>保存考核办法</Button>
        </>
      )} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput label="考核办法名称" value={s.title} onChange={(e) => setS({ ...s, title: e.currentTarget.value })} />
            <MultiSelect label="考核对象（督学类别）" placeholder={s.categories.length ? '' : '全部类别'} data={settings.data?.supervisorCategories ?? []}
              value={s.categories} onChange={(v) => setS({ ...s, categories: v })} description="只考核在聘的督学；不选则考核全部类别" />
          </SimpleGrid>
          <Group gap="sm" align="flex-end">
            <NumberInput label="优秀（分以上）" w={140} value={s.thresholds.excellent} onChange={(v) => setS({ ...s, thresholds: { ...s.thresholds, excellent: num(v) } })} />
            <NumberInput label="合格（分以上）" w={140} value={s.thresholds.pass} onChange={(v) => setS({ ...s, thresholds: { ...s.thresholds, pass: num(v) } })} />
            <NumberInput label="基本合格（分以上）" w={160} value={s.thresholds.basic} onChange={(v) => setS({ ...s, thresholds: { ...s.thresholds, basic: num(v) } })} />
            <Text size="sm" c="dimmed" pb={6}>低于基本合格分数线为不合格。考核项目满分合计：<b>{full}</b>分</Text>
          </Group>
        </Stack>
      </Paper>

      {s.items.map((item, i) => (
        <Paper key={item.key} withBorder p="md" aria-label={`考核项目${i + 1}`}>
          <Stack gap="sm">
            <Group justify="space-between" align="flex-end">
              <Group gap="sm" align="flex-end">
                <Text fw={700} pb={6}>{i + 1}.</Text>
                <TextInput label="考核项目" w={220} value={item.label} onChange={(e) => setItem(i, { label: e.currentTarget.value })} />
                <NumberInput label="分值" w={100} min={0} max={100} step={1} value={item.points} onChange={(v) => setItem(i, { points: num(v) })} />
                <Text size="sm" c="dimmed" pb={6}>计分方式：{ASSESSMENT_ITEM_KIND_LABELS[item.kind]}</Text>
              </Group>
              <Group gap={4}>
                <ActionIcon variant="subtle" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`上移${item.label}`}><IconArrowUp size={16} /></ActionIcon>
                <ActionIcon variant="subtle" disabled={i === s.items.length - 1} onClick={() => move(i, 1)} aria-label={`下移${item.label}`}><IconArrowDown size={16} /></ActionIcon>
                <ActionIcon variant="subtle" color="red" disabled={s.items.length === 1} onClick={() => setS({ ...s, items: s.items.filter((_, k) => k !== i) })}
                  aria-label={`删除${item.label}`}><IconTrash size={16} /></ActionIcon>
              </Group>
            </Group>
            <Textarea label="评分标准（印在考核表上）" autosize minRows={1} value={item.rule ?? ''} onChange={(e) => setItem(i, { rule: e.currentTarget.value || null })} />
            <Params item={item} set={(over) => setItem(i, over)} />
            {['coverage', 'onTime', 'closed', 'attendance'].includes(item.kind) && (
              <Switch label="没有应完成的任务时（如没有挂牌学校、没有提出问题）按满分计" checked={item.emptyFull}
                onChange={(e) => setItem(i, { emptyFull: e.currentTarget.checked })} />
            )}
          </Stack>
        </Paper>
      ))}

      <Group gap="sm" align="flex-end">
        <Select label="添加考核项目" w={260} allowDeselect={false} value={addKind} onChange={(v) => v && setAddKind(v as AssessmentItemKind)}
          data={ASSESSMENT_ITEM_KINDS.map((k) => ({ value: k, label: ASSESSMENT_ITEM_KIND_LABELS[k] }))} />
        <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setS({ ...s, items: [...s.items,
          schemeItem.parse({ key: newKey(addKind, s.items), label: ASSESSMENT_ITEM_KIND_LABELS[addKind].replace(/（.*）/, ''), kind: addKind, points: addKind === 'manual' ? 0 : 10 })] })}>
          添加
        </Button>
      </Group>
    </Stack>
  );
}
