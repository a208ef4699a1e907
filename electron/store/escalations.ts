/**
 * 约谈 and 通报: escalations about some problems (a formal talk with a school head or a unit; a notice
 * made public). Each names its problems, which show it in their timeline and carry the flag.
 */
import type { Store } from './store';
import { nowText } from '../../shared/dates';
import { AppError } from '../../shared/result';
import type { Escalation, EscalationFields } from '../../shared/schemas/oversight';
import type { z } from 'zod';
import type { escalationList } from '../../shared/schemas/oversight';
import { audit } from './log';
import { problemsByIds } from './problems/queries';
import { moveToBin } from './recycle';
import { sql, sqlFragment, sqlJoin, type SqlFragment } from './sql';
import { rows } from './statements';

type Row = Omit<Escalation, 'problems' | 'problemIds'>;

function assemble(a: Store, found: Row[]): Escalation[] {
  if (!found.length) return [];
  const links = rows<{ escalationId: number; id: number; description: string; ownerName: string; status: string }>(a, sql`SELECT ep.escalation_id AS escalationId,
      p.id, p.description, coalesce(sc.full_name, u.name) AS ownerName, p.status
    FROM escalation_problems ep JOIN problems p ON p.id = ep.problem_id AND p.deleted_at IS NULL
      LEFT JOIN schools sc ON sc.id = p.school_id AND sc.deleted_at IS NULL LEFT JOIN units u ON u.id = p.unit_id AND u.deleted_at IS NULL
    WHERE ep.escalation_id IN (SELECT value FROM json_each(${JSON.stringify(found.map((e) => e.id))})) AND (sc.id IS NOT NULL OR u.id IS NOT NULL)
    ORDER BY p.id`);
  return found.map((e) => {
    const problems = links.filter((l) => l.escalationId === e.id).map(({ escalationId: _e, ...p }) => p);
    return { ...e, problemIds: problems.map((p) => p.id), problems };
  });
}

const SELECT = sqlFragment`SELECT id, kind, date, target, hosts, outcome FROM escalations WHERE deleted_at IS NULL`;

export function listEscalations(a: Store, q: z.output<typeof escalationList>): Escalation[] {
  const c: SqlFragment[] = [sqlFragment`1`];
  if (q.year) c.push(sqlFragment`date >= ${`${q.year}-01-01`} AND date < ${`${q.year + 1}-01-01`}`);
  if (q.kind) c.push(sqlFragment`kind = ${q.kind}`);
  if (q.problemId) c.push(sqlFragment`id IN (SELECT escalation_id FROM escalation_problems WHERE problem_id = ${q.problemId})`);
  return assemble(a, rows<Row>(a, sql`${SELECT} AND ${sqlJoin(c, ' AND ')} ORDER BY date DESC, id DESC`));
}

export function getEscalation(a: Store, id: number): Escalation {
  const found = assemble(a, rows<Row>(a, sql`${SELECT} AND id = ${id}`))[0];
  if (!found) throw new AppError('not_found', `编号为 ${id} 的约谈通报记录不存在或已被删除，请刷新后重试。`, 'id');
  return found;
}

export function saveEscalation(a: Store, id: number | undefined, f: EscalationFields): number {
  return a.db.transaction(() => {
    if (id) getEscalation(a, id);
    const ids = [...new Set(f.problemIds)];
    const problems = problemsByIds(a, ids);
    if (problems.length !== ids.length) {
      throw new AppError('not_found', `「问题」所选问题中有 ${ids.length - problems.length} 个不存在或已被删除，请刷新后重新选择。`, 'problemIds');
    }
    const early = problems.find((p) => p.raisedAt > f.date);
    if (early) throw new AppError('invalid', `「日期」${f.kind}不能早于所涉问题的提出日期（${early.raisedAt}）。`, 'date');
    const at = nowText();
    let escalationId: number;
    if (id) {
      a.db.prepare('UPDATE escalations SET kind = ?, date = ?, target = ?, hosts = ?, outcome = ?, updated_at = ? WHERE id = ?')
        .run(f.kind, f.date, f.target, f.hosts, f.outcome, at, id);
      a.db.prepare('DELETE FROM escalation_problems WHERE escalation_id = ?').run(id);
      escalationId = id;
    } else {
      escalationId = Number(a.db.prepare(`INSERT INTO escalations (kind, date, target, hosts, outcome, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)`).run(f.kind, f.date, f.target, f.hosts, f.outcome, at, at).lastInsertRowid);
    }
    const link = a.db.prepare('INSERT INTO escalation_problems (escalation_id, problem_id) VALUES (?, ?)');
    for (const p of ids) link.run(escalationId, p);
    audit(a, id ? '修改' : '新增', 'escalation', escalationId, `${id ? '修改' : '登记'}${f.kind}（${f.date}，${f.target}，涉及${ids.length}个问题）`);
    return escalationId;
  })();
}

export function deleteEscalation(a: Store, id: number): number {
  const e = getEscalation(a, id);
  return moveToBin(a, 'escalation', id, `${e.date} ${e.kind}：${e.target}`);
}
