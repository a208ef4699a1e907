import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Alert, Badge, Group, Loader, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useApi } from '../../useApi';
import { ExportButton } from '../../components/ExportButton';
import { passRateText } from '../../../../shared/indicators';

const GRADE_COLORS = ['#2f9e44', '#1971c2', '#f08c00', '#c92a2a', '#868e96'];
/** An axis label kept to one line; the tooltip shows it whole. */
const short = (text: string, n: number) => ([...text].length > n ? `${[...text].slice(0, n).join('')}…` : text);

/** The round's results: 达标率 as the office writes it, grades and indicators charted, each school's and indicator's table. */
export function RoundResults({ id }: { id: number }) {
  const got = useApi('evaluations.results', { id });
  if (got.error) return <Alert color="red" title="无法读取评估结果">{got.error}</Alert>;
  const d = got.data;
  if (!d) return <Loader />;
  const r = d.round;
  const leaves = d.indicators.filter((i) => !d.indicators.some((j) => j.code.startsWith(`${i.code}.`)));
  const ranked = [...d.schools].sort((x, y) => (x.rank ?? 9999) - (y.rank ?? 9999) || x.schoolName.localeCompare(y.schoolName));
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <SimpleGrid cols={4} style={{ flex: 1 }}>
          <Paper withBorder p="sm"><Text size="xs" c="dimmed">达标率（达标 / 评完）</Text><Text fz={22} fw={700} aria-label="达标率">{r.assessed ? passRateText(r.passed, r.assessed) : '—'}</Text></Paper>
          <Paper withBorder p="sm"><Text size="xs" c="dimmed">评完 / 参评学校</Text><Text fz={22} fw={700}>{r.assessed} / {r.schools}</Text></Paper>
          <Paper withBorder p="sm"><Text size="xs" c="dimmed">指标达标（设有达标线的）</Text><Text fz={22} fw={700}>{d.indicatorsMet} / {d.indicatorsWithLine}</Text></Paper>
          <Paper withBorder p="sm"><Text size="xs" c="dimmed">满意度</Text><Text fz={22} fw={700}>{d.satisfaction.overall.total ? `${d.satisfaction.overall.rate}%` : '—'}</Text></Paper>
        </SimpleGrid>
        {/* The report draws its own charts from the same figures (native Word charts). */}
        <ExportButton channel="evaluations.exportReport" label="导出评估报告" input={{ id }} />
      </Group>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="sm">
          <Title order={5} mb="xs">等级分布</Title>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={d.grades} margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
              <CartesianGrid vertical={false} strokeDasharray="3 3" />
              <XAxis dataKey="name" fontSize={12} /><YAxis allowDecimals={false} fontSize={12} />
              <Tooltip formatter={(v) => [`${v} 所`, '学校']} />
              <Bar dataKey="count" isAnimationActive={false} barSize={36}>
                {d.grades.map((g, i) => <Cell key={g.name} fill={GRADE_COLORS[Math.min(i, GRADE_COLORS.length - 1)]} />)}
                <LabelList dataKey="count" position="top" fontSize={12} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </Paper>
        <Paper withBorder p="sm">
          <Title order={5} mb="xs">各指标得分率</Title>
          <ResponsiveContainer width="100%" height={Math.max(220, leaves.length * 26 + 40)}>
            <BarChart data={leaves.map((i) => ({ name: `${i.code} ${i.name}`, label: `${i.code} ${short(i.name, 9)}`, rate: i.rate ?? 0 }))} layout="vertical"
              margin={{ left: 4, right: 36, top: 4, bottom: 4 }}>
              <CartesianGrid horizontal={false} strokeDasharray="3 3" />
              <XAxis type="number" domain={[0, 100]} fontSize={11} unit="%" />
              <YAxis type="category" dataKey="label" width={170} fontSize={11} interval={0} />
              <Tooltip formatter={(v) => [`${v}%`, '得分率']} labelFormatter={(_l, p) => p?.[0]?.payload?.name ?? ''} />
              <ReferenceLine x={60} stroke="#c92a2a" strokeDasharray="4 4" />
              <Bar dataKey="rate" isAnimationActive={false} barSize={12}>
                {leaves.map((i) => <Cell key={i.code} fill={i.met === false ? '#c92a2a' : '#1971c2'} />)}
                <LabelList dataKey="rate" position="right" fontSize={10} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </Paper>
      </SimpleGrid>

      <Paper withBorder>
        <Title order={5} p="sm">学校评估结果</Title>
        <ScrollArea.Autosize mah={420}>
          <Table aria-label="学校评估结果" verticalSpacing={4} stickyHeader>
            <Table.Thead><Table.Tr><Table.Th w={60}>名次</Table.Th><Table.Th>学校</Table.Th><Table.Th w={90}>总分</Table.Th><Table.Th w={80}>等级</Table.Th>
              <Table.Th w={80}>达标</Table.Th><Table.Th>薄弱指标</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {ranked.map((s) => (
                <Table.Tr key={s.schoolId}>
                  <Table.Td>{s.rank ?? '—'}</Table.Td><Table.Td>{s.schoolName}</Table.Td>
                  <Table.Td>{s.complete ? s.total : <Text size="sm" c="dimmed">未评完（{s.scored}项）</Text>}</Table.Td>
                  <Table.Td>{s.grade ?? '—'}</Table.Td>
                  <Table.Td>{s.passed === null ? '—' : <Badge color={s.passed ? 'green' : 'red'} variant="light">{s.passed ? '达标' : '未达标'}</Badge>}</Table.Td>
                  <Table.Td><Text size="xs">{s.weakest.join('；')}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Paper>

      <Paper withBorder>
        <Title order={5} p="sm">指标达标情况</Title>
        <Table aria-label="指标达标情况" verticalSpacing={4}>
          <Table.Thead><Table.Tr><Table.Th w={70}>编码</Table.Th><Table.Th>指标</Table.Th><Table.Th w={70}>分值</Table.Th><Table.Th w={80}>达标线</Table.Th>
            <Table.Th w={80}>平均分</Table.Th><Table.Th w={80}>得分率</Table.Th><Table.Th w={100}>达标学校</Table.Th><Table.Th w={90}>是否达标</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {d.indicators.map((i) => (
              <Table.Tr key={i.indicatorId} fw={i.level === 1 ? 700 : undefined}>
                <Table.Td>{i.code}</Table.Td><Table.Td><Text size="sm" pl={(i.level - 1) * 12}>{i.name}</Text></Table.Td>
                <Table.Td>{i.fullScore}</Table.Td><Table.Td>{i.passScore ?? '—'}</Table.Td><Table.Td>{i.average ?? '—'}</Table.Td>
                <Table.Td>{i.rate === null ? '—' : `${i.rate}%`}</Table.Td>
                <Table.Td>{i.passScore === null ? '—' : `${i.metSchools}/${i.scoredSchools}`}</Table.Td>
                <Table.Td>{i.met === null ? '—' : <Badge color={i.met ? 'green' : 'red'} variant="light">{i.met ? '达标' : '未达标'}</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
