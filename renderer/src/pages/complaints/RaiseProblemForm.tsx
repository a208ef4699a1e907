import { useEffect, useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyOk } from '../../notify';
import { fieldErrors, showSaveError } from '../../lib/forms';
import { problemFields } from '../../../../shared/schemas/problem';
import type { Complaint } from '../../../../shared/schemas/complaint';
import { EIGHT_ITEMS, OTHER_ITEM, PROBLEM_ACTORS } from '../../../../shared/vocab';
import { DateField } from '../../components/DateFields';
import { namePicker, schoolOption } from '../../components/name-options';

/** The eight items a complaint's topic most often points to. */
const TOPIC_ITEM: Record<string, number> = { 入学: 1, 管理: 0, 师德: 4, 课业负担: 3, 周边环境: 5 };

const FIELDS = ['schoolId', 'category', 'description', 'actor', 'deadline'] as const;

/** 提出问题: a problem for rectification (source 应访督导) raised from this complaint. */
export function RaiseProblemForm({ complaint, opened, onClose, onRaised }: {
  complaint: Complaint;
  opened: boolean;
  onClose: () => void;
  onRaised: () => void;
}) {
  const settings = useApi('settings.get', {});
  const schools = useApi('schools.list', { limit: 500, sort: 'fullName' });
  const items = [...(settings.data?.eightItems ?? EIGHT_ITEMS), OTHER_ITEM];
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [actor, setActor] = useState<string>('学校');
  const [deadline, setDeadline] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setSchoolId(complaint.schoolId ? String(complaint.schoolId) : null);
    const idx = TOPIC_ITEM[complaint.topic];
    setCategory(idx === undefined ? OTHER_ITEM : (settings.data?.eightItems ?? EIGHT_ITEMS)[idx] ?? null);
    setDescription(complaint.content);
    setActor('学校');
    setDeadline('');
    setErrors({});
  }, [opened, complaint, settings.data]);

  async function raise() {
    if (!schoolId) { setErrors({ schoolId: '请选择要整改的学校' }); return; }
    const parsed = problemFields.safeParse({
      source: '应访督导', complaintId: complaint.id, schoolId: schoolId ? Number(schoolId) : undefined,
      category: category ?? '', description, actor, deadline,
    });
    if (!parsed.success) {
      const e = fieldErrors(parsed.error);
      if (e.schoolId) e.schoolId = '请选择要整改的学校';
      setErrors(e);
      return;
    }
    setBusy(true);
    try {
      await call('problems.save', { fields: parsed.data });
      notifyOk('已提出问题，列入问题整改台账');
      onRaised();
    } catch (e) {
      showSaveError(e, FIELDS, setErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="由来访来电提出问题" size="lg" centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">问题来源为“应访督导”，提出日期为来访来电的日期，提出后在「问题整改」中跟踪整改、回查和销号。</Text>
        <Select label="学校" withAsterisk searchable value={schoolId} onChange={(v) => { setSchoolId(v); setErrors({}); }}
          data={(schools.data?.rows ?? []).map(schoolOption)} {...namePicker}
          error={errors.schoolId || undefined} nothingFoundMessage="没有匹配的学校" />
        <Select label="问题类别" withAsterisk data={items} value={category} onChange={setCategory} error={errors.category || undefined} />
        <Textarea label="问题描述" withAsterisk autosize minRows={3} value={description} error={errors.description || undefined}
          onChange={(e) => setDescription(e.currentTarget.value)} />
        <SimpleGrid cols={2}>
          <Select label="整改责任方" data={[...PROBLEM_ACTORS]} value={actor} allowDeselect={false} onChange={(v) => v && setActor(v)} />
          <DateField label="整改期限" value={deadline} error={errors.deadline || undefined} onChange={setDeadline} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={raise}>提出问题</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
