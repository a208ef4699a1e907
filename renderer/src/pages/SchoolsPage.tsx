import { Title } from '@mantine/core';

export function SchoolsPage() {
  return <Title order={2}>Schools</Title>;
}
