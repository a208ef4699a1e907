/**
 * What each 考核项目 measures in the archive for one supervisor and one year (issue 15): the records
 * dated from 1 January to `until` (the year's end, or the day of computing if earlier).
 *   coverage    挂牌 schools (live, in the item's roles) × the item's months ended by `until`: the
 *               (school, month) pairs with a visit the supervisor took part in.
 *   onTime      the supervisor's visits (live, of live schools): those entered within `days` of the visit.
 *   closed      problems raised from the supervisor's visits: those 销号 by `until`.
 *   attendance  recorded attendance at 培训 and 会议: 出席 count 1, 请假 `leaveWeight`.
 *   writing     finished pieces (已定稿) of the year by the supervisor, of the item's kinds.
 *   manual      nothing: scored by hand.
 */
import type { Store } from './store';
import { daysInMonth } from '../../shared/dates';
import type { ItemMeasure, SchemeItem } from '../../shared/schemas/assessment';
import { round1 } from '../../shared/assessment-score';

export interface Period { year: number; from: string; until: string }

const mm = (m: number) => String(m).padStart(2, '0');

/** The item's months that have ended by `until`, as yyyy-mm. */
export function monthsEnded(item: SchemeItem, p: Period): string[] {
  return [...item.months].sort((x, y) => x - y)
    .filter((m) => `${p.year}-${mm(m)}-${String(daysInMonth(p.year, m)).padStart(2, '0')}` <= p.until)
    .map((m) => `${p.year}-${mm(m)}`);
}

/** Each supervisor's measures, by item key. */
export function measureAll(a: Store, items: SchemeItem[], p: Period, supervisorIds: number[]): Map<number, Record<string, ItemMeasure>> {
  const out = new Map<number, Record<string, ItemMeasure>>();
  for (const id of supervisorIds) {
    out.set(id, Object.fromEntries(items.map((item) => [item.key, measure(a, item, p, id)])));
  }
  return out;
}

function measure(a: Store, item: SchemeItem, p: Period, s: number): ItemMeasure {
  const one = <T>(sql: string, ...params: unknown[]) => a.db.prepare(sql).get(...params) as T;
  switch (item.kind) {
    case 'coverage': {
      const schools = a.db.prepare(`SELECT DISTINCT asg.school_id FROM assignments asg
        JOIN schools sc ON sc.id = asg.school_id AND sc.deleted_at IS NULL
        WHERE asg.supervisor_id = ? AND asg.deleted_at IS NULL AND asg.role IN (SELECT value FROM json_each(?))`)
        .pluck().all(s, JSON.stringify(item.roles)) as number[];
      const months = monthsEnded(item, p);
      const required = schools.length * months.length;
      const done = required === 0 ? 0 : one<{ n: number }>(`SELECT count(DISTINCT v.school_id || '|' || substr(v.date, 1, 7)) AS n
        FROM visit_supervisors vs JOIN visits v ON v.id = vs.visit_id AND v.deleted_at IS NULL
        WHERE vs.supervisor_id = ? AND v.school_id IN (SELECT value FROM json_each(?))
          AND substr(v.date, 1, 7) IN (SELECT value FROM json_each(?))`, s, JSON.stringify(schools), JSON.stringify(months)).n;
      const text = schools.length === 0 ? '无计入的挂牌学校' : months.length === 0 ? '计入的月份尚未结束'
        : `挂牌学校${schools.length}所，${months.length}个月，应督导${required}校次，实督导${done}校次`;
      return { done, required, text };
    }
    case 'onTime': {
      const r = one<{ total: number; late: number }>(`SELECT count(*) AS total,
          count(*) FILTER (WHERE substr(v.created_at, 1, 10) > date(v.date, '+' || ? || ' days')) AS late
        FROM visit_supervisors vs JOIN visits v ON v.id = vs.visit_id AND v.deleted_at IS NULL
        JOIN schools sc ON sc.id = v.school_id AND sc.deleted_at IS NULL
        WHERE vs.supervisor_id = ? AND v.date >= ? AND v.date <= ?`, item.days, s, p.from, p.until);
      const done = r.total - r.late;
      return { done, required: r.total, text: r.total ? `督导记录${r.total}条，${item.days}日内录入${done}条` : '本年度没有督导记录' };
    }
    case 'closed': {
      const r = one<{ raised: number; closed: number }>(`SELECT count(*) AS raised,
          count(*) FILTER (WHERE pr.status = '已销号' AND pr.closed_at <= ?) AS closed
        FROM problems pr WHERE pr.deleted_at IS NULL AND pr.raised_at >= ? AND pr.raised_at <= ?
          AND pr.visit_id IN (SELECT visit_id FROM visit_supervisors WHERE supervisor_id = ?)`, p.until, p.from, p.until, s);
      return { done: r.closed, required: r.raised, text: r.raised ? `提出问题${r.raised}个，已销号${r.closed}个` : '本年度督导未提出问题' };
    }
    case 'attendance': {
      const r = one<{ recorded: number; present: number; leave: number; absent: number }>(`SELECT count(*) AS recorded,
          count(*) FILTER (WHERE ta.status = '出席') AS present, count(*) FILTER (WHERE ta.status = '请假') AS leave,
          count(*) FILTER (WHERE ta.status = '缺席') AS absent
        FROM training_attendance ta JOIN trainings t ON t.id = ta.training_id AND t.deleted_at IS NULL
        WHERE ta.supervisor_id = ? AND ta.status IS NOT NULL AND t.date >= ? AND t.date <= ?`, s, p.from, p.until);
      const done = round1(r.present + item.leaveWeight * r.leave);
      return {
        done, required: r.recorded,
        text: r.recorded ? `应参加${r.recorded}次，出席${r.present}次，请假${r.leave}次，缺席${r.absent}次` : '本年度没有需参加的培训和会议',
      };
    }
    case 'writing': {
      const n = one<{ n: number }>(`SELECT count(*) AS n FROM pieces WHERE deleted_at IS NULL AND author_id = ? AND year = ?
        AND status = '已定稿' AND kind IN (SELECT value FROM json_each(?))`, s, p.year, JSON.stringify(item.pieceKinds)).n;
      return { done: n, required: null, text: n ? `定稿${n}篇` : '本年度没有定稿的文章' };
    }
    case 'manual':
      return { done: 0, required: null, text: '' };
  }
}
