import { Group, Select, Tabs, Title } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { years } from '../../lib/options';

export type TrainingTab = 'events' | 'hours' | 'plans';
const PATHS: Record<TrainingTab, string> = { events: '/trainings', hours: '/trainings/hours', plans: '/trainings/plans' };

/** The area's title, its three lists, and (for the yearly ones) the year, kept in the URL. */
export function TrainingTabs({ active, year, onYear, actions }: {
  active: TrainingTab;
  year?: string;
  onYear?: (year: string) => void;
  actions?: React.ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <>
      <Group justify="space-between">
        <Title order={2}>培训会议</Title>
        <Group gap="sm" align="flex-end">
          {year && onYear && <Select label="年份" w={100} allowDeselect={false} data={years()} value={year} onChange={(v) => v && onYear(v)} />}
          {actions}
        </Group>
      </Group>
      <Tabs value={active} onChange={(v) => navigate(`${PATHS[v as TrainingTab]}${year && v !== 'plans' ? `?year=${year}` : ''}`)}>
        <Tabs.List>
          <Tabs.Tab value="events">培训和会议</Tabs.Tab>
          <Tabs.Tab value="hours">学时统计</Tabs.Tab>
          <Tabs.Tab value="plans">培训规划</Tabs.Tab>
        </Tabs.List>
      </Tabs>
    </>
  );
}

/** The year in ?year=, or this year. */
export function yearParam(params: URLSearchParams): string {
  return params.get('year') ?? String(new Date().getFullYear());
}
