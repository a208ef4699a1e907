import type { Store } from './store';
import { nowText } from '../../shared/dates';
import { AUDIT_KIND_LABELS, type AuditEntry } from '../../shared/schemas/admin';
import type { Page } from '../../shared/schemas/common';
import { TABLES } from './recycle';

/** Write one audit-log line. Call inside the same transaction as the change it records. */
export function audit(a: Store, action: string, kind: string, entityId: number | null, summary: string, detail?: unknown): void {
  if (quiet.has(a)) return;
  a.db.prepare(`INSERT INTO audit_log (at, actor, action, kind, entity_id, summary, detail) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(nowText(), a.actor, action, kind, entityId, summary, detail === undefined ? null : JSON.stringify(detail));
}

const quiet = new WeakSet<Store>();

/**
 * Run bulk generation (the demo county, the benchmark's archive) that reuses repository code
 * without a line per generated row: the caller logs the whole load once.
 */
export function withoutAudit<T>(a: Store, fn: () => T): T {
  quiet.add(a);
  try {
    return fn();
  } finally {
    quiet.delete(a);
  }
}

/** Kinds whose records have a page (and a soft-delete mark): their log lines link to the record while it lives. */
const LINKED: Record<string, string> = { ...TABLES, notice: 'notices' };
const LIVE_SQL = `CASE kind ${Object.entries(LINKED).map(([kind, table]) =>
  `WHEN '${kind}' THEN EXISTS (SELECT 1 FROM ${table} t WHERE t.id = audit_log.entity_id AND t.deleted_at IS NULL)`).join(' ')} ELSE 0 END`;

/** One page of the 操作日志, newest first: kinds in Chinese, and whether each record can still be opened. */
export function listAudit(a: Store, q: { offset: number; limit: number; kind?: string }): Page<AuditEntry> {
  const where = q.kind ? 'WHERE kind = ?' : '';
  const params = q.kind ? [q.kind] : [];
  const total = (a.db.prepare(`SELECT count(*) AS n FROM audit_log ${where}`).get(...params) as { n: number }).n;
  const rows = a.db.prepare(`SELECT id, at, actor, action, kind, entity_id AS entityId, summary,
      entity_id IS NOT NULL AND ${LIVE_SQL} AS live,
      CASE WHEN kind = 'calendarItem' THEN (SELECT calendar_id FROM calendar_items WHERE id = audit_log.entity_id) END AS parentId
    FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as (Omit<AuditEntry, 'live' | 'kindLabel'> & { live: number })[];
  return { rows: rows.map((r) => ({ ...r, kindLabel: AUDIT_KIND_LABELS[r.kind] ?? r.kind, live: r.live === 1 })), total };
}
