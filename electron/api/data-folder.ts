import type { HandlerMap } from './types';
import type { Store } from '../store/store';
import { LATEST_SCHEMA_VERSION } from '../store/migrations';
import { getOperatorName, isInitialized, markInitialized, setOperatorName } from '../store/settings';
import { loadDemo } from '../store/demo';
import { audit } from '../store/log';
import { AppError } from '../../shared/result';
import type { DataFolderStatus, Operator } from '../../shared/schemas/admin';
import { APP_VERSION } from '../../shared/version';

function operator(a: Store): Operator {
  const name = getOperatorName(a);
  return { name: name ?? a.account, account: a.account, named: name !== null };
}

function status(a: Store): DataFolderStatus {
  const n = (sql: string) => (a.db.prepare(sql).get() as { n: number }).n;
  return {
    initialized: isInitialized(a),
    folder: a.dataFolder,
    schemaVersion: LATEST_SCHEMA_VERSION,
    appVersion: APP_VERSION,
    counts: {
      supervisors: n('SELECT count(*) AS n FROM supervisors WHERE deleted_at IS NULL'),
      schools: n('SELECT count(*) AS n FROM schools WHERE deleted_at IS NULL'),
      zones: n('SELECT count(*) AS n FROM zones WHERE deleted_at IS NULL'),
      assignments: n('SELECT count(*) AS n FROM assignments WHERE deleted_at IS NULL'),
    },
    operator: operator(a),
  };
}

export const dataFolderHandlers: HandlerMap<'dataFolder.status' | 'dataFolder.initialize' | 'operator.save'> = {
  'dataFolder.status': (a) => status(a),
  'dataFolder.initialize': (a, { mode, operator: name }) => {
    if (isInitialized(a)) throw new AppError('conflict', '此档案已经初始化，不能再次选择空档案或示例档案。');
    a.db.transaction(() => {
      // The person's name first: the log's first line already names them.
      if (name) setOperatorName(a, name);
      if (mode === 'demo') loadDemo(a);
      markInitialized(a);
      audit(a, '初始化', 'archive', null, mode === 'demo' ? '载入示例档案' : '创建空档案');
    })();
    return status(a);
  },
  'operator.save': (a, { name }) => {
    a.db.transaction(() => {
      const before = getOperatorName(a) ?? a.account;
      setOperatorName(a, name);
      if (before !== name) audit(a, '修改', 'operator', null, `操作人由「${before}」改为「${name}」`);
    })();
    return operator(a);
  },
};
