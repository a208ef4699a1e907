import { Title } from '@mantine/core';

export function SupervisorsPage() {
  return <Title order={2}>Supervisors</Title>;
}
