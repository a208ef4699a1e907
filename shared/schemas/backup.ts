import { z } from 'zod';
import { uploadIdField } from './files';

export interface BackupStatus {
  /** Time of the newest automatic backup ('YYYY-MM-DD HH:MM:SS'), or null when there is none. */
  lastAutoBackup: string | null;
  /** Time of the newest backup file made with 立即备份到文件, or null when none was made. */
  lastFileBackup: string | null;
  /** No backup of either kind, or the newest one is more than BACKUP_STALE_DAYS old: the UI warns. */
  stale: boolean;
  autoCount: number;
  /** The backups/ folder inside the archive folder. */
  folder: string;
}
export const BACKUP_STALE_DAYS = 7;

/** What a restore says about a file that is not a backup file (a reason follows in brackets). */
export const NOT_A_BACKUP = '所选文件不是督导档案的备份文件或已损坏。请选择由「立即备份到文件」生成的 .zip 文件。';

export type BackupKind = '自动' | '恢复前' | '迁移前';
export interface BackupEntry {
  /** File name inside backups/ (the only thing the renderer ever sends back). */
  name: string;
  kind: BackupKind;
  at: string;
  size: number;
}

/** What a manual backup file says about itself (manifest.json inside the .zip). */
export interface BackupManifest {
  app: '督导档案';
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  counts: Record<string, number>;
  attachments: number;
}

export interface RestoreResult {
  /** The replaced archive, kept in backups/. */
  keptAs: string;
  schemaVersion: number;
  counts: Record<string, number>;
}

export const backupRestoreFile = z.object({ uploadId: uploadIdField.describe('备份文件') });
export const backupRestoreAuto = z.object({
  name: z.string({ error: '必须选择一个备份' }).min(1, '必须选择一个备份').max(100, '备份名称无效')
    .describe('备份'),
});
