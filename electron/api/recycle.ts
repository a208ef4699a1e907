import type { HandlerMap } from './types';
import { listBin, purgeFromBin, restoreFromBin } from '../store/recycle';

export const recycleHandlers: HandlerMap<'recycle.list' | 'recycle.restore' | 'recycle.purge'> = {
  'recycle.list': (a) => listBin(a),
  'recycle.restore': (a, { id }) => { restoreFromBin(a, id); return { restored: true }; },
  'recycle.purge': (a, { id }) => { purgeFromBin(a, id); return { purged: true }; },
};
