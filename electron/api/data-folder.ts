import type { HandlerMap } from './types';
import type { Store } from '../store/store';
import { LATEST_SCHEMA_VERSION } from '../store/migrations';
import { isInitialized, markInitialized } from '../store/settings';
import { loadDemo } from '../store/demo';
import { audit } from '../store/log';
import { AppError } from '../../shared/result';
import type { DataFolderStatus } from '../../shared/schemas/admin';
import { APP_VERSION } from '../../shared/version';

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
  };
}

export const dataFolderHandlers: HandlerMap<'dataFolder.status' | 'dataFolder.initialize'> = {
  'dataFolder.status': (a) => status(a),
  'dataFolder.initialize': (a, { mode }) => {
    if (isInitialized(a)) throw new AppError('conflict', '此档案已经初始化，不能再次选择空档案或示例档案。');
    a.db.transaction(() => {
      if (mode === 'demo') loadDemo(a);
      markInitialized(a);
      audit(a, '初始化', 'archive', null, mode === 'demo' ? '载入示例档案' : '创建空档案');
    })();
    return status(a);
  },
};
