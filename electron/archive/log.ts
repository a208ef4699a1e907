import type { Archive } from './archive';
import { nowText } from './archive';

/** Write one audit-log line. Call inside the same transaction as the change it records. */
export function audit(a: Archive, action: string, kind: string, entityId: number | null, summary: string, detail?: unknown): void {
  a.db.prepare(`INSERT INTO audit_log (at, actor, action, kind, entity_id, summary, detail) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(nowText(), a.actor, action, kind, entityId, summary, detail === undefined ? null : JSON.stringify(detail));
}
