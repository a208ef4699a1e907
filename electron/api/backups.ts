import type { HandlerMap } from './types';
import { nowText } from '../../shared/dates';
import { listAutoBackups } from '../store/backups';
import { createBackupFile } from '../store/backup-file';
import { listBackups, restoreFromBackup, restoreFromFile } from '../store/restore';
import { audit } from '../store/log';
import { AppError } from '../../shared/result';
import { BACKUP_STALE_DAYS } from '../../shared/schemas/backup';

type BackupChannel = 'backups.status' | 'backups.list' | 'backups.createFile' | 'backups.restoreFile' | 'backups.restoreAuto';

export const backupHandlers: HandlerMap<BackupChannel> = {
  'backups.status': (a) => {
    const autos = listAutoBackups(a);
    const auto = autos[0]?.at ?? null;
    // A backup file is recorded in the audit log when it is made (its copy leaves the machine).
    const file = a.db.prepare(`SELECT max(at) FROM audit_log WHERE action = '备份' AND kind = 'archive'`).pluck().get() as string | null;
    const newest = Math.max(auto?.getTime() ?? 0, file ? new Date(file.replace(' ', 'T')).getTime() : 0);
    return {
      lastAutoBackup: auto ? nowText(auto) : null,
      lastFileBackup: file,
      stale: !newest || Date.now() - newest > BACKUP_STALE_DAYS * 86400_000,
      autoCount: autos.length,
      folder: a.backupsDir,
    };
  },
  'backups.list': (a) => listBackups(a),
  'backups.createFile': async (a) => {
    const { fileName, bytes, manifest } = await createBackupFile(a);
    a.db.transaction(() => audit(a, '备份', 'archive', null, `生成备份文件 ${fileName}`, { counts: manifest.counts, attachments: manifest.attachments }))();
    return { fileName, data: bytes.toString('base64') };
  },
  'backups.restoreFile': (a, { data }) => {
    const bytes = Buffer.from(data, 'base64');
    if (bytes.length === 0) throw new AppError('invalid', '「备份文件」为空，请重新选择备份文件。', 'data');
    return restoreFromFile(a, bytes);
  },
  'backups.restoreAuto': (a, { name }) => restoreFromBackup(a, name),
};
