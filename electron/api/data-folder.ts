import type { HandlerMap } from './types';
import type { Store } from '../store/store';
import { LATEST_SCHEMA_VERSION } from '../store/migrations';
import { isInitialized, saveOperatorName } from '../store/settings';
import { initializeDataFolder, operatorOf, registerCounts } from '../store/data-folder';
import type { DataFolderStatus } from '../../shared/schemas/admin';
import { APP_VERSION } from '../../shared/version';
import { writeDemoReturnedForms } from './files';

function status(a: Store): DataFolderStatus {
  return {
    initialized: isInitialized(a),
    folder: a.dataFolder,
    schemaVersion: LATEST_SCHEMA_VERSION,
    appVersion: APP_VERSION,
    counts: registerCounts(a),
    operator: operatorOf(a),
  };
}

export const dataFolderHandlers: HandlerMap<'dataFolder.status' | 'dataFolder.initialize' | 'operator.save'> = {
  'dataFolder.status': (a) => status(a),
  'dataFolder.initialize': async (a, { mode, operator }) => {
    initializeDataFolder(a, mode, operator);
    if (mode === 'demo') await writeDemoReturnedForms(a);
    return status(a);
  },
  'operator.save': (a, { name }) => {
    saveOperatorName(a, name);
    return operatorOf(a);
  },
};
