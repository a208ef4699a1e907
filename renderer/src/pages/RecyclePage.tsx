import { Title } from '@mantine/core';

export function RecyclePage() {
  return <Title order={2}>Recycle</Title>;
}
