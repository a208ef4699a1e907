/**
 * The demo county's work beyond the routine (issue 14), dated back from `today`: a finished 食品安全
 * campaign (its visits, problems 销号, report, 回头看 — some done, one 反弹, some due — and a 约谈), a
 * running 课后服务 campaign in one zone, 督政 problems of units (one open), and a finished 达标监测 round with
 * realistic scores and 满意度测评. Written through the repositories where they take the dates, by SQL where
 * a record's own dates must be in the past.
 */
import type { Store } from '../store';
import { addDays, addMonths } from '../../../shared/dates';
import { round2 } from '../../../shared/indicators';
import type { IndicatorItem } from '../../../shared/schemas/evaluation';
import { campaignFacts } from '../campaigns/facts';
import { proposeReport } from '../campaigns/drafting';
import { saveCampaign, saveReport } from '../campaigns/repository';
import { saveEscalation } from '../escalations';
import { saveIndicatorSet } from '../evaluations/library';
import { createRound, saveScores, saveSurvey } from '../evaluations/rounds';
import { getSettings } from '../settings';
import { saveUnit } from '../units';
import { isoDate } from './people';
import { createRng, type Rng } from './random';
import { ITEM_TEXTS } from './work-visits';

export interface CampaignsOptions { seed: number; today: Date }

const at = (date: string, rng: Rng) => `${date} ${String(rng.int(9, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00`;

/** A weekday on or after `date`. */
function weekday(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 6 ? addDays(date, 2) : dow === 0 ? addDays(date, 1) : date;
}

const AFTER_SCHOOL = {
  checklist: ['课后服务时间安排', '课后服务内容和质量', '收费和经费保障', '安全管理和人员配备'],
  highlights: [
    '学校课后服务实行“1+X”模式，第一时段完成作业辅导，第二时段开设社团活动，学生参与率高。',
    '学校引进非遗剪纸、围棋等特色课程，课后服务内容丰富。',
    '课后服务安排教师轮值，建立了学生签到和离校交接制度。',
  ],
  problems: [
    '课后服务第二时段以自习为主，素质拓展类活动开设不足。',
    '课后服务收费公示不及时，家长知情不够充分。',
    '课后服务结束后学生离校交接记录不完整。',
  ],
};

/** 义务教育学校办学条件达标监测 indicators: 3 一级, 7 二级, 16 scored 三级 (满分100, 达标线 60% of each). */
const MONITORING: [level: 1 | 2 | 3, name: string, max?: number, points?: string][] = [
  [1, '办学条件'],
  [2, '校舍场地'], [3, '生均校舍建筑面积', 7, '小学不低于4.2平方米，初中不低于5.2平方米'], [3, '生均体育运动场馆面积', 7, '小学不低于7.5平方米，初中不低于10.2平方米'],
  [2, '设施设备'], [3, '生均教学仪器设备值', 6, '小学不低于2000元，初中不低于2500元'], [3, '每百名学生拥有网络多媒体教室数', 6, '小学不低于2.3间，初中不低于2.4间'],
  [2, '图书资源'], [3, '生均图书册数', 6, '小学不低于25册，初中不低于35册'], [3, '图书年更新率', 6, '每年新增图书不少于藏书标准的1%'],
  [1, '师资队伍'],
  [2, '教师配备'], [3, '生师比', 7, '达到国家规定的编制标准'], [3, '每百名学生拥有音体美专任教师数', 6, '小学、初中均不低于0.9人'],
  [2, '教师素质'], [3, '高于规定学历教师比例', 6, '小学不低于4.2人/百名学生'], [3, '县级以上骨干教师比例', 6, '每百名学生不低于1人'], [3, '教师年培训学时', 6, '每位教师每年不少于72学时'],
  [1, '教育教学'],
  [2, '课程实施'], [3, '开齐开足国家课程', 7, '按国家课程方案开齐开足，无挤占音体美课时现象'], [3, '课后服务覆盖', 6, '有需求学生全覆盖，每周5天'],
  [2, '质量保障'], [3, '作业管理', 6, '小学一、二年级不布置书面家庭作业，其他年级作业时长达标'], [3, '学生体质健康达标率', 7, '国家学生体质健康标准达标率不低于90%'],
  [3, '教学常规管理', 5, '备课、上课、辅导、评价等环节管理规范'],
];
const REBOUND_NOTE = '复查发现原问题再次出现，整改成果未能保持。';

/** Indicators most schools of a county fall short on (体育场馆, 音体美教师, 体质健康): scored lower. */
const HARD = new Set(['生均体育运动场馆面积', '每百名学生拥有音体美专任教师数', '学生体质健康达标率']);

export function generateCampaigns(a: Store, opts: CampaignsOptions): void {
  const rng = createRng(opts.seed + 14);
  const today = isoDate(opts.today);
  const items = getSettings(a).eightItems;
  const people = a.db.prepare(`SELECT id, name FROM supervisors WHERE deleted_at IS NULL ORDER BY CASE category WHEN '专职督学' THEN 0 ELSE 1 END, id`)
    .all() as { id: number; name: string }[];
  const schools = a.db.prepare(`SELECT id, full_name AS name, type, zone_id AS zoneId FROM schools WHERE deleted_at IS NULL ORDER BY id`)
    .all() as { id: number; name: string; type: string; zoneId: number | null }[];
  if (people.length < 4 || schools.length < 4) return;

  const insertVisit = a.db.prepare(`INSERT INTO visits (school_id, date, type, theme, methods, items, narrative, highlight, feedback, campaign_id,
    created_at, updated_at) VALUES (?, ?, '专项', ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const visitPerson = a.db.prepare('INSERT INTO visit_supervisors (visit_id, supervisor_id) VALUES (?, ?)');
  const visitItem = a.db.prepare('INSERT INTO visit_items (visit_id, item) VALUES (?, ?)');
  const insertProblem = a.db.prepare(`INSERT INTO problems (source, visit_id, campaign_id, campaign, school_id, unit_id, category, description, actor,
    deadline, status, raised_at, closed_at, rework_due, updated_at) VALUES ('专项督导', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const history = a.db.prepare(`INSERT INTO problem_history (problem_id, at, actor, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?)`);
  const followup = a.db.prepare(`INSERT INTO followups (problem_id, campaign_id, due_date, done_date, supervisor_id, result, note, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  /** A problem with its life: each step (date, status, note) up to today. */
  const problem = (p: { visitId: number | null; campaignId: number; campaign: string; schoolId: number | null; unitId: number | null; category: string;
    description: string; actor: string; deadline: string | null; raised: string; steps: [string, string, string][]; reworkDue?: string }) => {
    const steps = p.steps.filter(([d]) => d <= today);
    const last = steps.at(-1);
    const status = last?.[1] ?? '待整改';
    const id = Number(insertProblem.run(p.visitId, p.campaignId, p.campaign, p.schoolId, p.unitId, p.category, p.description, p.actor, p.deadline,
      status, p.raised, status === '已销号' ? last![0] : null, p.reworkDue ?? null, at(last?.[0] ?? p.raised, rng)).lastInsertRowid);
    history.run(id, at(p.raised, rng), a.actor, null, '待整改', `专项督导提出（${p.raised}）`);
    let from = '待整改';
    for (const [date, to, note] of steps) {
      history.run(id, at(date, rng), a.actor, from, to, note);
      from = to;
    }
    return { id, status, closed: status === '已销号' ? last![0] : null };
  };

  const visit = (campaignId: number, theme: string, schoolId: number, schoolName: string, date: string, team: number[], item: number, highlight: string) => {
    const methods = ['巡视校园', '查阅资料', rng.pick(['座谈走访', '问卷调查', '随机听课'])];
    const names = team.map((t) => people.find((p) => p.id === t)!.name).join('、');
    const narrative = `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日，${names}到${schoolName}开展${theme}，${ITEM_TEXTS[item]?.look ?? '查阅了相关资料'}，`
      + '与学校负责人和师生进行了座谈。';
    const id = Number(insertVisit.run(schoolId, date, theme, JSON.stringify(methods), JSON.stringify([items[item]]), narrative, highlight,
      '督导组现场反馈了督导意见，学校表示将对照问题立即整改。', campaignId, at(date, rng), at(date, rng)).lastInsertRowid);
    for (const t of team) visitPerson.run(id, t);
    visitItem.run(id, items[item]);
    return id;
  };

  // ---- Units (督政) ----
  const town = saveUnit(a, undefined, { name: '城关街道办事处', kind: '乡镇（街道）', contact: '综治办', phone: null, notes: null });
  const finance = saveUnit(a, undefined, { name: '区教育局计划财务科', kind: '教育局科室', contact: null, phone: null, notes: null });
  saveUnit(a, undefined, { name: '区市场监督管理局', kind: '县直部门', contact: '食品安全科', phone: null, notes: null });

  // ---- A finished campaign: 食品安全, in the primary schools ----
  const start = weekday(addDays(today, -150));
  const end = addDays(start, 32);
  const team = [people[0].id, people[1].id, people[2].id];
  const food = saveCampaign(a, undefined, {
    name: '食品安全', basisTitle: '关于开展学校食品安全专项督导的通知', basisNumber: `清教督〔${Number(start.slice(0, 4))}〕2号`,
    startDate: start, endDate: end, scopeKind: '学段类型', scopeValue: '小学', checklistKind: '八项事项', checklist: [items[6], items[5]],
    members: team.map((supervisorId, i) => ({ supervisorId, role: i === 0 ? '组长' : '组员' })), followupMonths: 3,
    notes: '联合区市场监督管理局开展', schools: [],
  });
  const foodSchools = a.db.prepare(`SELECT cs.school_id AS id, sc.full_name AS name FROM campaign_schools cs JOIN schools sc ON sc.id = cs.school_id
    WHERE cs.campaign_id = ? ORDER BY sc.id`).all(food) as { id: number; name: string }[];
  const closedFood: { id: number; closed: string }[] = [];
  foodSchools.forEach((s, i) => {
    const date = weekday(addDays(start, 2 + Math.floor((i * 26) / Math.max(1, foodSchools.length))));
    a.db.prepare('UPDATE campaign_schools SET planned_date = ? WHERE campaign_id = ? AND school_id = ?').run(date, food, s.id);
    const pair = [team[i % 3], team[(i + 1) % 3]];
    const v = visit(food, '食品安全专项督导', s.id, s.name, date, pair, 6, rng.pick(ITEM_TEXTS[6].highlights));
    if (i % 5 === 4) return; // a few schools with nothing to rectify
    const texts = rng.shuffle(ITEM_TEXTS[6].problems).slice(0, i % 3 === 0 ? 2 : 1);
    for (const description of texts) {
      const begun = addDays(date, rng.int(1, 3));
      const reported = addDays(begun, rng.int(8, 15));
      const closed = weekday(addDays(reported, rng.int(3, 8)));
      const p = problem({ visitId: v, campaignId: food, campaign: '食品安全', schoolId: s.id, unitId: null, category: items[6], description, actor: '学校',
        deadline: addDays(date, 30), raised: date, steps: [[begun, '整改中', '学校已着手整改'], [reported, '待回查', '学校报告已整改'],
          [closed, '已销号', `回查通过（${people[0].name}，${closed}）：${ITEM_TEXTS[6].fix}`]] });
      if (p.closed) closedFood.push({ id: p.id, closed: p.closed });
    }
  });
  // 督政: street vendors at a school gate (open), a canteen equipment budget (closed).
  problem({ visitId: null, campaignId: food, campaign: '食品安全', schoolId: null, unitId: town, category: items[5],
    description: '城关第一小学、城关第二小学校门口流动摊贩售卖“三无”食品，放学时段占道经营，存在食品安全和交通安全隐患。',
    actor: '区县政府', deadline: addDays(end, 120), raised: addDays(end, -6), steps: [[addDays(end, 2), '整改中', `已向城关街道办事处发出督导建议书`]] });
  problem({ visitId: null, campaignId: food, campaign: '食品安全', schoolId: null, unitId: finance, category: items[6],
    description: '部分农村小学食堂冷藏、消毒设备老化，更新经费未纳入年度预算。',
    actor: '教育局科室', deadline: addDays(end, 60), raised: addDays(end, -4),
    steps: [[addDays(end, 1), '整改中', '已向计划财务科发出协商函'], [addDays(end, 40), '待回查', '计划财务科答复：已追加设备更新经费'],
      [addDays(end, 48), '已销号', '核实经费已下达，设备已招标采购']] });

  // Its report, drafted from its records as of the report's date, then completed.
  const reportDate = weekday(addDays(end, 6));
  saveReport(a, { id: food, title: '关于全区小学食品安全专项督导情况的报告', to: '区人民政府', date: reportDate,
    sections: proposeReport(campaignFacts(a, food, reportDate)) });
  a.db.prepare('UPDATE campaigns SET closed_at = ? WHERE id = ?').run(addDays(reportDate, 1), food);

  // 回头看 three months after each 销号: done (巩固) where due more than two weeks ago, except one 反弹 and the last
  // two, which are due and not yet recorded.
  let rebound: { id: number; done: string } | null = null;
  for (const [k, p] of closedFood.entries()) {
    const due = addMonths(p.closed, 3);
    const done = weekday(addDays(due, rng.int(0, 5)));
    const recorded = due < addDays(today, -14) && done <= today && k < closedFood.length - 2;
    if (recorded && !rebound && k >= 2) {
      const rework = addDays(done, 30);
      followup.run(p.id, food, due, done, team[1], '反弹', REBOUND_NOTE, at(due, rng), at(done, rng));
      a.db.prepare(`UPDATE problems SET status = '整改中', closed_at = NULL, rework_due = ? WHERE id = ?`).run(rework, p.id);
      history.run(p.id, at(done, rng), a.actor, '已销号', '整改中', `回头看发现反弹（${people[1].name}，${done}）：${REBOUND_NOTE.replace(/。$/, '')}，限${rework}前重新整改`);
      rebound = { id: p.id, done };
      continue;
    }
    followup.run(p.id, food, due, recorded ? done : null, recorded ? team[k % 3] : null, recorded ? '巩固' : null,
      recorded ? '整改成果保持良好，未发现反弹。' : null, at(p.closed, rng), at(recorded ? done : p.closed, rng));
  }
  if (rebound) {
    const s = a.db.prepare('SELECT sc.full_name FROM problems p JOIN schools sc ON sc.id = p.school_id WHERE p.id = ?').pluck().get(rebound.id) as string;
    const talk = addDays(rebound.done, 3);
    saveEscalation(a, undefined, { kind: '约谈', date: talk < today ? talk : today, target: `${s}校长`, hosts: '区人民政府教育督导室主任',
      outcome: '学校作出书面整改承诺，一个月内完成整改并报送整改报告。', problemIds: [rebound.id] });
  }

  // ---- A running campaign: 课后服务, in the first zone ----
  const zone = schools.find((s) => s.zoneId)?.zoneId;
  if (zone) {
    const runStart = weekday(addDays(today, -18));
    const runEnd = addDays(today, 27);
    const runTeam = [people[3].id, people[1].id];
    const after = saveCampaign(a, undefined, {
      name: '课后服务', basisTitle: '关于开展义务教育学校课后服务专项督导的通知', basisNumber: `清教督〔${Number(runStart.slice(0, 4))}〕9号`,
      startDate: runStart, endDate: runEnd, scopeKind: '责任区', scopeValue: String(zone), checklistKind: '自定指标', checklist: AFTER_SCHOOL.checklist,
      members: runTeam.map((supervisorId, i) => ({ supervisorId, role: i === 0 ? '组长' : '组员' })), followupMonths: 3, notes: null, schools: [],
    });
    const list = a.db.prepare(`SELECT cs.school_id AS id, sc.full_name AS name FROM campaign_schools cs JOIN schools sc ON sc.id = cs.school_id
      WHERE cs.campaign_id = ? ORDER BY sc.id`).all(after) as { id: number; name: string }[];
    list.forEach((s, i) => {
      const planned = weekday(addDays(runStart, 3 + Math.floor((i * 38) / Math.max(1, list.length))));
      a.db.prepare('UPDATE campaign_schools SET planned_date = ? WHERE campaign_id = ? AND school_id = ?').run(planned > runEnd ? runEnd : planned, after, s.id);
      if (planned > today) return;
      const v = visit(after, '课后服务专项督导', s.id, s.name, planned, runTeam, 2, rng.pick(AFTER_SCHOOL.highlights));
      if (i % 2 === 1) {
        problem({ visitId: v, campaignId: after, campaign: '课后服务', schoolId: s.id, unitId: null, category: items[2],
          description: rng.pick(AFTER_SCHOOL.problems), actor: '学校', deadline: addDays(planned, 20), raised: planned,
          steps: [[addDays(planned, 2), '整改中', '学校已制定整改方案']] });
      }
    });
  }

  // ---- A finished 达标监测 round ----
  const indicators: IndicatorItem[] = MONITORING.map(([level, name, max, points]) => ({
    level, name, points: points ?? null, maxScore: max ?? null, passScore: max ? Math.round(max * 0.6 * 2) / 2 : null,
  }));
  const set = saveIndicatorSet(a, undefined, { name: '义务教育学校办学条件达标监测指标', kind: '达标监测', passScore: 60,
    notes: '依据国家义务教育学校办学标准和省定达标要求制定', indicators });
  const monitored = schools.filter((s) => ['小学', '初中', '九年一贯制'].includes(s.type));
  const roundStart = weekday(addDays(today, -100));
  const roundEnd = addDays(roundStart, 35);
  const round = createRound(a, set, {
    name: `${Number(roundEnd.slice(0, 4))}年义务教育学校办学条件达标监测`, kind: '达标监测', year: Number(roundEnd.slice(0, 4)),
    startDate: roundStart, endDate: roundEnd, passScore: 60,
    grades: [{ name: '优秀', min: 90 }, { name: '良好', min: 80 }, { name: '合格', min: 60 }], schoolIds: monitored.map((s) => s.id),
    summary: '从监测结果看，全区义务教育学校办学条件总体达标，但体育运动场馆面积、音体美专任教师配备和学生体质健康三项指标达标率偏低，'
      + '城乡之间差距仍然明显。\n建议：一是将未达标学校纳入年度改薄计划，优先保障体育场地建设；二是通过“县管校聘”和走教方式补齐音体美教师；'
      + '三是落实每天校内外各1小时体育活动时间，提高学生体质健康达标率。',
  });
  const leaves = a.db.prepare(`SELECT id, name, max_score AS max FROM eval_indicators WHERE round_id = ? AND max_score IS NOT NULL ORDER BY seq`)
    .all(round) as { id: number; name: string; max: number }[];
  const scorers = [people[0].name, people[2].name];
  monitored.forEach((s, i) => {
    const quality = 0.48 + rng.next() * 0.5;
    saveScores(a, { id: round, schoolId: s.id, scorer: scorers[i % 2], scores: leaves.map((l) => {
      const k = Math.max(0.2, Math.min(1, quality + (rng.next() - 0.5) * 0.2 - (HARD.has(l.name) ? 0.3 : 0)));
      return { indicatorId: l.id, score: round2(Math.round(l.max * k * 2) / 2), note: k < 0.6 ? '未达到标准要求' : null, evidence: [] };
    }) });
    const parents = rng.int(80, 160);
    const unhappy = Math.round(parents * (0.02 + (1 - quality) * 0.12));
    const fair = Math.round(parents * (0.1 + rng.next() * 0.1));
    saveSurvey(a, { id: round, schoolId: s.id, respondent: '家长', satisfied: parents - unhappy - fair, fair, unsatisfied: unhappy });
    const teachers = rng.int(20, 60);
    const tFair = Math.round(teachers * 0.12);
    saveSurvey(a, { id: round, schoolId: s.id, respondent: '教师', satisfied: teachers - tFair - 1, fair: tFair, unsatisfied: 1 });
  });
  a.db.prepare(`UPDATE eval_scores SET scored_at = ? WHERE round_id = ?`).run(`${roundEnd} 16:00:00`, round);
  a.db.prepare('UPDATE eval_rounds SET closed_at = ? WHERE id = ?').run(addDays(roundEnd, 10) <= today ? addDays(roundEnd, 10) : today, round);
}
