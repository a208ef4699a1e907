import type { Store } from './store';
import { nowText } from '../../shared/dates';
import type { AuditEntry } from '../../shared/schemas/admin';
import type { Page } from '../../shared/schemas/common';
import { sql, sqlFragment } from './sql';
import { rows, value } from './statements';

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

/** One page of the audit log, newest first, optionally of one kind; `total` counts every match. */
export function listAudit(a: Store, q: { offset: number; limit: number; kind?: string }): Page<AuditEntry> {
  const where = q.kind ? sqlFragment`WHERE kind = ${q.kind}` : sqlFragment``;
  const total = value<number>(a, sql`SELECT count(*) AS n FROM audit_log ${where}`);
  const page = rows<AuditEntry>(a, sql`SELECT id, at, actor, action, kind, entity_id AS entityId, summary FROM audit_log ${where}
    ORDER BY id DESC LIMIT ${q.limit} OFFSET ${q.offset}`);
  return { rows: page, total };
}
