import { Group, Tabs, Title } from '@mantine/core';
import { useNavigate } from 'react-router-dom';

/** The area's title and its two lists: the years assessed, and the 考核办法. */
export function AssessmentTabs({ active, actions }: { active: 'years' | 'scheme'; actions?: React.ReactNode }) {
  const navigate = useNavigate();
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>督学考核</Title>
        <Group gap="sm" align="flex-end">{actions}</Group>
      </Group>
      <Tabs value={active} onChange={(v) => navigate(v === 'scheme' ? '/assessments/scheme' : '/assessments')}>
        <Tabs.List>
          <Tabs.Tab value="years">年度考核</Tabs.Tab>
          <Tabs.Tab value="scheme">考核办法</Tabs.Tab>
        </Tabs.List>
      </Tabs>
    </>
  );
}
