import { useState } from 'react';
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { RosterPanel, type RosterKind } from './excel/RosterPanel';

/** 导入导出: the supervisor and school rosters to and from Excel (.xlsx). */
export function ExcelPage() {
  const [kind, setKind] = useState<RosterKind>('supervisors');
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>导入导出</Title>
        <Text size="sm" c="dimmed">用 Excel（.xlsx）批量录入、修改或备份督学和学校名册。</Text>
      </div>
      <Tabs value={kind} onChange={(v) => v && setKind(v as RosterKind)}>
        <Tabs.List>
          <Tabs.Tab value="supervisors">督学名册</Tabs.Tab>
          <Tabs.Tab value="schools">学校名册</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="supervisors" pt="md"><RosterPanel kind="supervisors" /></Tabs.Panel>
        <Tabs.Panel value="schools" pt="md"><RosterPanel kind="schools" /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
