import { Badge, Group } from '@mantine/core';
import { PROBLEM_STATUS_COLORS } from '../lib/status-colors';
import type { Problem } from '../../../shared/schemas/problem';

/** A problem's 整改状态, with 逾期 beside it when past its deadline. */
export function ProblemStatus({ problem }: { problem: Pick<Problem, 'status' | 'overdue'> }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light" color={PROBLEM_STATUS_COLORS[problem.status]}>{problem.status}</Badge>
      {problem.overdue && <Badge color="red" variant="filled">逾期</Badge>}
    </Group>
  );
}

/** Row style for an overdue problem or notice: red, the same in every list. */
export const overdueRow = (overdue: boolean) => (overdue ? { backgroundColor: 'var(--mantine-color-red-0)', color: 'var(--mantine-color-red-9)' } : undefined);
