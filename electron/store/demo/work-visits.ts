import type { Store } from '../store';
import { addDays } from '../../../shared/dates';
import { noticeNumberText } from '../../../shared/labels';
import { getSettings } from '../settings';
import { createRng, type Rng } from './random';
import { isoDate } from './people';
import { VISIT_METHODS } from '../../../shared/vocab';

export interface VisitsOptions {
  /** The natural year to fill (January to December, nothing after `today`). */
  year: number;
  seed: number;
  /** Regular visits per school per month (default 1, the national floor). */
  visitsPerSchoolPerMonth?: number;
  /** Expected problems raised per visit (default ~1 in 3, as in the "三五七" practice). */
  problemsPerVisit?: number;
  /** Nothing happens after this day (default: now). */
  today?: Date;
}

export interface GeneratedWork {
  visits: number;
  problems: number;
  notices: number;
  rechecks: number;
}

// ---- Text pools. Index i belongs to the i-th of the eight items (an office that renamed its items
// keeps sensible texts, since the order of the eight is fixed nationally). ----

interface ItemTexts { look: string; problems: string[]; highlights: string[]; fix: string; failed: string }
export const ITEM_TEXTS: ItemTexts[] = [
  {
    look: '查阅了学校管理制度汇编、行政会议记录和校务公开资料',
    problems: [
      '学校“三重一大”集体决策记录不完整，部分会议纪要缺少参会人员签字。',
      '校务公开栏内容更新不及时，本学期收费项目和评优评先结果未公示。',
      '学校规章制度汇编多年未修订，部分制度与现行管理规范不一致。',
      '教师考勤和请假审批记录不规范，部分请假条缺少审批意见。',
      '学校档案管理不规范，近两年督导整改资料未按要求分类归档。',
    ],
    highlights: [
      '学校建立“校长周查、中层日查”工作机制，校务管理规范有序。',
      '校务公开栏内容完整，收费、招生、评优等信息均按要求公示。',
      '学校制度汇编齐全，教代会审议程序规范，民主管理落实到位。',
    ],
    fix: '修订完善了学校管理制度，补齐了会议记录和公示资料，并指定专人负责定期更新',
    failed: '部分制度修订仍停留在文本层面，执行记录不全',
  },
  {
    look: '核查了本学期收费公示、学籍管理和招生入学资料',
    problems: [
      '学校代收教辅材料费未严格执行“一教一辅”和家长自愿原则。',
      '招生工作资料归档不完整，部分学生学籍信息与实际就读情况不一致。',
      '食堂代收伙食费的收支明细未按月向家长公示。',
      '个别班级存在统一征订课外读物的情况。',
    ],
    highlights: [
      '严格执行划片招生、免试就近入学政策，招生信息公开透明。',
      '收费项目、标准、依据均在校门口公示栏公示，无违规收费现象。',
    ],
    fix: '清理了代收费项目，退还了不符合规定的费用，并在校务公开栏按月公示收支明细',
    failed: '收支明细公示仍不及时，部分退费凭证缺失',
  },
  {
    look: '随机听课，检查了课程表、教案和作业批改情况',
    problems: [
      '课程表与实际上课情况不一致，部分班级的音乐、美术课被语文、数学课占用。',
      '学校未按课程方案开足劳动教育课程，每周课时不足1节。',
      '部分教师备课不充分，教案存在照搬网络资源、缺少教学反思的情况。',
      '科学实验课开出率偏低，实验室仪器使用记录不全。',
      '信息科技课程因设备老化无法正常开设。',
    ],
    highlights: [
      '学校严格按照课程方案开齐开足课程，课表、作息时间表和实际教学一致。',
      '随堂听课的课堂教学目标明确，师生互动充分，学生参与度高。',
      '学校开设了丰富的校本课程，社团活动有序开展。',
    ],
    fix: '重新核定了课程表并张贴公示，由教导处每日巡课，确保各学科按课表上课',
    failed: '巡课记录显示仍有个别班级存在调课未登记的情况',
  },
  {
    look: '观看了大课间活动，抽查了学生作业和课后服务安排',
    problems: [
      '学生每天校内体育活动时间不足1小时，大课间活动组织不够规范。',
      '部分班级书面作业总量偏多，超出“双减”规定的时长要求。',
      '课后服务内容以作业辅导为主，缺少体育、艺术、科普类活动。',
      '学生体质健康测试结果未按要求反馈家长。',
      '近视防控措施落实不到位，部分教室照明和课桌椅高度未按标准调整。',
    ],
    highlights: [
      '学校落实“双减”要求，建立作业公示和统筹制度，作业总量控制较好。',
      '大课间活动形式多样，学生每天校内体育活动时间有保障。',
      '课后服务开设了足球、书法、合唱等多个项目，学生参与率高。',
    ],
    fix: '建立了班级作业公示和年级统筹制度，调整了大课间和课后服务安排',
    failed: '抽查发现个别班级作业总量仍然偏多',
  },
  {
    look: '与部分教师进行了座谈，查阅了师德档案和校本研修记录',
    problems: [
      '学校师德师风档案不完整，部分教师师德承诺书未签订。',
      '教师参加继续教育学时未达标，校本研修记录流于形式。',
      '学校对教师有偿补课问题的排查和承诺工作不到位。',
      '新入职教师培养计划不具体，师徒结对活动记录缺失。',
    ],
    highlights: [
      '学校开展“青蓝工程”，老教师带新教师成效明显。',
      '师德师风建设常抓不懈，建立了师德考核负面清单。',
      '教研活动扎实，每周固定时间集体备课，教师专业成长档案齐全。',
    ],
    fix: '组织全体教师重新签订师德承诺书，完善了师德档案和校本研修记录',
    failed: '师德档案仍有缺项，有偿补课排查记录不完整',
  },
  {
    look: '巡视了校园门卫、消防设施和周边交通情况',
    problems: [
      '学校门卫值守不到位，外来人员进出校园登记不规范。',
      '部分消防器材过期未更换，消防通道有杂物堆放。',
      '校园监控存在盲区，部分摄像头损坏未及时维修。',
      '学校门口道路缺少减速带和交通警示标志，上下学时段交通秩序较乱。',
      '学生接送车辆管理不规范，有学生乘坐无资质车辆上下学。',
      '应急疏散演练记录不全，本学期未按要求开展演练。',
    ],
    highlights: [
      '学校落实“护学岗”制度，上下学时段有教师和家长志愿者值守。',
      '安全隐患排查台账清晰，发现问题能及时整改销号。',
      '校园“一键报警”和视频监控系统运行正常，已与公安联网。',
    ],
    fix: '更换了过期消防器材，清理了消防通道，维修了损坏的监控设备，并完善了门卫登记制度',
    failed: '门卫登记仍不规范，部分隐患未整改到位',
  },
  {
    look: '检查了食堂后厨、食品留样和学生宿舍',
    problems: [
      '食堂食品留样记录不完整，部分留样量不足125克。',
      '食堂个别从业人员健康证过期未及时更换。',
      '食材进货查验记录不全，缺少部分供货商资质证明。',
      '学生宿舍内务管理不到位，通风不良，存在私拉电线现象。',
      '饮水设备滤芯未按期更换，缺少水质检测报告。',
      '校领导陪餐记录不连续，家长陪餐制度未落实。',
    ],
    highlights: [
      '食堂实行“明厨亮灶”，操作规范，环境整洁。',
      '落实校领导陪餐制度，陪餐记录完整。',
      '学生宿舍管理规范，生活老师24小时值班。',
    ],
    fix: '规范了食品留样和进货查验，督促从业人员更新健康证，落实了校领导陪餐制度',
    failed: '进货查验记录仍有缺失，部分供货商资质未补齐',
  },
  {
    look: '走访了班级，观察了学生课间活动和校园文化建设',
    problems: [
      '校园文化建设主题不突出，部分宣传栏内容陈旧。',
      '学生行为习惯养成教育不够扎实，课间追逐打闹现象较多。',
      '班级文化建设不均衡，部分班级缺少班规和班级特色。',
      '家校沟通机制不健全，家长学校活动开展次数偏少。',
    ],
    highlights: [
      '学校以立德树人为根本，校园文化氛围浓厚。',
      '学生文明礼仪良好，见到老师和来宾主动问好。',
      '家长学校活动丰富，家校共育效果良好。',
    ],
    fix: '更新了校园宣传栏内容，开展了文明礼仪主题教育，制定了家长学校活动计划',
    failed: '班级文化建设仍不均衡，家长学校活动未按计划开展',
  },
];

/** A month's theme when no 行事历 sets one, and the item it leans on (一月一主题). */
const MONTH_THEMES: [theme: string, item: number][] = [
  ['寒假安全教育和假期作业布置情况', 5], ['春季开学准备和校园安全工作', 5], ['学校课程开设和课后服务情况', 2],
  ['学校思政课开设情况', 2], ['食品安全和校园周边环境治理', 6], ['防溺水安全教育和期末工作', 5],
  ['暑期安全和校外培训机构治理', 1], ['秋季开学准备工作', 0], ['新学期开学工作和招生入学情况', 1],
  ['学生体质健康和大课间活动', 3], ['教师师德师风建设', 4], ['作业管理和学生课业负担', 3],
];

// 专项 visits belong to a campaign: the demo's campaigns make their own (./work-campaigns.ts).
const TYPES = ['经常性', '综合', '定向', '应访', '回查'] as const;
const TYPE_WEIGHTS = [88, 2, 3, 3, 4];

const OPENINGS = [
  '{sups}到{school}开展{type}督导，围绕“{theme}”，',
  '根据本月督导工作安排，{sups}深入{school}，就“{theme}”开展{type}督导，',
  '{sups}一行到{school}进行{type}督导，重点了解“{theme}”落实情况，',
];
const MIDDLES = [
  '督导组采取{methods}等方式，{looks}。',
  '通过{methods}，{looks}，并与校长、中层干部交流了学校近期工作。',
  '督导中，督学{looks}，采用{methods}等方式全面了解情况。',
];
const CLOSINGS = [
  '总体来看，学校各项工作开展正常，师生精神面貌良好。',
  '学校整体工作有序推进，但在细节管理上仍有提升空间。',
  '学校对督导工作高度重视，校长全程陪同并如实介绍了情况。',
  '从督导情况看，学校落实上级部署较为扎实，个别环节需进一步规范。',
];
const FEEDBACKS = [
  '督导结束后，督学向校长反馈了本次督导发现的亮点和问题，要求学校对照问题制定整改方案，明确责任人和时限。',
  '现场向学校班子反馈了督导意见，肯定了学校的做法，并就存在的问题提出了具体整改建议，校长表示将立即组织整改。',
  '督学与学校负责人进行了面对面交流，通报了督导情况，建议学校进一步细化管理措施，把问题整改落到实处。',
  '现场反馈意见已与学校达成一致，学校承诺按期整改，并将整改情况书面报送督导室。',
];
const NO_PROBLEM_FEEDBACK = '督学向学校反馈了督导情况，对学校工作给予肯定，希望学校保持良好态势，持续巩固提升。';
const REQUIREMENTS = [
  '请你校高度重视，对照问题逐项整改，并于整改期限内将整改报告（附佐证材料）报送区人民政府教育督导室。',
  '请你校立即组织整改，明确责任人和整改措施，按期书面报告整改情况，督导室将适时回查。',
];
const PASS_NOTES = [
  '经现场回查，学校已按要求完成整改，相关资料齐全，同意销号。',
  '回查确认整改措施已落实到位，佐证材料完整，予以销号。',
];

const DAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'];

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

function cnDate(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** A random school day of the month (Monday to Friday). */
function schoolDay(rng: Rng, year: number, month: number): string {
  const days = new Date(year, month, 0).getDate();
  for (;;) {
    const d = new Date(year, month - 1, rng.int(1, days));
    if (d.getDay() !== 0 && d.getDay() !== 6) return isoDate(d);
  }
}

function laterDay(rng: Rng, date: string, min: number, max: number): string {
  let d = addDays(date, rng.int(min, max));
  const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
  if (dow === 6) d = addDays(d, 2);
  if (dow === 0) d = addDays(d, 1);
  return d;
}

const time = (rng: Rng, fromHour: number, toHour: number) =>
  `${String(rng.int(fromHour, toHour)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00`;

interface School { id: number; name: string; team: number[] }
interface Person { id: number; name: string }

/** The rows one problem's life writes: status changes (date, to, note) and its notice, if any. */
interface Step { date: string; to: string; note: string }
interface PlannedProblem {
  visitId: number; schoolId: number; source: string; campaign: string | null; category: string; description: string;
  actor: string; deadline: string | null; raisedAt: string; steps: Step[]; notice: PlannedNotice | null; item: number;
}
interface PlannedNotice {
  schoolId: number; schoolName: string; issued: string; days: number; requirement: string;
  report: { date: string; text: string } | null; rechecks: { date: string; supervisorId: number; result: string; note: string }[];
  problems: PlannedProblem[];
}

/**
 * Write a year of the office's work for the live schools and supervisors already in the archive:
 * each school visited about monthly by its own supervisors (责任督学 first), realistic record texts,
 * problems across the eight items, 整改通知书 numbered per year with reports and 回查 (some 退回,
 * a few overdue). Prepared statements in one transaction, no audit lines (the caller logs the load).
 */
export function generateVisitsAndProblems(a: Store, opts: VisitsOptions): GeneratedWork {
  const rng = createRng(opts.seed);
  const today = isoDate(opts.today ?? new Date());
  const perMonth = opts.visitsPerSchoolPerMonth ?? 1;
  const problemRate = opts.problemsPerVisit ?? 0.35;
  const items = getSettings(a).eightItems;
  const itemName = (i: number) => items[i % items.length];
  const actor = a.actor;

  const people = new Map((a.db.prepare('SELECT id, name FROM supervisors WHERE deleted_at IS NULL ORDER BY id').all() as Person[])
    .map((p) => [p.id, p.name]));
  if (people.size === 0) return { visits: 0, problems: 0, notices: 0, rechecks: 0 };
  const everyone = [...people.keys()];
  // Each school's team: its 责任督学 first, then A角/B角 and the others listed there.
  const ROLE_ORDER = `CASE asg.role WHEN '责任督学' THEN 0 WHEN 'A角' THEN 1 WHEN 'B角' THEN 2 ELSE 3 END`;
  const teamRows = a.db.prepare(`SELECT asg.school_id AS schoolId, asg.supervisor_id AS supervisorId FROM assignments asg
    JOIN supervisors s ON s.id = asg.supervisor_id AND s.deleted_at IS NULL
    WHERE asg.deleted_at IS NULL ORDER BY asg.school_id, ${ROLE_ORDER}, asg.id`).all() as { schoolId: number; supervisorId: number }[];
  const schools: School[] = (a.db.prepare(`SELECT sc.id, sc.full_name AS name, z.leader_id AS leader FROM schools sc
    LEFT JOIN zones z ON z.id = sc.zone_id AND z.deleted_at IS NULL
    WHERE sc.deleted_at IS NULL ORDER BY sc.id`).all() as { id: number; name: string; leader: number | null }[])
    .map((s) => {
      const team = [...new Set(teamRows.filter((t) => t.schoolId === s.id).map((t) => t.supervisorId))];
      if (!team.length && s.leader && people.has(s.leader)) team.push(s.leader);
      if (!team.length) team.push(everyone[s.id % everyone.length]);
      return { id: s.id, name: s.name, team };
    });

  const themeOf = a.db.prepare(`SELECT cm.theme FROM calendar_months cm JOIN calendars c ON c.id = cm.calendar_id AND c.deleted_at IS NULL
    WHERE cm.month = ? AND coalesce(cm.theme, '') <> '' ORDER BY c.id DESC LIMIT 1`).pluck();
  const regularItemOf = a.db.prepare(`SELECT i.id FROM calendar_items i JOIN calendars c ON c.id = i.calendar_id AND c.deleted_at IS NULL
    WHERE i.month = ? AND i.category = '经常性' AND i.deleted_at IS NULL ORDER BY c.id DESC, i.seq LIMIT 1`).pluck();

  const insertVisit = a.db.prepare(`INSERT INTO visits (school_id, date, type, theme, methods, items, narrative, highlight,
    feedback, calendar_item_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertVisitSupervisor = a.db.prepare('INSERT INTO visit_supervisors (visit_id, supervisor_id) VALUES (?, ?)');
  const insertVisitItem = a.db.prepare('INSERT INTO visit_items (visit_id, item) VALUES (?, ?)');
  const insertNotice = a.db.prepare(`INSERT INTO notices (year, number, school_id, issued_date, deadline_days, deadline_date,
    requirement, report_text, report_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertRecheck = a.db.prepare(`INSERT INTO rechecks (notice_id, date, supervisor_id, result, note, created_at)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const insertProblem = a.db.prepare(`INSERT INTO problems (source, visit_id, complaint_id, campaign, school_id, category,
    description, actor, deadline, status, notice_id, raised_at, closed_at, updated_at)
    VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertHistory = a.db.prepare(`INSERT INTO problem_history (problem_id, at, actor, from_status, to_status, note)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const nextNumber = a.db.prepare('SELECT coalesce(max(number), 0) + 1 FROM notices WHERE year = ?').pluck();

  return a.db.transaction((): GeneratedWork => {
    const planned: PlannedProblem[] = [];
    const notices: PlannedNotice[] = [];
    let visits = 0;

    for (let month = 1; month <= 12; month++) {
      const ym = `${opts.year}-${String(month).padStart(2, '0')}`;
      const [defaultTheme, themeItem] = MONTH_THEMES[month - 1];
      const theme = (themeOf.get(ym) as string | undefined) ?? defaultTheme;
      const calendarItem = (regularItemOf.get(ym) as number | undefined) ?? null;
      for (const school of schools) {
        for (let k = 0; k < perMonth; k++) {
          const date = schoolDay(rng, opts.year, month);
          if (date > today) continue;
          const type = rng.weighted(TYPES, TYPE_WEIGHTS);
          const visitTheme = theme;
          const leanItem = themeItem;
          const team = school.team.slice(0, 1 + (school.team.length > 1 && rng.chance(0.4) ? 1 : 0));
          const itemIdx = [...new Set([leanItem, ...rng.shuffle([0, 1, 2, 3, 4, 5, 6, 7]).slice(0, rng.int(0, 2))])];
          const methods = [...new Set(['巡视校园', ...rng.shuffle(VISIT_METHODS.slice(1, 7)).slice(0, rng.int(1, 3))])];
          const sups = team.map((id) => people.get(id)!).join('、');
          const nProblems = Math.floor(problemRate) + (rng.chance(problemRate - Math.floor(problemRate)) ? 1 : 0);
          const narrative = `${cnDate(date)}（星期${DAY_NAMES[new Date(`${date}T00:00:00Z`).getUTCDay()]}），`
            + fill(rng.pick(OPENINGS), { sups, school: school.name, type, theme: visitTheme })
            + fill(rng.pick(MIDDLES), { methods: methods.join('、'), looks: itemIdx.map((i) => ITEM_TEXTS[i].look).join('，') })
            + rng.pick(CLOSINGS);
          const stamp = `${date} ${time(rng, 15, 18)}`;
          const visitId = Number(insertVisit.run(school.id, date, type, visitTheme, JSON.stringify(methods),
            JSON.stringify(itemIdx.map(itemName)), narrative, rng.pick(ITEM_TEXTS[rng.pick(itemIdx)].highlights),
            nProblems ? rng.pick(FEEDBACKS) : NO_PROBLEM_FEEDBACK, type === '经常性' ? calendarItem : null, stamp, stamp).lastInsertRowid);
          for (const sid of team) insertVisitSupervisor.run(visitId, sid);
          for (const i of itemIdx) insertVisitItem.run(visitId, itemName(i));
          visits++;

          const mine: PlannedProblem[] = [];
          const usedTexts = new Set<string>();
          for (let n = 0; n < nProblems; n++) {
            const item = rng.chance(0.7) ? rng.pick(itemIdx) : rng.int(0, 7);
            const description = rng.pick(ITEM_TEXTS[item].problems);
            if (usedTexts.has(description)) continue;
            usedTexts.add(description);
            const actorRoll = rng.next();
            mine.push({
              visitId, schoolId: school.id, item, category: itemName(item), description,
              source: '督导记录', campaign: null,
              actor: actorRoll < 0.92 ? '学校' : actorRoll < 0.98 ? '教育局科室' : '区县政府',
              deadline: rng.chance(0.5) ? addDays(date, rng.pick([15, 30])) : null,
              raisedAt: date, steps: [], notice: null,
            });
          }
          planned.push(...mine);
          const toNotice = mine.filter((p) => p.actor === '学校');
          if (toNotice.length && rng.chance(0.7)) {
            const n = planNotice(rng, school, toNotice, date, today);
            if (n) notices.push(n);
          }
          for (const p of mine.filter((x) => !x.notice)) planDirect(rng, p, today);
        }
      }
    }

    // Number the notices in the order they were issued, per year, after any already in the archive.
    notices.sort((x, y) => (x.issued < y.issued ? -1 : x.issued > y.issued ? 1 : 0));
    const numbers = new Map<number, number>();
    const noticeIds = new Map<PlannedNotice, number>();
    let rechecks = 0;
    for (const n of notices) {
      const year = Number(n.issued.slice(0, 4));
      const number = numbers.get(year) ?? (nextNumber.get(year) as number);
      numbers.set(year, number + 1);
      const id = Number(insertNotice.run(year, number, n.schoolId, n.issued, n.days, addDays(n.issued, n.days), n.requirement,
        n.report?.text ?? null, n.report?.date ?? null, `${n.issued} ${time(rng, 9, 11)}`).lastInsertRowid);
      noticeIds.set(n, id);
      for (const r of n.rechecks) {
        insertRecheck.run(id, r.date, r.supervisorId, r.result, r.note, `${r.date} ${time(rng, 14, 17)}`);
        rechecks++;
      }
      const numberText = noticeNumberText(year, number);
      for (const p of n.problems) p.steps[0].note = `下发整改通知书${numberText}`;
    }

    for (const p of planned) {
      const last = p.steps[p.steps.length - 1];
      const status = last?.to ?? '待整改';
      const closed = status === '已销号' ? last.date : null;
      const updated = `${last?.date ?? p.raisedAt} ${time(rng, 9, 17)}`;
      const id = Number(insertProblem.run(p.source, p.visitId, p.campaign, p.schoolId, p.category, p.description, p.actor,
        p.deadline, status, p.notice ? noticeIds.get(p.notice)! : null, p.raisedAt, closed, updated).lastInsertRowid);
      insertHistory.run(id, `${p.raisedAt} ${time(rng, 15, 18)}`, actor, null, '待整改', `督导记录提出（${p.raisedAt}）`);
      let from = '待整改';
      for (const s of p.steps) {
        insertHistory.run(id, `${s.date} ${time(rng, 9, 17)}`, actor, from, s.to, s.note);
        from = s.to;
      }
    }
    return { visits, problems: planned.length, notices: notices.length, rechecks };
  })();

  /** A notice a few days after the visit; then the school's report and the 回查 (sometimes 退回 first). */
  function planNotice(rng: Rng, school: School, problems: PlannedProblem[], visitDate: string, today: string): PlannedNotice | null {
    const issued = laterDay(rng, visitDate, 2, 7);
    if (issued > today) return null;
    const days = rng.pick([15, 20, 30, 30]);
    const deadline = addDays(issued, days);
    const n: PlannedNotice = {
      schoolId: school.id, schoolName: school.name, issued, days, requirement: rng.pick(REQUIREMENTS),
      report: null, rechecks: [], problems,
    };
    const all = (date: string, to: string, note: string) => problems.forEach((p) => p.steps.push({ date, to, note }));
    for (const p of problems) p.notice = n;
    all(issued, '整改中', '');
    // A few schools never report (overdue once the deadline passes); some report late.
    const roll = rng.next();
    if (roll < 0.06) return n;
    let reportDate = roll < 0.14 ? laterDay(rng, deadline, 1, 10) : laterDay(rng, issued, 5, Math.max(6, days - 2));
    const inspector = school.team[0];
    const fixes = [...new Set(problems.map((p) => ITEM_TEXTS[p.item].fix))].join('；');
    for (let round = 0; round < 3; round++) {
      if (reportDate > today) return n;
      n.report = {
        date: reportDate,
        text: `${school.name}关于整改情况的报告：针对督导室指出的问题，学校召开专题会议研究部署，${fixes}。`
          + `${round ? '针对回查中指出的不足，学校再次逐项落实，' : ''}现将整改情况报告如下，请予回查。`,
      };
      all(reportDate, '待回查', `学校提交整改报告（${reportDate}）`);
      const checkDate = laterDay(rng, reportDate, 3, 12);
      if (checkDate > today) return n;
      const pass = round > 0 || rng.chance(0.85);
      const name = people.get(inspector)!;
      if (pass) {
        const note = rng.pick(PASS_NOTES);
        n.rechecks.push({ date: checkDate, supervisorId: inspector, result: '通过', note });
        all(checkDate, '已销号', `回查通过（${name}，${checkDate}）：${note}`);
        return n;
      }
      const note = `经现场回查，${ITEM_TEXTS[problems[0].item].failed}，要求学校继续整改。`;
      n.rechecks.push({ date: checkDate, supervisorId: inspector, result: '未通过', note });
      all(checkDate, '整改中', `退回：回查未通过（${name}，${checkDate}）：${note}`);
      reportDate = laterDay(rng, checkDate, 5, 15);
    }
    return n;
  }

  /** A problem the school fixes without a notice: on the spot, or followed up at the next visit. */
  function planDirect(rng: Rng, p: PlannedProblem, today: string): void {
    if (rng.chance(0.12)) return; // still 待整改 (overdue if it had a deadline that passed)
    const steps: Step[] = [];
    const start = laterDay(rng, p.raisedAt, 1, 5);
    const done = laterDay(rng, start, 7, 25);
    const check = laterDay(rng, done, 3, 20);
    steps.push({ date: start, to: '整改中', note: '学校已着手整改' });
    steps.push({ date: done, to: '待回查', note: '学校报告已整改' });
    steps.push({ date: check, to: '已销号', note: '督学下次督导时核实已整改到位' });
    p.steps = steps.filter((s) => s.date <= today);
  }
}
