import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  ActionIcon, Alert, Anchor, Button, Group, Loader, MultiSelect, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table,
  Text, TextInput, Textarea, Title,
} from '@mantine/core';
import { IconArrowLeft, IconFileTypeDocx, IconTrash, IconX } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyOk } from '../../notify';
import { DateField } from '../../components/DateFields';
import { Attachments } from '../../components/Attachments';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { ExportButton } from '../../components/ExportButton';
import { fieldErrors, showSaveError } from '../../lib/forms';
import { AttendanceBadges } from './TrainingList';
import { todayText } from '../../../../shared/dates';
import { ATTENDANCE_STATUSES, TRAINING_KINDS } from '../../../../shared/vocab';
import { trainingFields, type Training, type TrainingAttendance } from '../../../../shared/schemas/training';

type Status = TrainingAttendance['status'];
interface Person { supervisorId: number; name: string; category: string; status: Status; note: string }
interface FormState {
  kind: string; date: string; topic: string; organiser: string; place: string; hours: number | string;
  materials: string; minutes: string; calendarItemId: string | null; files: { hash: string; fileName: string }[]; people: Person[];
}
const FIELDS = ['kind', 'date', 'topic', 'organiser', 'place', 'hours', 'materials', 'minutes', 'calendarItemId', 'files', 'attendance'] as const;
const UNRECORDED = '未登记';

function fromTraining(t: Training | null, params: URLSearchParams): FormState {
  return {
    kind: t?.kind ?? params.get('kind') ?? '会议', date: t?.date ?? todayText(), topic: t?.topic ?? '', organiser: t?.organiser ?? '',
    place: t?.place ?? '', hours: t?.hours ?? 0, materials: t?.materials ?? '', minutes: t?.minutes ?? '',
    calendarItemId: t?.calendarItemId ? String(t.calendarItemId) : params.get('calendarItemId'), files: t?.files ?? [],
    people: (t?.attendance ?? []).map((p) => ({ ...p, note: p.note ?? '' })),
  };
}

/** Register or edit a 培训 or 会议: its facts, who was invited and how each attended, the materials and the minutes. */
export function TrainingForm() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const trainingId = id ? Number(id) : null;
  const supervisors = useApi('supervisors.list', { limit: 500, sort: 'name' });
  const [training, setTraining] = useState<Training | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [f, setF] = useState<FormState>(() => fromTraining(null, params));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const planned = useApi('trainings.planned', { year: Number(f.date.slice(0, 4)) || new Date().getFullYear() });

  useEffect(() => {
    if (!trainingId) return;
    call('trainings.get', { id: trainingId }).then((t) => { setTraining(t); setF(fromTraining(t, params)); setLoadError(null); },
      (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [trainingId]);

  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => {
    setF((old) => ({ ...old, [k]: v }));
    setErrors((old) => ({ ...old, [k === 'people' ? 'attendance' : k]: '' }));
  };
  const held = f.date <= todayText();
  const everyone = supervisors.data?.rows ?? [];
  const chosen = new Set(f.people.map((p) => p.supervisorId));
  const addPeople = (ids: number[]) => set('people', [...f.people, ...everyone.filter((s) => ids.includes(s.id) && !chosen.has(s.id))
    .map((s) => ({ supervisorId: s.id, name: s.name, category: s.category, status: null, note: '' }))]);
  const setPerson = (i: number, over: Partial<Person>) => set('people', f.people.map((p, k) => (k === i ? { ...p, ...over } : p)));
  const plannedOptions = useMemo(() => (planned.data ?? []).map((p) => ({ value: String(p.id), label: `${Number(p.month.slice(5))}月 · ${p.content}` })), [planned.data]);

  async function save() {
    const parsed = trainingFields.safeParse({
      ...f, hours: Number(f.hours) || 0, calendarItemId: f.calendarItemId ? Number(f.calendarItemId) : null,
      attendance: f.people.map((p) => ({ supervisorId: p.supervisorId, status: p.status, note: p.note })),
    });
    if (!parsed.success) { setErrors(fieldErrors(parsed.error)); return; }
    setBusy(true);
    try {
      const saved = await call('trainings.save', { id: trainingId ?? undefined, fields: parsed.data });
      notifyOk(`已保存${saved.kind}「${saved.topic}」`);
      setTraining(saved);
      setF(fromTraining(saved, params));
      if (!trainingId) navigate(`/trainings/${saved.id}`, { replace: true });
    } catch (e) {
      showSaveError(e, FIELDS, setErrors);
    } finally {
      setBusy(false);
    }
  }

  if (loadError) return <Alert color="red" title="无法打开这次培训或会议">{loadError}</Alert>;
  if (trainingId && !training) return <Loader />;

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Group gap="xs">
          <Anchor component="button" onClick={() => navigate(`/trainings?year=${f.date.slice(0, 4)}`)} aria-label="返回培训会议列表"><IconArrowLeft size={18} /></Anchor>
          <Title order={2}>{training ? `${training.kind}：${training.topic}` : '登记培训或会议'}</Title>
        </Group>
        <Group gap="xs">
          {training && (
            <>
              <ExportButton channel="trainings.signInSheet" input={{ id: training.id }} label="签到表" icon={<IconFileTypeDocx size={16} />} />
              <ExportButton channel="trainings.minutes" input={{ id: training.id }} label={training.kind === '会议' ? '会议纪要' : '培训纪要'} />
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>删除</Button>
            </>
          )}
          <Button loading={busy} onClick={save}>保存</Button>
        </Group>
      </Group>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <SimpleGrid cols={4}>
            <Select label="类型" withAsterisk data={[...TRAINING_KINDS]} value={f.kind} allowDeselect={false} onChange={(v) => v && set('kind', v)} />
            <DateField label="日期" withAsterisk value={f.date} onChange={(v) => set('date', v)} error={errors.date || undefined} clearable={false} />
            <NumberInput label="学时" min={0} max={200} step={0.5} decimalScale={1} value={f.hours} onChange={(v) => set('hours', v)}
              error={errors.hours || undefined} description="按0.5学时计" />
            <Select label="行事历事项" placeholder="计划这次活动的行事历事项（可不选）" clearable searchable data={plannedOptions}
              value={f.calendarItemId} onChange={(v) => set('calendarItemId', v)} error={errors.calendarItemId || undefined}
              nothingFoundMessage="行事历中本年没有培训或会议事项" />
          </SimpleGrid>
          <TextInput label="主题" withAsterisk value={f.topic} onChange={(e) => set('topic', e.currentTarget.value)} error={errors.topic || undefined}
            placeholder="如：2026年第一次督学工作会议、师德专题培训" />
          <SimpleGrid cols={2}>
            <TextInput label="主办" value={f.organiser} onChange={(e) => set('organiser', e.currentTarget.value)} placeholder="如：区教育督导室" />
            <TextInput label="地点" value={f.place} onChange={(e) => set('place', e.currentTarget.value)} />
          </SimpleGrid>
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <Group gap="sm" align="flex-end">
              <Text fw={600}>参加人员（{f.people.length}人）</Text>
              {training && <AttendanceBadges t={training} />}
            </Group>
            <Group gap="xs" align="flex-end">
              <MultiSelect label="添加参加人员" placeholder="输入姓名" searchable w={260} value={[]}
                data={everyone.filter((s) => !chosen.has(s.id)).map((s) => ({ value: String(s.id), label: `${s.name}（${s.category}）` }))}
                onChange={(v) => addPeople(v.map(Number))} nothingFoundMessage="没有可添加的督学" />
              <Button variant="default" onClick={() => addPeople(everyone.filter((s) => s.status === '在聘').map((s) => s.id))}>添加全部在聘督学</Button>
              <Button variant="default" disabled={!held || f.people.length === 0}
                onClick={() => set('people', f.people.map((p) => ({ ...p, status: p.status ?? '出席' })))}>未登记的记为出席</Button>
            </Group>
          </Group>
          {!held && <Text size="sm" c="dimmed">这次{f.kind}还没有举行：现在选择参加人员、打印签到表，活动之后再登记出勤情况。</Text>}
          {errors.attendance && <Text size="sm" c="red">{errors.attendance}</Text>}
          {f.people.length > 0 && (
            <Table withTableBorder aria-label="参加人员">
              <Table.Thead><Table.Tr><Table.Th w={60}>序号</Table.Th><Table.Th>姓名</Table.Th><Table.Th>类别</Table.Th><Table.Th>出勤情况</Table.Th><Table.Th>说明</Table.Th><Table.Th w={40} /></Table.Tr></Table.Thead>
              <Table.Tbody>
                {f.people.map((p, i) => (
                  <Table.Tr key={p.supervisorId}>
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td><Text size="sm" c="dimmed">{p.category}</Text></Table.Td>
                    <Table.Td>
                      <SegmentedControl size="xs" disabled={!held} value={p.status ?? UNRECORDED} aria-label={`${p.name}的出勤情况`}
                        color={p.status === '出席' ? 'green' : p.status === '请假' ? 'yellow' : p.status === '缺席' ? 'red' : 'gray'}
                        data={[UNRECORDED, ...ATTENDANCE_STATUSES]}
                        onChange={(v) => setPerson(i, { status: v === UNRECORDED ? null : v as Status })} />
                    </Table.Td>
                    <Table.Td><TextInput size="xs" value={p.note} placeholder={p.status === '请假' ? '请假原因' : ''} aria-label={`${p.name}的出勤说明`}
                      onChange={(e) => setPerson(i, { note: e.currentTarget.value })} /></Table.Td>
                    <Table.Td><ActionIcon variant="subtle" color="red" aria-label={`移除${p.name}`} onClick={() => set('people', f.people.filter((_, k) => k !== i))}><IconX size={14} /></ActionIcon></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Textarea label="学习材料" autosize minRows={2} value={f.materials} onChange={(e) => set('materials', e.currentTarget.value)}
            placeholder="材料名称，每行一项" error={errors.materials || undefined} />
          <Attachments files={f.files} photos={false} label="材料文件" onChange={(files) => set('files', files.map(({ hash, fileName }) => ({ hash, fileName })))} />
          <Textarea label={f.kind === '会议' ? '会议纪要' : '培训纪要'} autosize minRows={6} value={f.minutes} onChange={(e) => set('minutes', e.currentTarget.value)}
            placeholder="每段一行，如：一、通报上学期督导工作情况。" error={errors.minutes || undefined} />
        </Stack>
      </Paper>

      {training && (
        <ConfirmDelete what={training.kind} title={`${training.date} ${training.topic}`} opened={deleting} onClose={() => setDeleting(false)}
          onConfirm={async () => {
            await call('trainings.delete', { id: training.id });
            notifyOk(`已将这次${training.kind}移入回收站`);
            navigate('/trainings');
          }} />
      )}
    </Stack>
  );
}
