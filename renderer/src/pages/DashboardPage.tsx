import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  Alert, Anchor, Badge, Group, LoadingOverlay, Paper, Progress, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title,
} from '@mantine/core';
import { useApi } from '../useApi';
import { CountBars, CountPie } from './dashboard/Charts';
import { ExportButton } from '../components/ExportButton';
import { links } from './dashboard/links';
import { dashboardQuery } from './dashboard/query';
import { ITEM_STATUS_COLORS } from '../lib/status-colors';

import type { Dashboard } from '../../../shared/schemas/dashboard';
import { monthLabel } from '../../../shared/dates';
import { percent } from '../../../shared/numbers';
import { FIGURES, figureLabel } from '../../../shared/figures';

/** A number that opens the records it counts. */
function Num({ value, to, label, size = 28, color }: { value: number | string; to: string; label: string; size?: number; color?: string }) {
  return (
    <Anchor component={Link} to={to} aria-label={label} title={`${label}：点击查看明细`} fw={700} fz={size} c={color} underline="hover">
      {value}
    </Anchor>
  );
}

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed" mb={4}>{title}</Text>
      {children}
    </Paper>
  );
}

/**
 * Children drawn only after the numbers are on screen: the charts (recharts draws every bar of a
 * hundred supervisors) and the list of schools would otherwise hold back the first screen.
 */
function AfterFirstPaint({ height, children }: { height: number; children: React.ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer = 0;
    const frame = requestAnimationFrame(() => { timer = window.setTimeout(() => setReady(true), 0); });
    return () => { cancelAnimationFrame(frame); clearTimeout(timer); };
  }, []);
  return ready ? children : <div style={{ minHeight: height }} aria-busy="true" />;
}

/** Bars in the supervisors chart: a county of 200 would draw an unreadable chart, slowly. */
const TOP_SUPERVISORS = 30;

const NOW = new Date();
const YEARS = Array.from({ length: 8 }, (_, i) => String(NOW.getFullYear() + 1 - i));
const MONTHS = [{ value: '', label: '全年' }, ...Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` }))];

/**
 * 首页概览: coverage, visits per supervisor, problems by item, rectification, complaints by topic
 * and the calendar's items for a year, a month and a zone (kept in the URL). Every number links to
 * the records behind it.
 */
export function DashboardPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = dashboardQuery(params);
  const { year, month, zoneId } = query;
  const zones = useApi('zones.list', {});
  const got = useApi('dashboard.get', query);
  const d = got.data;

  const setParam = (k: string, v: string | null) => setParams((p) => {
    p.set('year', String(year));
    p.set('month', month ? String(month) : '');
    if (v === null) p.delete(k); else p.set(k, v);
    return p;
  }, { replace: true });
  const periodText = `${year}年${month ? `${month}月` : '全年'}`;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>首页概览</Title>
        <Group gap="sm">
          <Select label="年份" w={100} allowDeselect={false} data={YEARS} value={String(year)} onChange={(v) => v && setParam('year', v)} />
          <Select label="月份" w={90} allowDeselect={false} data={MONTHS} value={month ? String(month) : ''} onChange={(v) => setParam('month', v ?? '')} />
          <Select label="责任区" w={150} placeholder="全部责任区" clearable value={zoneId ? String(zoneId) : null}
            data={(zones.data ?? []).map((z) => ({ value: String(z.id), label: z.name }))} onChange={(v) => setParam('zoneId', v)} />
          {/* The report of the period shown (and the zone chosen): its figures, tables and charts all of that period. */}
          <ExportButton channel="documents.statistics" label={`导出${month ? `${month}月` : '年度'}统计报告`}
            input={{ year, ...(month ? { month } : {}), ...(zoneId ? { zoneId } : {}) }} />
        </Group>
      </Group>
      {got.error && <Alert color="red" title="无法读取统计">{got.error}</Alert>}
      <div style={{ position: 'relative', minHeight: 200 }}>
        <LoadingOverlay visible={got.loading && !d} />
        {d && <Body d={d} periodText={periodText} zoneName={zones.data?.find((z) => z.id === zoneId)?.name} navigate={navigate} />}
      </div>
    </Stack>
  );
}

/** An empty archive's home page says what to do first instead of showing zeros as if all were done. */
function FirstSteps() {
  return (
    <Alert color="blue" variant="light" title="档案还是空的，建议按以下顺序开始">
      <Stack gap={4}>
        <Text size="sm">1. 在 <Anchor component={Link} to="/excel" size="sm">导入导出</Anchor> 中用 Excel 导入督学和学校名册（也可在
          <Anchor component={Link} to="/supervisors" size="sm">督学</Anchor>、<Anchor component={Link} to="/schools" size="sm">学校</Anchor> 中逐个录入）；</Text>
        <Text size="sm">2. 在 <Anchor component={Link} to="/zones" size="sm">责任区</Anchor> 中划分责任区，在学校页面为每所学校挂牌责任督学；</Text>
        <Text size="sm">3. 在 <Anchor component={Link} to="/calendar" size="sm">行事历</Anchor> 中制定本学年（或本年度）的督导工作行事历和每月主题；</Text>
        <Text size="sm">4. 之后每次督导在 <Anchor component={Link} to="/visits/new" size="sm">督导记录</Anchor> 中登记，首页会统计覆盖率、问题整改和来访来电。</Text>
      </Stack>
    </Alert>
  );
}

function Body({ d, periodText, zoneName, navigate }: { d: Dashboard; periodText: string; zoneName?: string; navigate: (to: string) => void }) {
  const p = d.period;
  const cov = d.coverage;
  const pct = percent(cov.visited, cov.total, 0);
  const r = d.rectification;
  const c = d.carriedOver;
  const scope = `${periodText}${zoneName ? ` · ${zoneName}` : ''}`;
  const top = d.visitsBySupervisor.slice(0, TOP_SUPERVISORS);
  const rest = d.visitsBySupervisor.slice(TOP_SUPERVISORS);
  return (
    <Stack gap="md">
      {cov.total === 0 && !p.zoneId && <FirstSteps />}
      <Text size="sm" c="dimmed">统计范围：{scope}（{p.from} 至 {p.to}）</Text>
      <SimpleGrid cols={{ base: 2, lg: 5 }}>
        <Card title="督导覆盖（已督导 / 全部学校）">
          <Group gap={4} align="baseline">
            <Num value={cov.visited} to={links.visits(p)} label={`已督导学校 ${cov.visited} 所`} />
            <Text fz={20} c="dimmed">/</Text>
            <Num value={cov.total} to={links.schools(p)} label={`学校总数 ${cov.total} 所`} size={20} color="dark" />
            <Text size="sm" c="dimmed">所</Text>
          </Group>
          <Progress value={pct} color={pct >= 100 ? 'green' : 'red'} mt={6} aria-label="覆盖率" />
          <Text size="xs" c="dimmed" mt={4}>覆盖率 {pct}%{p.month ? '（国家要求每校每月至少一次）' : ''}</Text>
        </Card>
        <Card title="督导记录">
          <Group gap={4} align="baseline">
            <Num value={d.visits} to={links.visits(p)} label={`督导记录 ${d.visits} 次`} />
            <Text size="sm" c="dimmed">次</Text>
          </Group>
          <Text size="xs" c="dimmed" mt={4}>{d.visitsBySupervisor.length} 名督学参与</Text>
        </Card>
        <Card title="问题整改">
          <Group gap="md" align="baseline">
            <Stack gap={0}><Num value={r.raised} to={links.problems(p)} label={`${figureLabel('raised', p.month)} ${r.raised} 个`} /><Text size="xs" c="dimmed">{figureLabel('raised', p.month)}</Text></Stack>
            <Stack gap={0}><Num value={r.closed} to={links.problems(p, { status: '已销号' })} label={`${figureLabel('raisedClosed', p.month)} ${r.closed} 个`} color="green.8" /><Text size="xs" c="dimmed">{figureLabel('raisedClosed', p.month)}</Text></Stack>
            <Stack gap={0}><Num value={`${r.rate}%`} to={links.problems(p, { status: '已销号' })} label={`整改率 ${r.rate}%`} size={20} color="dark" /><Text size="xs" c="dimmed">整改率</Text></Stack>
          </Group>
          <Text size="xs" c="dimmed" mt={4} title={FIGURES.closedInPeriod.rule}>
            {figureLabel('closedInPeriod', p.month)} <Text span fw={700} c="dark" aria-label={`${figureLabel('closedInPeriod', p.month)} ${r.closedInPeriod} 个`}>{r.closedInPeriod}</Text> 个（含以前提出的问题）
          </Text>
          <Text size="xs" c="dimmed" mt={4} title="本期之前提出、期初尚未销号的问题：不计入本期提出和整改率，逾期的计入「当前全部」逾期">
            往期结转 <Num value={c.total} to={links.carried(p)} label={`往期结转问题 ${c.total} 个`} size={12} color="blue.8" /> 个，
            其中已销号 <Num value={c.closed} to={links.carried(p, { status: '已销号' })} label={`往期结转问题中 ${c.closed} 个已销号`} size={12} color="green.8" /> 个
            （不计入整改率）
          </Text>
        </Card>
        <Card title="逾期未整改">
          <Group gap="md" align="baseline">
            <Stack gap={0}><Num value={r.overdue} to={links.problems(p, { overdueOnly: 1 })} label={`本期提出的问题中逾期 ${r.overdue} 个`} color="red.8" /><Text size="xs" c="dimmed">本期提出</Text></Stack>
            <Stack gap={0}><Num value={r.overdueNow} to={links.overdueNow(p)} label={`当前逾期问题共 ${r.overdueNow} 个`} size={20} color="red.8" /><Text size="xs" c="dimmed">当前全部（含往期结转）</Text></Stack>
          </Group>
        </Card>
        <Card title="来访来电">
          <Group gap={4} align="baseline">
            <Num value={d.complaints} to={links.complaints(p)} label={`来访来电 ${d.complaints} 件`} />
            <Text size="sm" c="dimmed">件</Text>
          </Group>
        </Card>
      </SimpleGrid>

      <AfterFirstPaint height={600}>
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Card title={`各督学督导次数（${rest.length ? `前${TOP_SUPERVISORS}名，` : ''}点击柱条查看记录）`}>
            <CountBars rows={top} name={(s) => s.name} value={(s) => s.visits} unit="次" labelWidth={70}
              onPick={(s) => navigate(links.visits(p, { supervisorId: s.supervisorId }))} empty="本期还没有督导记录。" />
            {rest.length > 0 && (
              <Text size="xs" c="dimmed">
                另有 {rest.length} 名督学共督导 {rest.reduce((n, s) => n + s.visits, 0)} 次，
                <Anchor component={Link} to={links.visits(p)} size="xs">查看全部督导记录</Anchor>；统计报告中列出全部督学。
              </Text>
            )}
          </Card>
          <Card title="问题按督导事项分布（点击柱条查看问题）">
            <CountBars rows={d.problemsByItem} name={(x) => x.item} value={(x) => x.count} unit="个" labelWidth={170}
              onPick={(x) => navigate(links.problems(p, { category: x.item }))} empty="本期没有提出问题。" />
          </Card>
          <Card title="来访来电按主题（点击扇区查看记录）">
            <CountPie rows={d.complaintsByTopic} name={(t) => t.topic} value={(t) => t.count}
              onPick={(t) => navigate(links.complaints(p, { topic: t.topic }))} empty="本期没有来访来电。" />
          </Card>
          <Card title={`${p.month ? `${p.month}月` : `${p.year}年`}行事历事项（${d.calendarDue.length}项）`}>
            {d.calendarDue.length === 0 ? <Text size="sm" c="dimmed" py="lg" ta="center">行事历中本期没有安排事项。</Text> : (
              <ScrollArea.Autosize mah={320}>
              <Table verticalSpacing={4} aria-label="行事历事项">
                <Table.Tbody>
                  {d.calendarDue.map((i) => (
                    <Table.Tr key={i.id}>
                      {!p.month && <Table.Td w={80}><Text size="sm">{monthLabel(i.month).slice(5)}</Text></Table.Td>}
                      <Table.Td>
                        <Anchor component={Link} to={links.calendarItem(i)} size="sm">{i.numberText}{i.content}</Anchor>
                      </Table.Td>
                      <Table.Td w={110}><Text size="xs" c="dimmed">{i.owner ?? ''}</Text></Table.Td>
                      <Table.Td w={80}><Badge variant="light" color={ITEM_STATUS_COLORS[i.status]}>{i.status}</Badge></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              </ScrollArea.Autosize>
            )}
          </Card>
        </SimpleGrid>

        <Card title={`${p.month ? `${p.month}月` : `${p.year}年`}尚未督导的学校（${cov.notVisited.length}所）`}>
          {cov.total === 0 ? <Text size="sm" c="dimmed">{p.zoneId ? '这个责任区还没有学校。' : '档案中还没有学校。'}</Text>
            : cov.notVisited.length === 0 ? <Text size="sm" c="green.8">全部学校均已督导。</Text> : (
            <Group gap="xs">
              {cov.notVisited.map((s) => (
                <Anchor key={s.id} component={Link} to={links.school(s.id)} size="sm">
                  <Badge variant="outline" color="gray" style={{ cursor: 'pointer' }}>{s.name}</Badge>
                </Anchor>
              ))}
            </Group>
          )}
        </Card>
      </AfterFirstPaint>
    </Stack>
  );
}
