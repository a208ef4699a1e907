import type { HandlerMap } from './types';
import type { AuditEntry } from '../../shared/schemas/admin';

export const auditHandlers: HandlerMap<'audit.list'> = {
  'audit.list': (a, { offset, limit, kind }) => {
    const where = kind ? 'WHERE kind = ?' : '';
    const params = kind ? [kind] : [];
    const total = (a.db.prepare(`SELECT count(*) AS n FROM audit_log ${where}`).get(...params) as { n: number }).n;
    const rows = a.db.prepare(`SELECT id, at, actor, action, kind, entity_id AS entityId, summary FROM audit_log ${where}
      ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, limit, offset) as AuditEntry[];
    return { rows, total };
  },
};
