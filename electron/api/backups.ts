import type { HandlerMap } from './types';
import { nowText } from '../../shared/dates';
import { listAutoBackups } from '../store/backups';
import { createBackupFile, lastFileBackupAt, logBackupFile } from '../store/backup-file';
import { listBackups, restoreFromBackup, restoreFromFile } from '../store/restore';
import { AppError } from '../../shared/result';
import { BACKUP_STALE_DAYS } from '../../shared/schemas/backup';

type BackupChannel = 'backups.status' | 'backups.list' | 'backups.createFile' | 'backups.restoreFile' | 'backups.restoreAuto';

export const backupHandlers: HandlerMap<BackupChannel> = {
  'backups.status': (a) => {
    const autos = listAutoBackups(a);
    const auto = autos[0]?.at ?? null;
    const file = lastFileBackupAt(a);
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
    logBackupFile(a, fileName, manifest);
    return { fileName, data: bytes.toString('base64') };
  },
  'backups.restoreFile': (a, { data }) => {
    const bytes = Buffer.from(data, 'base64');
    if (bytes.length === 0) throw new AppError('invalid', '「备份文件」为空，请重新选择备份文件。', 'data');
    return restoreFromFile(a, bytes);
  },
  'backups.restoreAuto': (a, { name }) => restoreFromBackup(a, name),
};
