import type { Store } from './store';
import { nowText } from '../../shared/dates';
import { audit } from './log';
import { moveToBin } from './recycle';
import { requireLive } from './schools';
import { AppError } from '../../shared/result';
import type { Assignment } from '../../shared/schemas/assignment';

interface Named { schoolName: string; supervisorName: string }

function names(a: Store, schoolId: number, supervisorId: number): Named {
  return a.db.prepare(`SELECT (SELECT full_name FROM schools WHERE id = ?) AS schoolName,
    (SELECT name FROM supervisors WHERE id = ?) AS supervisorName`).get(schoolId, supervisorId) as Named;
}

/** 挂牌: list a live supervisor at a live school in a role. The same three together only once. */
export function insertAssignment(a: Store, f: Omit<Assignment, 'id'>): Assignment {
  return a.db.transaction(() => {
    requireLive(a, 'schools', f.schoolId, '学校', 'schoolId');
    requireLive(a, 'supervisors', f.supervisorId, '督学', 'supervisorId');
    const n = names(a, f.schoolId, f.supervisorId);
    const dup = a.db.prepare(`SELECT id FROM assignments WHERE school_id = ? AND supervisor_id = ? AND role = ? AND deleted_at IS NULL`)
      .get(f.schoolId, f.supervisorId, f.role);
    if (dup) {
      throw new AppError('conflict', `督学「${n.supervisorName}」已是「${n.schoolName}」的${f.role}，不能重复挂牌。如需调整角色，请先移除原来的挂牌。`, 'role');
    }
    const res = a.db.prepare('INSERT INTO assignments (school_id, supervisor_id, role, created_at) VALUES (?, ?, ?, ?)')
      .run(f.schoolId, f.supervisorId, f.role, nowText());
    const id = Number(res.lastInsertRowid);
    audit(a, '新增', 'assignment', id, `挂牌：${n.schoolName} · ${n.supervisorName} · ${f.role}`);
    return { id, ...f };
  })();
}

/** Remove a listing into the 回收站, titled '<school> · <supervisor> · <role>'. */
export function deleteAssignment(a: Store, id: number): number {
  const row = a.db.prepare(`SELECT s.full_name AS schoolName, p.name AS supervisorName, asg.role
    FROM assignments asg JOIN schools s ON s.id = asg.school_id JOIN supervisors p ON p.id = asg.supervisor_id
    WHERE asg.id = ? AND asg.deleted_at IS NULL`).get(id) as (Named & { role: string }) | undefined;
  if (!row) throw new AppError('not_found', '该挂牌记录不存在或已被移除，请刷新后重试。');
  return moveToBin(a, 'assignment', id, `${row.schoolName} · ${row.supervisorName} · ${row.role}`);
}
