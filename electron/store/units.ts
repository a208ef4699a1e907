/**
 * 责任单位: the register of those 督政 problems are owned by (a bureau section, a township government, a
 * county department), with how many of their problems are open.
 */
import type { Store } from './store';
import { nowText } from '../../shared/dates';
import { audit } from './log';
import { pinyinKey } from './pinyin';
import { moveToBin } from './recycle';
import { AppError } from '../../shared/result';
import type { Unit, UnitFields } from '../../shared/schemas/oversight';

const SELECT = `SELECT u.id, u.name, u.kind, u.contact, u.phone, u.notes,
    (SELECT count(*) FROM problems p WHERE p.unit_id = u.id AND p.deleted_at IS NULL AND p.status <> '已销号') AS openProblems,
    (SELECT count(*) FROM problems p WHERE p.unit_id = u.id AND p.deleted_at IS NULL) AS problems
  FROM units u`;

/** Every live unit, by kind then name (pinyin). */
export function listUnits(a: Store): Unit[] {
  return a.db.prepare(`${SELECT} WHERE u.deleted_at IS NULL
    ORDER BY CASE u.kind WHEN '教育局科室' THEN 0 WHEN '乡镇（街道）' THEN 1 WHEN '县直部门' THEN 2 ELSE 3 END, u.name_pinyin, u.id`).all() as Unit[];
}

export function getUnit(a: Store, id: number): Unit {
  const row = a.db.prepare(`${SELECT} WHERE u.id = ? AND u.deleted_at IS NULL`).get(id) as Unit | undefined;
  if (!row) throw new AppError('not_found', '该责任单位不存在或已被删除，请刷新列表后重试。', 'id');
  return row;
}

export function saveUnit(a: Store, id: number | undefined, f: UnitFields): number {
  return a.db.transaction(() => {
    const dup = a.db.prepare('SELECT 1 FROM units WHERE name = ? AND deleted_at IS NULL AND id IS NOT ?').get(f.name, id ?? null);
    if (dup) throw new AppError('conflict', `已有名为「${f.name}」的责任单位，「单位名称」不能重复。`, 'name');
    const at = nowText();
    const values = [f.name, f.kind, f.contact, f.phone, f.notes, pinyinKey(f.name, 'place')];
    if (id) {
      const before = getUnit(a, id);
      a.db.prepare('UPDATE units SET name = ?, kind = ?, contact = ?, phone = ?, notes = ?, name_pinyin = ?, updated_at = ? WHERE id = ?')
        .run(...values, at, id);
      audit(a, '修改', 'unit', id, `修改责任单位「${f.name}」${before.name !== f.name ? `（原名「${before.name}」）` : ''}`);
      return id;
    }
    const newId = Number(a.db.prepare(`INSERT INTO units (name, kind, contact, phone, notes, name_pinyin, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(...values, at, at).lastInsertRowid);
    audit(a, '新增', 'unit', newId, `新增责任单位「${f.name}」（${f.kind}）`);
    return newId;
  })();
}

/** To the 回收站; its problems leave the 督政 ledger until it is restored. */
export function deleteUnit(a: Store, id: number): number {
  const u = getUnit(a, id);
  return moveToBin(a, 'unit', id, u.name);
}
