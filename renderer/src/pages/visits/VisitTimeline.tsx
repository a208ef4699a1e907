import { Link } from 'react-router-dom';
import { Anchor, Badge, Group, Text, Timeline, Title } from '@mantine/core';
import type { Visit } from '../../../../shared/schemas/visit';

/** Visits newest first, grouped under their month. */
export function VisitTimeline({ visits }: { visits: Visit[] }) {
  const months: [string, Visit[]][] = [];
  for (const v of visits) {
    const m = v.date.slice(0, 7);
    if (months.at(-1)?.[0] !== m) months.push([m, []]);
    months.at(-1)![1].push(v);
  }
  return (
    <>
      {months.map(([month, rows]) => (
        <div key={month}>
          <Title order={5} mb="xs" mt="sm">{Number(month.slice(0, 4))}年{Number(month.slice(5))}月</Title>
          <Timeline bulletSize={14} lineWidth={2} active={rows.length}>
            {rows.map((v) => (
              <Timeline.Item key={v.id} title={
                <Group gap="xs">
                  <Anchor component={Link} to={`/visits/${v.id}`} fw={600}>{v.date} {v.schoolName}</Anchor>
                  <Badge size="sm" variant="light">{v.type}</Badge>
                  {v.problemCount > 0 && <Badge size="sm" color="orange" variant="light">问题 {v.problemCount}</Badge>}
                </Group>
              }>
                <Text size="sm" c="dimmed">督学：{v.supervisorNames.join('、') || '—'}{v.theme ? ` · 主题：${v.theme}` : ''}</Text>
                {v.highlight && <Text size="sm">亮点：{v.highlight}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </div>
      ))}
    </>
  );
}
