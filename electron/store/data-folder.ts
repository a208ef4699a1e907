/** The data folder as a whole: what the welcome screen counts, and its one-time start (empty or demo). */
import type { Store } from './store';
import { loadDemo } from './demo';
import { audit } from './log';
import { isInitialized, markInitialized } from './settings';
import { AppError } from '../../shared/result';
import type { DataFolderStatus } from '../../shared/schemas/admin';

/** Live records of each register. */
export function registerCounts(a: Store): DataFolderStatus['counts'] {
  const n = (sql: string) => (a.db.prepare(sql).get() as { n: number }).n;
  return {
    supervisors: n('SELECT count(*) AS n FROM supervisors WHERE deleted_at IS NULL'),
    schools: n('SELECT count(*) AS n FROM schools WHERE deleted_at IS NULL'),
    zones: n('SELECT count(*) AS n FROM zones WHERE deleted_at IS NULL'),
    assignments: n('SELECT count(*) AS n FROM assignments WHERE deleted_at IS NULL'),
  };
}

/** Start a new archive once: empty, or with the demo county; one audit line. */
export function initializeDataFolder(a: Store, mode: 'empty' | 'demo'): void {
  if (isInitialized(a)) throw new AppError('conflict', '此档案已经初始化，不能再次选择空档案或示例档案。');
  a.db.transaction(() => {
    if (mode === 'demo') loadDemo(a);
    markInitialized(a);
    audit(a, '初始化', 'archive', null, mode === 'demo' ? '载入示例档案' : '创建空档案');
  })();
}
