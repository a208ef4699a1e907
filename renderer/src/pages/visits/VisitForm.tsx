import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  ActionIcon, Alert, Anchor, Button, Checkbox, Group, Loader, Paper, SegmentedControl, Select, SimpleGrid, Stack,
  Table, Text, TextInput, Textarea, Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { call } from '../../api';
import { notifyOk } from '../../notify';
import { showSaveError } from '../../lib/forms';
import { Attachments, type StoredFile } from '../../components/Attachments';
import { useChoices } from '../../lib/options';
import { ProblemStatus } from '../../components/ProblemStatus';
import type { Input } from '../../../../shared/contract';
import type { CalendarItem } from '../../../../shared/schemas/calendar';
import type { Problem } from '../../../../shared/schemas/problem';
import { PROBLEM_ACTORS, VISIT_METHODS, VISIT_TYPES } from '../../../../shared/vocab';
import { monthLabel, todayText } from '../../../../shared/dates';
import { DateField } from '../../components/DateFields';
import { namePicker } from '../../components/name-options';
import { SupervisorsPicker } from '../../components/SupervisorPicker';

type Draft = { key: number; category: string | null; description: string; actor: string; deadline: string };
type Fields = Input<'visits.save'>['fields'];

interface PlanGroup { group: string; items: { value: string; label: string }[] }

/**
 * The month's theme, and the 行事历 items a visit may belong to: every item of every live calendar that
 * covers the month, from any of its months (a visit in October may carry out September's item), the
 * month's own items and those running into it first.
 */
function useMonthPlan(month: string) {
  const [plan, setPlan] = useState<{ theme: string | null; groups: PlanGroup[] }>({ theme: null, groups: [] });
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const calendars = (await call('calendars.list', {})).filter((c) => c.startMonth <= month && month <= c.endMonth)
          .sort((x, y) => y.id - x.id);
        const details = await Promise.all(calendars.map((c) => call('calendars.get', { id: c.id })));
        const here = details.map((d) => d.months.find((m) => m.month === month)).filter((m) => !!m);
        const option = (i: CalendarItem) => ({ value: String(i.id), label: `${i.numberText}${i.content}` });
        const groups: PlanGroup[] = details.flatMap((d) => {
          const prefix = details.length > 1 ? `${d.calendar.title} · ` : '';
          const now = d.months.find((m) => m.month === month);
          const current = now ? [...now.items, ...now.continued] : [];
          const shown = new Set(current.map((i) => i.id));
          const others = d.months.filter((m) => m.month !== month)
            .map((m) => ({ group: `${prefix}${monthLabel(m.month).slice(5)}`, items: m.items.filter((i) => !shown.has(i.id)).map(option) }));
          return [...(current.length ? [{ group: `${prefix}${monthLabel(month).slice(5)}（本月）`, items: current.map(option) }] : []), ...others]
            .filter((g) => g.items.length);
        });
        if (live) setPlan({ theme: here.find((m) => m.theme)?.theme ?? null, groups });
      } catch {
        if (live) setPlan({ theme: null, groups: [] });
      }
    })();
    return () => { live = false; };
  }, [month]);
  return plan;
}

let draftKey = 0;
const newDraft = (category: string | null = null): Draft => ({ key: ++draftKey, category, description: '', actor: '学校', deadline: '' });

/** 新增 / 编辑督导记录: every field of the "三五七" record, and problems raised from it. */
export function VisitForm() {
  const { id } = useParams();
  const editId = id ? Number(id) : undefined;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const choices = useChoices();
  const [loaded, setLoaded] = useState(!editId);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [schoolId, setSchoolId] = useState<string | null>(params.get('schoolId'));
  const [date, setDate] = useState(todayText());
  const [supervisorIds, setSupervisorIds] = useState<string[]>([]);
  const [type, setType] = useState<string>('经常性');
  const [theme, setTheme] = useState('');
  const [methods, setMethods] = useState<string[]>(['巡视校园']);
  const [items, setItems] = useState<string[]>([]);
  const [narrative, setNarrative] = useState('');
  const [highlight, setHighlight] = useState('');
  const [feedback, setFeedback] = useState('');
  const [calendarItemId, setCalendarItemId] = useState<string | null>(null);
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [existing, setExisting] = useState<Problem[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const plan = useMonthPlan(/^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : '');

  useEffect(() => {
    if (!editId) return;
    call('visits.get', { id: editId }).then(({ visit: v, problems }) => {
      setSchoolId(String(v.schoolId));
      setDate(v.date);
      setSupervisorIds(v.supervisorIds.map(String));
      setType(v.type);
      setTheme(v.theme ?? '');
      setMethods(v.methods);
      setItems(v.items);
      setNarrative(v.narrative ?? '');
      setHighlight(v.highlight ?? '');
      setFeedback(v.feedback ?? '');
      setCalendarItemId(v.calendarItemId ? String(v.calendarItemId) : null);
      setFiles(v.attachments);
      setExisting(problems);
      setLoaded(true);
    }).catch((e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [editId]);

  // A new record starts with the school's own supervisors (挂牌督学).
  useEffect(() => {
    if (editId || !schoolId || supervisorIds.length) return;
    call('schools.get', { id: Number(schoolId) })
      .then((s) => setSupervisorIds([...new Set(s.supervisors.filter((x) => x.role === '责任督学').map((x) => String(x.supervisorId)))]))
      .catch(() => undefined);
  }, [schoolId]);

  const setDraft = (key: number, change: Partial<Draft>) => setDrafts((ds) => ds.map((d) => (d.key === key ? { ...d, ...change } : d)));
  const clear = (k: string) => setErrors((e) => ({ ...e, [k]: '' }));

  async function save() {
    setErrors({});
    if (!schoolId) { setErrors({ schoolId: '请选择学校' }); return; }
    if (!supervisorIds.length) { setErrors({ supervisorIds: '请至少选择一名督学' }); return; }
    setBusy(true);
    try {
      const fields: Fields = {
        schoolId: Number(schoolId), date, supervisorIds: supervisorIds.map(Number), type: type as Fields['type'], theme,
        methods: methods as Fields['methods'], items, narrative, highlight, feedback,
        calendarItemId: calendarItemId ? Number(calendarItemId) : null,
        attachments: files.map((f) => ({ hash: f.hash, fileName: f.fileName, kind: f.kind ?? 'file' })),
      };
      const newProblems = drafts.filter((d) => d.description.trim() || d.category).map((d) => ({
        category: d.category ?? '', description: d.description, actor: d.actor as '学校', deadline: d.deadline,
      }));
      const v = await call('visits.save', { id: editId, fields, newProblems });
      notifyOk(newProblems.length ? `督导记录已保存，提出${newProblems.length}个问题` : '督导记录已保存');
      navigate(`/visits/${v.id}`);
    } catch (e) {
      showSaveError(e, ['schoolId', 'date', 'supervisorIds', 'type', 'theme', 'methods', 'items', 'narrative', 'highlight',
        'feedback', 'calendarItemId', 'attachments', 'newProblems'], setErrors);
    } finally {
      setBusy(false);
    }
  }

  if (loadError) return <Alert color="red" title="无法打开督导记录">{loadError}</Alert>;
  if (!loaded) return <Loader />;
  const calendarOptions: PlanGroup[] = plan.groups;
  if (calendarItemId && !plan.groups.some((g) => g.items.some((o) => o.value === calendarItemId))) {
    calendarOptions.push({ group: '其他', items: [{ value: calendarItemId, label: '（其他行事历的事项）' }] });
  }

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{editId ? '编辑督导记录' : '新增督导记录'}</Title>
        <Button variant="default" onClick={() => navigate(editId ? `/visits/${editId}` : '/visits')}>取消</Button>
      </Group>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Select label="学校" required searchable data={choices.schools} {...namePicker} value={schoolId} error={errors.schoolId}
              onChange={(v) => { setSchoolId(v); clear('schoolId'); }} nothingFoundMessage="没有匹配的学校" placeholder="选择学校" />
            <DateField label="督导日期" required value={date} error={errors.date} onChange={setDate} />
            <SupervisorsPicker label="督学" required options={choices.supervisors} value={supervisorIds} error={errors.supervisorIds}
              onChange={(v) => { setSupervisorIds(v); clear('supervisorIds'); }} placeholder="选择一名或多名督学" />
          </SimpleGrid>
          <div>
            <Text size="sm" fw={500} mb={4}>督导类型</Text>
            <SegmentedControl data={[...VISIT_TYPES]} value={type} onChange={setType} aria-label="督导类型" />
          </div>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput label="主题" value={theme} error={errors.theme} onChange={(e) => setTheme(e.currentTarget.value)}
              placeholder={type !== '经常性' ? `${type}督导的主题，如：校园安全` : plan.theme ? `留空则用本月主题：${plan.theme}` : '留空则用行事历中的本月主题'}
              description={type === '经常性' && plan.theme && !theme ? `本月主题（行事历）：${plan.theme}` : undefined} />
            <Select label="行事历事项" clearable searchable data={calendarOptions} value={calendarItemId} error={errors.calendarItemId}
              onChange={setCalendarItemId} nothingFoundMessage="没有匹配的事项"
              placeholder={calendarOptions.length ? '关联本学期行事历中的事项（可选）' : '没有覆盖本月的行事历'} />
          </SimpleGrid>
          <Checkbox.Group label="督导方式" value={methods} onChange={setMethods} error={errors.methods}>
            <Group gap="md" mt={4}>{VISIT_METHODS.map((m) => <Checkbox key={m} value={m} label={m} />)}</Group>
          </Checkbox.Group>
          <Checkbox.Group label="督导事项" value={items} onChange={setItems} error={errors.items}>
            <SimpleGrid cols={{ base: 1, md: 3 }} mt={4} spacing={6}>{choices.items.map((m) => <Checkbox key={m} value={m} label={m} />)}</SimpleGrid>
          </Checkbox.Group>
          <Textarea label="督导纪实" autosize minRows={4} maxRows={14} value={narrative} error={errors.narrative}
            onChange={(e) => setNarrative(e.currentTarget.value)} placeholder="督导过程：时间、地点、方式、看到的情况" />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Textarea label="亮点" autosize minRows={2} value={highlight} error={errors.highlight} onChange={(e) => setHighlight(e.currentTarget.value)} />
            <Textarea label="现场反馈" autosize minRows={2} value={feedback} error={errors.feedback} onChange={(e) => setFeedback(e.currentTarget.value)} />
          </SimpleGrid>
          <Attachments files={files} onChange={setFiles} />
          {errors.attachments && <Text c="red" size="sm">{errors.attachments}</Text>}
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={4}>发现的问题</Title>
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setDrafts((d) => [...d, newDraft(items[0] ?? null)])}>
              添加问题
            </Button>
          </Group>
          {existing.length > 0 && (
            <Table aria-label="已提出的问题">
              <Table.Tbody>
                {existing.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td w={220}><Text size="sm">{p.category}</Text></Table.Td>
                    <Table.Td><Anchor component={Link} to={`/problems/${p.id}`} size="sm">{p.description}</Anchor></Table.Td>
                    <Table.Td w={140}><ProblemStatus problem={p} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {drafts.length === 0 && existing.length === 0 && <Text size="sm" c="dimmed">本次督导未发现问题。发现问题时点击「添加问题」，保存后列入问题整改台账。</Text>}
          {drafts.map((d, i) => (
            <Paper key={d.key} withBorder p="sm" bg="gray.0">
              <Group align="flex-start" wrap="nowrap">
                <Stack gap="xs" style={{ flex: 1 }}>
                  <SimpleGrid cols={{ base: 1, md: 3 }}>
                    <Select label={`问题${i + 1} 类别`} required data={choices.items} value={d.category} onChange={(v) => setDraft(d.key, { category: v })} />
                    <Select label="整改责任方" data={[...PROBLEM_ACTORS]} value={d.actor} onChange={(v) => setDraft(d.key, { actor: v ?? '学校' })} />
                    <DateField label="整改期限" value={d.deadline} onChange={(deadline) => setDraft(d.key, { deadline })} />
                  </SimpleGrid>
                  <Textarea label="问题描述" required autosize minRows={2} value={d.description}
                    onChange={(e) => setDraft(d.key, { description: e.currentTarget.value })} />
                </Stack>
                <ActionIcon color="red" variant="subtle" mt={24} aria-label={`删除问题${i + 1}`} onClick={() => setDrafts((ds) => ds.filter((x) => x.key !== d.key))}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            </Paper>
          ))}
          {errors.newProblems && <Text c="red" size="sm">{errors.newProblems}</Text>}
        </Stack>
      </Paper>

      <Group justify="flex-end">
        <Button variant="default" onClick={() => navigate(editId ? `/visits/${editId}` : '/visits')}>取消</Button>
        <Button onClick={() => void save()} loading={busy}>保存督导记录</Button>
      </Group>
    </Stack>
  );
}
