import type { HandlerMap } from './types';
import { backupStatus } from '../store/backups';
import { findBackup, listBackups, restoreFromBackup, restoreFromFile } from '../store/restore';
import { openBackupFile } from '../documents/backup-file';
import { transfers } from '../transfer/transfers';
import { backupFileNow } from './files';
import { startJob } from './jobs';

type BackupChannel = 'backups.status' | 'backups.list' | 'backups.createFile' | 'backups.restoreFile' | 'backups.restoreAuto';

export const backupHandlers: HandlerMap<BackupChannel> = {
  'backups.status': (a) => backupStatus(a),
  'backups.list': (a) => listBackups(a),
  'backups.createFile': (a) => startJob(a, '生成备份文件', async (job) => {
    const out = transfers(a).tempPath('.zip');
    const { fileName } = await backupFileNow(a, out, job);
    return transfers(a).offer(out, fileName, { temp: true });
  }),
  'backups.restoreFile': (a, { uploadId }) => {
    const upload = transfers(a).upload(uploadId, ['backup']);
    return startJob(a, '从备份文件恢复档案', async (job) => {
      try {
        return await restoreFromFile(a, () => openBackupFile(upload.path), job);
      } finally {
        transfers(a).discard(uploadId);
      }
    });
  },
  'backups.restoreAuto': (a, { name }) => {
    findBackup(a, name);
    return startJob(a, `从备份「${name}」恢复档案`, (job) => restoreFromBackup(a, name, job));
  },
};
