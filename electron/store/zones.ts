import type { Store } from './store';
import { nowText } from '../../shared/dates';
import { audit } from './log';
import { moveToBin } from './recycle';
import { requireLive } from './schools';
import { byPinyin } from './pinyin';
import { AppError } from '../../shared/result';
import type { Zone, ZoneFields } from '../../shared/schemas/zone';

// Leader and school count in one query; deleted supervisors and schools do not count.
const SELECT_ZONE = `
  SELECT z.id, z.name, p.id AS leaderId, p.name AS leaderName, z.notes,
    (SELECT count(*) FROM schools s WHERE s.zone_id = z.id AND s.deleted_at IS NULL) AS schoolCount
  FROM zones z
  LEFT JOIN supervisors p ON p.id = z.leader_id AND p.deleted_at IS NULL`;

/** Every live zone, by name in pinyin order with ordinals as numbers (第一, 第二 … 第十责任区); an office has a few dozen at most. */
export function listZones(a: Store): Zone[] {
  return byPinyin(a.db.prepare(`${SELECT_ZONE} WHERE z.deleted_at IS NULL ORDER BY z.id`).all() as Zone[], (z) => z.name);
}

export function getZone(a: Store, id: number): Zone {
  const row = a.db.prepare(`${SELECT_ZONE} WHERE z.id = ? AND z.deleted_at IS NULL`).get(id) as Zone | undefined;
  if (!row) throw new AppError('not_found', '该责任区不存在或已被删除，请刷新列表后重试。');
  return row;
}

function checkFields(a: Store, f: ZoneFields, selfId: number | null): void {
  const dup = a.db.prepare('SELECT id FROM zones WHERE name = ? AND deleted_at IS NULL AND id IS NOT ?').get(f.name, selfId);
  if (dup) throw new AppError('conflict', `已有名为「${f.name}」的责任区，「责任区名称」不能重复。请换一个名称。`, 'name');
  if (f.leaderId !== null) requireLive(a, 'supervisors', f.leaderId, '组长', 'leaderId');
}

export function insertZone(a: Store, f: ZoneFields): number {
  return a.db.transaction(() => {
    checkFields(a, f, null);
    const at = nowText();
    const res = a.db.prepare('INSERT INTO zones (name, leader_id, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(f.name, f.leaderId, f.notes, at, at);
    const id = Number(res.lastInsertRowid);
    audit(a, '新增', 'zone', id, `新增责任区「${f.name}」`);
    return id;
  })();
}

export function updateZone(a: Store, id: number, f: ZoneFields): void {
  a.db.transaction(() => {
    const before = getZone(a, id);
    checkFields(a, f, id);
    a.db.prepare('UPDATE zones SET name = ?, leader_id = ?, notes = ?, updated_at = ? WHERE id = ?')
      .run(f.name, f.leaderId, f.notes, nowText(), id);
    const renamed = before.name !== f.name ? `（原名「${before.name}」）` : '';
    audit(a, '修改', 'zone', id, `修改责任区「${f.name}」${renamed}`);
  })();
}

/** Soft-delete: its schools read as 未分区 until the zone is restored from the 回收站. */
export function deleteZone(a: Store, id: number): number {
  const z = getZone(a, id);
  return moveToBin(a, 'zone', id, z.name);
}

/** Move schools into a zone, or out of every zone (zoneId null), all or nothing. */
export function moveSchools(a: Store, schoolIds: number[], zoneId: number | null): number {
  const ids = [...new Set(schoolIds)];
  return a.db.transaction(() => {
    if (zoneId !== null) requireLive(a, 'zones', zoneId, '目标责任区', 'zoneId');
    const target = zoneId === null ? null : getZone(a, zoneId);
    const live = a.db.prepare('SELECT id FROM schools WHERE id = ? AND deleted_at IS NULL');
    const missing = ids.filter((id) => !live.get(id));
    if (missing.length) {
      throw new AppError('not_found', `所选「学校」中有 ${missing.length} 所不存在或已被删除，请刷新后重新选择。`, 'schoolIds');
    }
    const at = nowText();
    const move = a.db.prepare('UPDATE schools SET zone_id = ?, updated_at = ? WHERE id = ?');
    for (const id of ids) move.run(zoneId, at, id);
    const names = a.db.prepare(`SELECT full_name AS n FROM schools WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name_pinyin, id`)
      .pluck().all(JSON.stringify(ids)) as string[];
    const shown = names.slice(0, 10).join('、') + (names.length > 10 ? ` 等${names.length}所` : '');
    audit(a, '调整分区', 'zone', zoneId,
      target ? `将学校移入责任区「${target.name}」：${shown}` : `将学校移出责任区（未分区）：${shown}`, { schoolIds: ids, zoneId });
    return ids.length;
  })();
}
