import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { percent } from '../../../../shared/numbers';
import type { CampaignProgress } from '../../../../shared/schemas/campaign';
import { CAMPAIGN_STATUS_COLORS } from '../../lib/status-colors';

export function CampaignStatusBadge({ status }: { status: string }) {
  return <Badge variant="light" color={CAMPAIGN_STATUS_COLORS[status]}>{status}</Badge>;
}

/** Schools checked of those planned, and problems 销号 of those raised, as two short bars. */
export function CampaignProgressBars({ p, compact = false }: { p: CampaignProgress; compact?: boolean }) {
  const checked = percent(p.schoolsChecked, p.schoolsPlanned, 0);
  return (
    <Stack gap={compact ? 2 : 6} miw={compact ? 160 : 220}>
      <Group gap={6} wrap="nowrap">
        <Text size="xs" w={compact ? 74 : 90} c="dimmed">已督导学校</Text>
        <Progress value={checked} color={checked >= 100 ? 'green' : 'blue'} style={{ flex: 1 }} aria-label="已督导学校" />
        <Text size="xs" w={56} ta="right">{p.schoolsChecked}/{p.schoolsPlanned}</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <Text size="xs" w={compact ? 74 : 90} c="dimmed">问题销号</Text>
        <Progress value={p.rate} color={p.rate >= 100 ? 'green' : 'orange'} style={{ flex: 1 }} aria-label="问题销号" />
        <Text size="xs" w={56} ta="right">{p.problemsClosed}/{p.problemsRaised}</Text>
      </Group>
    </Stack>
  );
}
