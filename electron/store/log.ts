import type { Store } from './store';
import { nowText } from '../../shared/dates';
import { AUDIT_KIND_LABELS, type AuditEntry } from '../../shared/schemas/admin';
import type { Page } from '../../shared/schemas/common';
import { sql, sqlFragment, sqlJoin, sqlLiteral, sqlName } from './sql';
import { rows, value } from './statements';
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

/**
 * Whether a log line's record still lives: kinds whose records have a page (and a soft-delete mark) link to
 * it while it does. Built at call time: recycle.ts (TABLES) imports this module.
 */
function liveRecord() {
  const linked: Record<string, string> = { ...TABLES, notice: 'notices' };
  return sqlFragment`CASE kind ${sqlJoin(Object.entries(linked).map(([kind, table]) =>
    sqlFragment`WHEN ${sqlLiteral(kind)} THEN EXISTS (SELECT 1 FROM ${sqlName(table)} t WHERE t.id = audit_log.entity_id AND t.deleted_at IS NULL)`), ' ')} ELSE 0 END`;
}

/** One page of the 操作日志, newest first: kinds in Chinese, and whether each record can still be opened. */
export function listAudit(a: Store, q: { offset: number; limit: number; kind?: string }): Page<AuditEntry> {
  const where = q.kind ? sqlFragment`WHERE kind = ${q.kind}` : sqlFragment``;
  const total = value<number>(a, sql`SELECT count(*) AS n FROM audit_log ${where}`);
  const page = rows<Omit<AuditEntry, 'live' | 'kindLabel'> & { live: number }>(a, sql`SELECT id, at, actor, action, kind, entity_id AS entityId, summary,
      entity_id IS NOT NULL AND ${liveRecord()} AS live,
      CASE WHEN kind = 'calendarItem' THEN (SELECT calendar_id FROM calendar_items WHERE id = audit_log.entity_id) END AS parentId
    FROM audit_log ${where} ORDER BY id DESC LIMIT ${q.limit} OFFSET ${q.offset}`);
  return { rows: page.map((r) => ({ ...r, kindLabel: AUDIT_KIND_LABELS[r.kind] ?? r.kind, live: r.live === 1 })), total };
}
