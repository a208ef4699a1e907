import type { HandlerMap } from './types';
import { getSettings, putSettings } from '../archive/settings';
import { audit } from '../archive/log';

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.save'> = {
  'settings.get': (a) => getSettings(a),
  'settings.save': (a, input) => a.db.transaction(() => {
    putSettings(a, input);
    audit(a, '修改', 'settings', null, '修改系统设置');
    return getSettings(a);
  })(),
};
