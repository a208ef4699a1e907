import type { Store } from './store';
import { nowText } from '../../shared/dates';
import { audit } from './log';
import { AppError } from '../../shared/result';
import { RECYCLE_KIND_LABELS, type RecycleItem, type RecycleKind } from '../../shared/schemas/admin';

export const TABLES: Record<RecycleKind, string> = {
  supervisor: 'supervisors', school: 'schools', zone: 'zones', assignment: 'assignments',
  calendar: 'calendars', calendarItem: 'calendar_items', visit: 'visits', problem: 'problems', complaint: 'complaints',
  briefing: 'briefings', chronicleEntry: 'chronicle_entries', piece: 'pieces', collection: 'collections', legacyFile: 'legacy_files',
  unit: 'units', campaign: 'campaigns', followup: 'followups', escalation: 'escalations', indicatorSet: 'indicator_sets', evaluation: 'eval_rounds',
  training: 'trainings', trainingPlan: 'training_plans', assessment: 'assessments', appointment: 'appointment_changes',
};

/** Soft-delete a row and list it in the 回收站. Returns the bin entry's id. Runs in a transaction. */
export function moveToBin(a: Store, kind: RecycleKind, entityId: number, title: string): number {
  return a.db.transaction(() => {
    const at = nowText();
    const res = a.db.prepare(`UPDATE ${TABLES[kind]} SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`).run(at, entityId);
    if (res.changes === 0) throw new AppError('not_found', `要删除的${RECYCLE_KIND_LABELS[kind]}不存在或已被删除，请刷新后重试。`);
    const bin = a.db.prepare(`INSERT INTO recycle_bin (kind, entity_id, title, deleted_at, deleted_by) VALUES (?, ?, ?, ?, ?)`)
      .run(kind, entityId, title, at, a.actor);
    audit(a, '删除', kind, entityId, `删除${RECYCLE_KIND_LABELS[kind]}「${title}」（移入回收站）`);
    return Number(bin.lastInsertRowid);
  })();
}

export function listBin(a: Store): RecycleItem[] {
  return a.db.prepare(`SELECT id, kind, entity_id AS entityId, title, deleted_at AS deletedAt, deleted_by AS deletedBy
    FROM recycle_bin ORDER BY id DESC`).all() as RecycleItem[];
}

function binEntry(a: Store, id: number): RecycleItem {
  const row = a.db.prepare(`SELECT id, kind, entity_id AS entityId, title, deleted_at AS deletedAt, deleted_by AS deletedBy
    FROM recycle_bin WHERE id = ?`).get(id) as RecycleItem | undefined;
  if (!row) throw new AppError('not_found', '回收站中没有这一项，可能已被恢复或彻底删除，请刷新。');
  return row;
}

/** Put a deleted row back. A unique name taken meanwhile is reported, not overwritten. */
export function restoreFromBin(a: Store, id: number): void {
  a.db.transaction(() => {
    const item = binEntry(a, id);
    const label = RECYCLE_KIND_LABELS[item.kind];
    let changes: number;
    try {
      changes = a.db.prepare(`UPDATE ${TABLES[item.kind]} SET deleted_at = NULL WHERE id = ?`).run(item.entityId).changes;
    } catch (e) {
      if (String((e as Error).message).includes('UNIQUE')) {
        throw new AppError('conflict', `无法恢复${label}「${item.title}」：档案中已有同名（或同编号）的记录。请先修改或删除那条记录后再恢复。`);
      }
      throw e;
    }
    if (changes === 0) throw new AppError('not_found', `无法恢复${label}「${item.title}」：这条记录已不存在（可能已随所属记录一起被彻底删除），请刷新。`);
    a.db.prepare(`DELETE FROM recycle_bin WHERE id = ?`).run(id);
    audit(a, '恢复', item.kind, item.entityId, `从回收站恢复${label}「${item.title}」`);
  })();
}

/**
 * Delete for good: the row and what hangs on it (assignments cascade). Bin entries of rows that
 * went with it are removed too. A row other records still point to (a school with visits) stays.
 */
export function purgeFromBin(a: Store, id: number): void {
  a.db.transaction(() => {
    const item = binEntry(a, id);
    const label = RECYCLE_KIND_LABELS[item.kind];
    try {
      a.db.prepare(`DELETE FROM ${TABLES[item.kind]} WHERE id = ?`).run(item.entityId);
    } catch (e) {
      if (String((e as Error).message).includes('FOREIGN KEY')) {
        throw new AppError('conflict', `无法彻底删除${label}「${item.title}」：档案中还有其他记录（如督导记录、问题或整改通知书）引用它。它可以留在回收站中，不会出现在任何列表里。`);
      }
      throw e;
    }
    a.db.prepare(`DELETE FROM recycle_bin WHERE id = ?`).run(id);
    for (const [kind, table] of Object.entries(TABLES)) {
      a.db.prepare(`DELETE FROM recycle_bin WHERE kind = ? AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = recycle_bin.entity_id)`).run(kind);
    }
    audit(a, '彻底删除', item.kind, item.entityId, `彻底删除${label}「${item.title}」`);
  })();
}
