import { Badge, Group, Text, Tooltip } from '@mantine/core';
import type { Supervisor } from '../../../../shared/schemas/supervisor';

const STATUS_COLORS: Record<string, string> = { 在聘: 'green', 期满: 'gray', 解聘: 'dark', 未聘任: 'yellow' };

export function StatusBadge({ status }: { status: string }) {
  return <Badge variant="light" color={STATUS_COLORS[status] ?? 'gray'}>{status}</Badge>;
}

/** 聘任截止 with the term warning: orange while it runs out, red once past and still 在聘. */
export function TermEnd({ s }: { s: Pick<Supervisor, 'termEnd' | 'termExpiring' | 'termDaysLeft'> }) {
  if (!s.termEnd) return <Text size="sm" c="dimmed">—</Text>;
  const left = s.termDaysLeft ?? 0;
  return (
    <Group gap={4} style={{ rowGap: 2 }}>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{s.termEnd}</Text>
      {s.termExpiring && (
        <Tooltip label={left < 0 ? `已超过聘任截止日期 ${-left} 天，请续聘或更新聘任状态` : `距聘任截止还有 ${left} 天`}>
          <Badge size="sm" color={left < 0 ? 'red' : 'orange'} variant="filled">{left < 0 ? '已期满' : '即将期满'}</Badge>
        </Tooltip>
      )}
    </Group>
  );
}
