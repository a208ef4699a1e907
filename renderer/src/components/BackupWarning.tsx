import { Badge, Tooltip } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { useApi } from '../useApi';

/** An orange badge in the header when there is no backup from the last week. */
export function BackupWarning() {
  const { data } = useApi('backups.status', {});
  const navigate = useNavigate();
  if (!data?.stale) return null;
  const text = data.lastAutoBackup ? `最近备份：${data.lastAutoBackup.slice(0, 10)}` : '尚无备份';
  return (
    <Tooltip label="已超过一周没有备份，点击前往「备份与恢复」">
      <Badge
        component="button"
        color="orange"
        variant="filled"
        size="lg"
        style={{ cursor: 'pointer' }}
        onClick={() => navigate('/backups')}
        aria-label={`备份提醒：已超过一周没有备份（${text}）`}
      >
        ⚠ 超过一周未备份
      </Badge>
    </Tooltip>
  );
}
