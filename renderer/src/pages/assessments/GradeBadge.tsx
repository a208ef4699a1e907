import { Badge } from '@mantine/core';

const COLORS: Record<string, string> = { 优秀: 'green', 合格: 'blue', 基本合格: 'yellow', 不合格: 'red' };

export function GradeBadge({ grade }: { grade: string }) {
  return <Badge color={COLORS[grade] ?? 'gray'} variant="light">{grade}</Badge>;
}
