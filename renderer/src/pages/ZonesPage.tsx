import { Title } from '@mantine/core';

export function ZonesPage() {
  return <Title order={2}>Zones</Title>;
}
