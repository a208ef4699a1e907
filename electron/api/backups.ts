import type { HandlerMap } from './types';
import { backupStatus } from '../store/backups';
import { listBackups, restoreFromBackup, restoreFromFile } from '../store/restore';
import { readBackupFile } from '../documents/backup-file';
import { AppError } from '../../shared/result';
import { bytesIn, fileOut } from './file-out';
import { backupFileNow } from './files';

type BackupChannel = 'backups.status' | 'backups.list' | 'backups.createFile' | 'backups.restoreFile' | 'backups.restoreAuto';

export const backupHandlers: HandlerMap<BackupChannel> = {
  'backups.status': (a) => backupStatus(a),
  'backups.list': (a) => listBackups(a),
  'backups.createFile': (a) => fileOut(backupFileNow(a)),
  'backups.restoreFile': (a, { data }) => {
    const bytes = bytesIn(data);
    if (bytes.length === 0) throw new AppError('invalid', '「备份文件」为空，请重新选择备份文件。', 'data');
    return restoreFromFile(a, () => readBackupFile(bytes));
  },
  'backups.restoreAuto': (a, { name }) => restoreFromBackup(a, name),
};
