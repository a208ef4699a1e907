/** The data folder as a whole: what the welcome screen counts, and its one-time start (empty or demo). */
import type { Store } from './store';
import { loadDemo } from './demo';
import { audit } from './log';
import { getOperatorName, isInitialized, markInitialized, setOperatorName } from './settings';
import { AppError } from '../../shared/result';
import type { DataFolderStatus, Operator } from '../../shared/schemas/admin';

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

/** Who the log names: the person's name once given, else the computer's account. */
export function operatorOf(a: Store): Operator {
  const name = getOperatorName(a);
  return { name: name ?? a.account, account: a.account, named: name !== null };
}

/** Start a new archive once: empty, or with the demo county; one audit line, naming the person if given. */
export function initializeDataFolder(a: Store, mode: 'empty' | 'demo', operator?: string): void {
  if (isInitialized(a)) throw new AppError('conflict', '此档案已经初始化，不能再次选择空档案或示例档案。');
  a.db.transaction(() => {
    // The person's name first: the log's first line already names them.
    if (operator) setOperatorName(a, operator);
    if (mode === 'demo') loadDemo(a);
    markInitialized(a);
    audit(a, '初始化', 'archive', null, mode === 'demo' ? '载入示例档案' : '创建空档案');
  })();
}
