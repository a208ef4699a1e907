import type { HandlerMap } from './types';
import { listAudit } from '../store/log';

export const auditHandlers: HandlerMap<'audit.list'> = {
  'audit.list': (a, query) => listAudit(a, query),
};
