import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Button, Group, Modal, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconPlus, IconWriting } from '@tabler/icons-react';
import { call } from '../../api';
import { notifyError, notifyOk } from '../../notify';
import { DateField } from '../../components/DateFields';
import { ExportButton } from '../../components/ExportButton';
import type { CampaignDetail, CampaignSchool } from '../../../../shared/schemas/campaign';
import { todayText } from '../../../../shared/dates';

/** The campaign's schools: each one's planned date (日程), its visits and problems, and its 督导意见书. */
export function CampaignSchools({ d, onChanged }: { d: CampaignDetail; onChanged: () => void }) {
  const c = d.campaign;
  const [writing, setWriting] = useState<CampaignSchool | null>(null);

  async function plan(s: CampaignSchool, plannedDate: string) {
    try {
      await call('campaigns.saveSchool', { id: c.id, schoolId: s.schoolId, plannedDate: plannedDate || null, opinion: s.opinion, opinionDate: s.opinionDate });
      notifyOk(`${s.schoolName}的计划日期已改为 ${plannedDate || '未定'}`);
      onChanged();
    } catch (e) {
      notifyError(e);
    }
  }

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        共{d.schools.length}所学校，已督导{c.progress.schoolsChecked}所。督导时在「督导记录」中选择本专项督导；督导之后可为学校出具督导意见书。
      </Text>
      <Paper withBorder>
        <Table aria-label="督导学校与日程" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>学校</Table.Th><Table.Th w={200}>计划日期</Table.Th><Table.Th>督导记录</Table.Th><Table.Th w={110}>问题（已销号）</Table.Th>
              <Table.Th w={330}>督导意见书</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.schools.map((s) => (
              <Table.Tr key={s.schoolId}>
                <Table.Td><Text size="sm" fw={500}>{s.schoolName}</Text>{s.zoneName && <Text size="xs" c="dimmed">{s.zoneName}</Text>}</Table.Td>
                <Table.Td><DateField aria-label={`${s.schoolName}计划日期`} value={s.plannedDate ?? ''} minDate={c.startDate} maxDate={c.endDate}
                  onChange={(v) => void plan(s, v)} size="xs" /></Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {s.visits.map((v) => (
                      <Anchor key={v.id} component={Link} to={`/visits/${v.id}`} size="sm">{v.date}（{v.supervisorNames.join('、')}）</Anchor>
                    ))}
                    <Anchor component={Link} size="xs" to={`/visits/new?schoolId=${s.schoolId}&campaignId=${c.id}`} aria-label={`为${s.schoolName}新增督导记录`}>
                      <Group gap={2}><IconPlus size={12} />督导记录</Group>
                    </Anchor>
                  </Group>
                </Table.Td>
                <Table.Td><Text size="sm">{s.problems}（{s.closed}）</Text></Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Button size="xs" variant="subtle" leftSection={<IconWriting size={14} />} onClick={() => setWriting(s)}
                      aria-label={`${s.schoolName}督导意见`}>{s.opinion ? '修改意见' : '写意见'}</Button>
                    <ExportButton size="xs" channel="campaigns.exportOpinion" input={{ id: c.id, schoolId: s.schoolId }} label="导出意见书"
                      disabled={s.visits.length === 0} aria-label={`导出${s.schoolName}督导意见书`} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <OpinionForm campaignId={c.id} school={writing} onClose={() => setWriting(null)} onSaved={() => { setWriting(null); onChanged(); }} />
    </Stack>
  );
}

function OpinionForm({ campaignId, school, onClose, onSaved }: { campaignId: number; school: CampaignSchool | null; onClose: () => void; onSaved: () => void }) {
  const [opinion, setOpinion] = useState('');
  const [date, setDate] = useState(todayText());
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!school) return;
    setOpinion(school.opinion ?? '');
    setDate(school.opinionDate ?? todayText());
  }, [school]);
  async function save() {
    setBusy(true);
    try {
      await call('campaigns.saveSchool', { id: campaignId, schoolId: school!.schoolId, plannedDate: school!.plannedDate, opinion, opinionDate: date || null });
      notifyOk(`${school!.schoolName}的督导意见已保存`);
      onSaved();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={!!school} onClose={onClose} title={`督导意见 · ${school?.schoolName ?? ''}`} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">意见书列出学校在本专项督导中的亮点和问题；这里写「整改意见」部分。留空则用标准要求（30日内书面报告整改情况）。</Text>
        <Textarea label="整改意见" autosize minRows={5} value={opinion} onChange={(e) => setOpinion(e.currentTarget.value)} />
        <DateField label="意见书日期" value={date} onChange={setDate} w={200} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={() => void save()}>保存</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
