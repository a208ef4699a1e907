/**
 * The demo county's supervisors' year (issue 15): the 培训 and 会议 its 行事历 planned, held with
 * attendance (up to today; the next month's invited, not yet recorded), minutes and materials, the
 * 学习心得 written after each 培训, the office's training plans, and the year's 考核 computed from all of it,
 * adjusted and finished. Written through the repositories (the caller turns the audit lines off).
 */
import type { Store } from '../store';
import { addDays, todayText } from '../../../shared/dates';
import type { Block } from '../../../shared/schemas/blocks';
import type { TrainingFields } from '../../../shared/schemas/training';
import { adjustAssessment, computeAssessment, finishAssessment, saveScheme } from '../assessments';
import { DEFAULT_SCHEME } from '../../../shared/schemas/assessment';
import { getSettings } from '../settings';
import { savePlan, saveTraining } from '../trainings';
import { createRng } from './random';

export interface TrainingsOptions { year: number; seed: number; today?: Date }

const PLACES = ['区教育局三楼会议室', '督导室会议室', '区教师发展中心报告厅'];
/**
 * Who is trained, called to the 例会 and assessed: the supervisors who visit schools. The volunteers
 * (社区、家长、特邀督学) and the 总督学 are not, as in the offices the demo follows.
 */
const STAFF = ['专职督学', '兼职督学', '挂职督学'];

/** The office's categories among STAFF (all of them, if it renamed its list). */
function staffCategories(a: Store): string[] {
  const all = getSettings(a).supervisorCategories;
  const staff = all.filter((c) => STAFF.includes(c));
  return staff.length ? staff : all;
}
const LEAVE_NOTES = ['外出学习', '病假', '学校有重要活动', '参加市级培训', '事假'];
const MATERIALS: Record<string, string> = {
  培训: '《责任督学挂牌督导办法》解读\n督导记录填写规范及案例',
  会议: '上月督导工作情况通报\n本月督导工作安排',
};
const P = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });

/** The event's topic from the 行事历 item: 召开月度督学工作例会，… → 3月督学工作例会. */
function topicOf(content: string, month: number): string {
  if (content.includes('月度督学工作例会')) return `${month}月督学工作例会`;
  return content.replace(/^(召开|组织)/, '').replace(/，.*$/, '');
}

function minutes(kind: string, topic: string, month: number): string {
  return kind === '会议'
    ? [
      `一、督导室通报了${month === 1 ? '上年12' : month - 1}月各责任区经常性督导开展情况、发现的主要问题和整改进展。`,
      '二、各责任区组长汇报了本责任区督导工作，交流了“一月一主题”督导中的好做法。',
      `三、会议部署了${month}月督导工作，要求各责任督学按时完成挂牌学校的经常性督导，督导记录在督导后7日内报送。`,
      '四、对逾期未整改的问题逐一明确跟踪责任人和回查时间。',
    ].join('\n')
    : [
      `一、${topic}由督导室组织，邀请市督导室专家授课。`,
      '二、培训围绕督导规程、督导记录规范填写和问题整改跟踪展开，结合典型案例进行了分析。',
      '三、参训督学分组交流了挂牌督导中的困惑和做法，并完成了学习心得。',
    ].join('\n');
}

/** The events of the year planned in the 行事历 (会议, 培训) up to the end of the coming month, held as planned. */
export function generateTrainings(a: Store, opts: TrainingsOptions): { trainings: number; pieces: number } {
  const rng = createRng(opts.seed + 15);
  const today = todayText(opts.today ?? new Date());
  const horizon = addDays(`${today.slice(0, 7)}-01`, 62).slice(0, 7);
  const office = getSettings(a).officeName;
  const items = a.db.prepare(`SELECT i.id, i.month, i.content, i.category, i.start_date AS startDate FROM calendar_items i
    JOIN calendars c ON c.id = i.calendar_id AND c.deleted_at IS NULL
    WHERE i.deleted_at IS NULL AND i.category IN ('会议', '培训') AND i.month >= ? AND i.month <= ? AND i.month < ?
    ORDER BY i.month, i.seq`).all(`${opts.year}-01`, `${opts.year}-12`, horizon) as
    { id: number; month: string; content: string; category: '会议' | '培训'; startDate: string | null }[];
  const people = a.db.prepare(`SELECT id FROM supervisors WHERE deleted_at IS NULL AND status = '在聘'
    AND category IN (SELECT value FROM json_each(?)) ORDER BY name_pinyin, id`).pluck().all(JSON.stringify(staffCategories(a))) as number[];
  const addPiece = a.db.prepare(`INSERT INTO pieces (kind, title, author_id, year, status, body, body_text, created_at, updated_at)
    VALUES ('学习心得', ?, ?, ?, '已定稿', ?, ?, ?, ?)`);
  let trainings = 0;
  let pieces = 0;
  const seen = new Set<string>();
  for (const it of items) {
    const month = Number(it.month.slice(5));
    const topic = topicOf(it.content, month);
    if (seen.has(topic)) continue;
    seen.add(topic);
    const date = it.startDate ?? `${it.month}-15`;
    const held = date <= today;
    const attendance = people.map((supervisorId): TrainingFields['attendance'][number] => {
      if (!held) return { supervisorId, status: null, note: null };
      const roll = rng.next();
      if (roll < 0.86) return { supervisorId, status: '出席', note: null };
      if (roll < 0.95) return { supervisorId, status: '请假', note: rng.pick(LEAVE_NOTES) };
      return { supervisorId, status: '缺席', note: null };
    });
    saveTraining(a, undefined, {
      kind: it.category, date, topic, organiser: office, place: rng.pick(PLACES), hours: it.category === '培训' ? 3 : 2,
      materials: MATERIALS[it.category], minutes: held ? minutes(it.category, topic, month) : null, calendarItemId: it.id,
      files: [], attendance,
    });
    trainings++;
    if (held && it.category === '培训') {
      const writers = rng.shuffle(attendance.filter((p) => p.status === '出席')).slice(0, rng.int(2, 4));
      for (const w of writers) {
        const text = `参加${topic}后，我对责任督学的职责有了更深的认识。今后在挂牌督导中，我将严格按照督导规程开展工作，`
          + '认真填写督导记录，做到一个亮点、一个问题、一次反馈，跟踪问题整改直至销号。';
        const stamp = `${addDays(date, rng.int(3, 12))} 16:00:00`;
        addPiece.run(`${topic}学习心得`, w.supervisorId, opts.year, JSON.stringify([P(text)]), text, stamp, stamp);
        pieces++;
      }
    }
  }
  savePlan(a, undefined, {
    kind: '年度计划', title: `${opts.year}年度责任督学培训计划`, year: opts.year, period: `${opts.year}年`, files: [],
    body: [
      { type: 'heading', level: 1, text: '一、培训目标' },
      P('提高责任督学依法督导、规范督导的能力，每名督学全年参加集中培训不少于24学时，新聘督学完成岗前培训。'),
      { type: 'heading', level: 1, text: '二、培训内容' },
      { type: 'list', ordered: true, items: ['督导法规和挂牌督导办法', '督导记录规范填写和问题整改跟踪', '专项督导的组织与督导报告撰写', '典型案例研讨'] },
      { type: 'heading', level: 1, text: '三、培训安排' },
      P('每月督学工作例会安排专题学习；3月、8月、11月各组织一次集中业务培训；10月组织赴外县区学习交流。'),
    ],
  });
  savePlan(a, undefined, {
    kind: '五年规划', title: '督学队伍建设五年规划', year: opts.year, period: `${opts.year}—${opts.year + 4}年`, files: [],
    body: [
      { type: 'heading', level: 1, text: '一、总体目标' },
      P('建设一支数量充足、结构合理、业务精湛、作风过硬的责任督学队伍，实现督学专业化、规范化。'),
      { type: 'heading', level: 1, text: '二、主要任务' },
      { type: 'list', ordered: true, items: ['完善督学选聘和退出机制，实行年度考核“能上能下”', '建立分层分类培训体系，五年内实现全员轮训', '建设督导案例库，每年编印督导案例集'] },
    ],
  });
  return { trainings, pieces };
}

/** The year's 考核 under the default 考核办法 (of the STAFF), two deductions with their reasons, finished. */
export function finishDemoAssessment(a: Store, opts: TrainingsOptions): void {
  const year = opts.year;
  const today = todayText(opts.today ?? new Date());
  saveScheme(a, { ...DEFAULT_SCHEME, categories: staffCategories(a) });
  const x = computeAssessment(a, year, today);
  const absent = a.db.prepare(`SELECT ta.supervisor_id AS id, count(*) AS n FROM training_attendance ta
    JOIN trainings t ON t.id = ta.training_id AND t.deleted_at IS NULL
    WHERE ta.status = '缺席' AND t.date >= ? GROUP BY ta.supervisor_id ORDER BY n DESC, id LIMIT 2`).all(`${year}-01-01`) as { id: number; n: number }[];
  const deduction = x.scheme.items.find((i) => i.kind === 'manual');
  if (deduction) {
    for (const p of absent.filter((r) => x.rows.some((row) => row.supervisorId === r.id))) {
      adjustAssessment(a, { id: x.id, supervisorId: p.id, itemKey: deduction.key, points: -Math.min(6, 2 * p.n), comment: `无故缺席督学工作例会或培训${p.n}次` });
    }
  }
  finishAssessment(a, x.id);
}
