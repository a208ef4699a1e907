import { useEffect } from 'react';
import { Badge, Tooltip } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { useApi } from '../useApi';

/** Sent on window when a backup file was made, so the header looks again. */
export const BACKUP_MADE = 'dudao:backup-made';

/** An orange badge in the header when there is no backup from the last week. */
export function BackupWarning() {
  const { data, reload } = useApi('backups.status', {});
  const navigate = useNavigate();
  useEffect(() => {
    const again = () => { void reload(); };
    window.addEventListener(BACKUP_MADE, again);
    return () => window.removeEventListener(BACKUP_MADE, again);
  }, [reload]);
  if (!data?.stale) return null;
  const last = [data.lastAutoBackup, data.lastFileBackup].filter(Boolean).sort().pop();
  const text = last ? `最近备份：${last.slice(0, 10)}` : '尚无备份';
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
