import { Badge, Stack, Text, Title } from '@mantine/core';

export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <Stack gap="sm" maw={640}>
      <Title order={2}>{title} <Badge color="gray" variant="light" size="lg">即将推出</Badge></Title>
      <Text c="dimmed">{description}</Text>
      <Text c="dimmed" size="sm">这一部分正在开发中，将在后续版本中提供。</Text>
    </Stack>
  );
}
