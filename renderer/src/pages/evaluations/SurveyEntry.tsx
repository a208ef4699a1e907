import { useEffect, useState } from 'react';
import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyError, notifyOk } from '../../notify';
import { namePicker, schoolOptionOf } from '../../components/name-options';
import { useChoices } from '../../lib/options';
import type { Round } from '../../../../shared/schemas/evaluation';
import { SURVEY_ANSWERS, SURVEY_GROUPS } from '../../../../shared/vocab';

type Counts = [number, number, number];

/** 满意度测评: how many of each school's 教师 / 学生 / 家长 answered 满意, 基本满意, 不满意; summed per group. */
export function SurveyEntry({ round }: { round: Round }) {
  const results = useApi('evaluations.results', { id: round.id });
  const choices = useChoices();
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [counts, setCounts] = useState<Record<string, Counts>>({});
  const [busy, setBusy] = useState(false);
  const d = results.data;
  useEffect(() => {
    if (!d || !schoolId) return;
    setCounts(Object.fromEntries(SURVEY_GROUPS.map((g) => {
      const row = d.satisfaction.rows.find((r) => String(r.schoolId) === schoolId && r.respondent === g);
      return [g, [row?.satisfied ?? 0, row?.fair ?? 0, row?.unsatisfied ?? 0] as Counts];
    })));
  }, [schoolId, d]);

  async function save() {
    setBusy(true);
    try {
      for (const g of SURVEY_GROUPS) {
        const [satisfied, fair, unsatisfied] = counts[g] ?? [0, 0, 0];
        await call('evaluations.saveSurvey', { id: round.id, schoolId: Number(schoolId), respondent: g, satisfied, fair, unsatisfied });
      }
      notifyOk('满意度测评已保存');
      await results.reload();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  if (results.error) return <Alert color="red" title="无法读取满意度测评">{results.error}</Alert>;
  return (
    <Stack gap="md">
      {d && d.satisfaction.overall.total > 0 && (
        <Paper withBorder p="sm">
          <Text size="sm" mb="xs">共测评 {d.satisfaction.overall.total} 人次，满意度（满意与基本满意之和所占比例）<b>{d.satisfaction.overall.rate}%</b></Text>
          <Table aria-label="满意度汇总" verticalSpacing={4}>
            <Table.Thead><Table.Tr><Table.Th>测评对象</Table.Th><Table.Th>人次</Table.Th>{SURVEY_ANSWERS.map((x) => <Table.Th key={x}>{x}</Table.Th>)}<Table.Th>满意度</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {d.satisfaction.groups.map((g) => (
                <Table.Tr key={g.respondent}><Table.Td>{g.respondent}</Table.Td><Table.Td>{g.total}</Table.Td><Table.Td>{g.satisfied}</Table.Td><Table.Td>{g.fair}</Table.Td>
                  <Table.Td>{g.unsatisfied}</Table.Td><Table.Td>{g.rate}%</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Group align="flex-end">
        <Select label="学校" searchable w={280} placeholder="选择学校录入测评结果" value={schoolId} onChange={setSchoolId} {...namePicker}
          data={(d?.schools ?? []).map((s) => schoolOptionOf(choices.schools, s.schoolId, s.schoolName))} />
        {schoolId && !round.closedAt && <Button loading={busy} onClick={() => void save()}>保存测评结果</Button>}
      </Group>
      {schoolId && (
        <SimpleGrid cols={3}>
          {SURVEY_GROUPS.map((g) => (
            <Paper key={g} withBorder p="sm">
              <Text fw={600} mb={4}>{g}</Text>
              {SURVEY_ANSWERS.map((answer, k) => (
                <NumberInput key={answer} label={answer} size="xs" min={0} max={1_000_000} allowDecimal={false} readOnly={!!round.closedAt}
                  aria-label={`${g}${answer}人数`} value={counts[g]?.[k] ?? 0}
                  onChange={(v) => setCounts((c) => { const next = [...(c[g] ?? [0, 0, 0])] as Counts; next[k] = Number(v) || 0; return { ...c, [g]: next }; })} />
              ))}
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
