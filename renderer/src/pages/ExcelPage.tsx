import { Title } from '@mantine/core';

export function ExcelPage() {
  return <Title order={2}>Excel</Title>;
}
