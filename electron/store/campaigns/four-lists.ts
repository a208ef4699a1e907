/**
 * 四清单 (任务、问题、整改、责任): each problem of a campaign, or of every campaign and every 督政 problem
 * raised in a year, as one row across the four lists. Read from the problems as the 台账 shows them.
 */
import type { Store } from '../store';
import { dateInWords } from '../../../shared/dates';
import { AppError } from '../../../shared/result';
import type { FourListRow, FourLists } from '../../../shared/schemas/oversight';
import { problemsWhere } from '../problems/queries';
import { sql, sqlFragment } from '../sql';
import { rows } from '../statements';
import { getCampaign } from './repository';

export function fourLists(a: Store, q: { campaignId?: number; year?: number }): FourLists {
  let title: string;
  let condition;
  if (q.campaignId) {
    const c = getCampaign(a, q.campaignId);
    title = `${c.name}专项督导“四清单”`;
    condition = sqlFragment`p.campaign_id = ${q.campaignId}`;
  } else if (q.year) {
    title = `${q.year}年专项督导和督政“四清单”`;
    condition = sqlFragment`(p.campaign_id IS NOT NULL OR p.unit_id IS NOT NULL)
      AND p.raised_at >= ${`${q.year}-01-01`} AND p.raised_at < ${`${q.year + 1}-01-01`}`;
  } else {
    throw new AppError('invalid', '请选择一项专项督导，或选择年份查看全年的四清单。', 'year');
  }
  const problems = problemsWhere(a, condition);
  const ids = JSON.stringify(problems.map((p) => p.id));
  // 整改: the notice's requirement, else the latest step of its history after it was raised.
  const measures = new Map(rows<{ id: number; measure: string | null }>(a, sql`SELECT p.id, coalesce(
      (SELECT n.requirement FROM notices n WHERE n.id = p.notice_id AND n.deleted_at IS NULL),
      (SELECT h.note FROM problem_history h WHERE h.problem_id = p.id AND h.from_status IS NOT NULL AND h.note IS NOT NULL ORDER BY h.id DESC LIMIT 1)) AS measure
    FROM problems p WHERE p.id IN (SELECT value FROM json_each(${ids}))`).map((r) => [r.id, r.measure]));
  // 责任督学: the visit's supervisors, else the campaign's 组长.
  const people = new Map(rows<{ id: number; names: string | null }>(a, sql`SELECT p.id, coalesce(
      (SELECT group_concat(s.name, '、') FROM visit_supervisors vs JOIN supervisors s ON s.id = vs.supervisor_id AND s.deleted_at IS NULL
        WHERE vs.visit_id = p.visit_id),
      (SELECT group_concat(s.name, '、') FROM campaign_members m JOIN supervisors s ON s.id = m.supervisor_id AND s.deleted_at IS NULL
        WHERE m.campaign_id = p.campaign_id AND m.role = '组长')) AS names
    FROM problems p WHERE p.id IN (SELECT value FROM json_each(${ids}))`).map((r) => [r.id, r.names]));
  const held = new Map(rows<{ id: number; date: string }>(a, sql`SELECT f.problem_id AS id, max(f.done_date) AS date FROM followups f
    WHERE f.problem_id IN (SELECT value FROM json_each(${ids})) AND f.deleted_at IS NULL AND f.result = '巩固' GROUP BY f.problem_id`)
    .map((r) => [r.id, r.date]));
  const out: FourListRow[] = problems.map((p) => ({
    problemId: p.id,
    task: p.campaign ? `${p.campaign}专项督导` : '督政事项',
    item: p.category,
    problem: p.description,
    raisedAt: p.raisedAt,
    measure: measures.get(p.id) ?? '',
    dueDate: p.dueDate,
    status: p.status,
    closedAt: p.closedAt,
    followThrough: [
      held.get(p.id) && p.status === '已销号' ? `回头看巩固（${dateInWords(held.get(p.id)!)}）` : '',
      p.rebounds ? `反弹${p.rebounds}次` : '', p.talked ? '已约谈' : '', p.publicized ? '已通报' : '',
    ].filter(Boolean).join('；'),
    owner: p.ownerName,
    actor: p.actor,
    supervisors: people.get(p.id) ?? '',
    overdue: p.overdue,
  }));
  return {
    title,
    rows: out,
    counts: {
      raised: out.length, closed: out.filter((r) => r.status === '已销号').length,
      overdue: out.filter((r) => r.overdue).length, rebounds: problems.filter((p) => p.rebounds > 0).length,
    },
  };
}
