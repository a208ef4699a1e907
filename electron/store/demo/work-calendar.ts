import type { Store } from '../store';
import { changeStatus, raiseProblem } from '../problems/workflow';
import { getSettings } from '../settings';
import { createRng, type Rng } from './random';
import { isoDate } from './people';
import { monthsBetween } from '../../../shared/schemas/calendar';
// The demo's complaints keep the topics they were written for (the office's list adds 课业负担).
const COMPLAINT_TOPICS = ['入学', '管理', '师德', '周边环境', '其他'] as const;
import { addDays } from '../../../shared/dates';
import { itemSpan, parseTiming } from '../../../shared/calendar-timing';

export interface CalendarOptions {
  /**
   * The natural year the demo's records cover. Two calendars overlap it: the (year-1)—year 学年
   * (September to August) and the year—(year+1) 第一学期 (September to January), so every month of the
   * year has its theme and items.
   */
  year: number;
  seed: number;
  /** Complaints spread over the year (default 40; a benchmark may ask for 20,000). */
  complaints?: number;
  /** Share of handled complaints with a school that raise a problem (default 0.2)… */
  problemRate?: number;
  /** …but at most this many (default 60): each goes through the problems repository, which is slower. */
  maxProblems?: number;
  /** Nothing happens after this day (default: now). */
  today?: Date;
}

export interface GeneratedCalendar {
  calendars: number;
  items: number;
  complaints: number;
  problems: number;
}

// ---- Text pools ----

/** 一月一主题, January first; the same themes the demo's visit records use. */
const MONTH_THEMES = [
  '寒假安全教育和假期作业布置情况', '春季开学准备和校园安全工作', '学校课程开设和课后服务情况',
  '学校思政课开设情况', '食品安全和校园周边环境治理', '防溺水安全教育和期末工作',
  '暑期安全和校外培训机构治理', '秋季开学准备工作', '新学期开学工作和招生入学情况',
  '学生体质健康和大课间活动', '教师师德师风建设', '作业管理和学生课业负担',
];

type Category = '经常性' | '专项' | '综合' | '会议' | '培训' | '其他';
interface PlanItem { content: string; category: Category; dated?: 'day' | 'range'; schools?: boolean }

/** The month's own work (January first), besides the regular visit and the monthly meeting. */
const MONTH_ITEMS: PlanItem[][] = [
  [{ content: '开展学期末学校安全工作专项检查', category: '专项', dated: 'range', schools: true },
    { content: '撰写本学期督导工作总结，统计各责任区督导数据', category: '其他' },
    { content: '布置寒假期间校外培训机构巡查工作', category: '专项', dated: 'range' }],
  [{ content: '开展春季开学工作专项督导', category: '专项', dated: 'range', schools: true },
    { content: '制定本学期责任督学培训计划', category: '培训' }],
  [{ content: '开展“双减”工作落实情况专项督导', category: '专项', dated: 'range', schools: true },
    { content: '组织责任督学业务培训（督导记录规范填写）', category: '培训', dated: 'day' },
    { content: '对上学期整改事项开展回查', category: '经常性' }],
  [{ content: '开展学校思政课开设情况专项调研', category: '专项', dated: 'range', schools: true },
    { content: '对两所学校开展综合督导评估', category: '综合', dated: 'range', schools: true },
    { content: '编印第一季度督导工作简报', category: '其他' }],
  [{ content: '联合市场监管部门开展食堂食品安全专项检查', category: '专项', dated: 'range', schools: true },
    { content: '开展校园周边环境综合治理督导', category: '专项', dated: 'range' },
    { content: '组织督导案例交流会', category: '会议', dated: 'day' }],
  [{ content: '开展防溺水安全教育专项督导', category: '专项', dated: 'range', schools: true },
    { content: '督查期末考试组织与考风考纪', category: '经常性', dated: 'range' }],
  [{ content: '开展暑期校外培训机构专项治理', category: '专项', dated: 'range' },
    { content: '召开上半年督导工作总结会', category: '会议', dated: 'day' },
    { content: '整理上半年督导档案，完成整改台账核对', category: '其他' }],
  [{ content: '开展秋季开学准备工作专项督导', category: '专项', dated: 'range', schools: true },
    { content: '制定新学年督导工作行事历', category: '其他' },
    { content: '组织新聘责任督学岗前培训', category: '培训', dated: 'day' }],
  [{ content: '开展新学期开学工作专项督导', category: '专项', dated: 'range', schools: true },
    { content: '检查招生入学和学籍管理工作', category: '经常性' },
    { content: '更新学校责任督学挂牌公示牌信息', category: '其他' }],
  [{ content: '开展学生体质健康和大课间活动专项督导', category: '专项', dated: 'range', schools: true },
    { content: '组织责任督学赴外县区学习交流', category: '培训', dated: 'range' },
    { content: '对三所学校开展综合督导评估', category: '综合', dated: 'range', schools: true }],
  [{ content: '开展师德师风建设情况专项督导', category: '专项', dated: 'range', schools: true },
    { content: '开展中小学校园欺凌防治专项检查', category: '专项', dated: 'range' },
    { content: '组织督导业务培训（问题整改跟踪）', category: '培训', dated: 'day' }],
  [{ content: '开展作业管理和课业负担专项督导', category: '专项', dated: 'range', schools: true },
    { content: '开展督学年度考核', category: '其他', dated: 'range' },
    { content: '编写年度督导大事记和督导工作总结', category: '其他' }],
];

/**
 * The 第一学期 (September to January) as an office publishes it: 25 items numbered through the term, each
 * month opening with its regular visits, timings in weeks, 旬 and dates, 牵头 and 配合 units, one item
 * running from December into January. Month numbers are the term's own (9 … 1).
 */
interface TermItem { month: number; content: string; category: Category; timing?: string; lead: string; partners?: string; schools?: boolean }
const REGULAR = (month: number): TermItem => ({ month, content: '', category: '经常性', lead: '各责任区' });
const TERM_PLAN: TermItem[] = [
  REGULAR(9),
  { month: 9, content: '开展秋季开学工作专项督导，重点检查开学准备、校舍安全和收费公示情况', category: '专项', timing: '第1周', lead: '督导室', partners: '各责任区', schools: true },
  { month: 9, content: '召开全体督学工作会议，部署本学期督导工作', category: '会议', timing: '9月上旬', lead: '督导室' },
  { month: 9, content: '检查招生入学和学籍管理工作，核查“阳光招生”政策落实情况', category: '专项', timing: '9月中旬', lead: '督导室', partners: '基础教育科' },
  { month: 9, content: '更新学校责任督学挂牌公示牌信息', category: '其他', lead: '各责任区' },
  REGULAR(10),
  { month: 10, content: '开展学生体质健康和大课间活动专项督导，抽查体育课开足开齐情况', category: '专项', timing: '10月中旬', lead: '督导室', partners: '体卫艺科', schools: true },
  { month: 10, content: '组织责任督学赴外县区学习交流', category: '培训', timing: '第7周', lead: '督导室' },
  { month: 10, content: '对两所学校开展综合督导评估', category: '综合', timing: '10月下旬', lead: '督导室', partners: '教研室', schools: true },
  { month: 10, content: '召开月度督学工作例会，通报9月督导情况', category: '会议', timing: '10月15日', lead: '督导室' },
  REGULAR(11),
  { month: 11, content: '开展师德师风建设情况专项督导，查阅师德档案并座谈学生和家长', category: '专项', timing: '第11—12周', lead: '督导室', partners: '人事科、各责任区', schools: true },
  { month: 11, content: '开展中小学校园欺凌防治专项检查', category: '专项', timing: '11月中旬', lead: '督导室', partners: '安全科' },
  { month: 11, content: '组织督导业务培训（问题整改跟踪）', category: '培训', timing: '11月20日', lead: '督导室' },
  { month: 11, content: '召开月度督学工作例会，通报10月督导情况', category: '会议', timing: '11月14日', lead: '督导室' },
  REGULAR(12),
  { month: 12, content: '开展作业管理和课业负担专项督导，抽查作业公示和布置情况', category: '专项', timing: '12月上旬', lead: '督导室', partners: '教研室、各责任区', schools: true },
  { month: 12, content: '开展督学年度考核', category: '其他', timing: '12月中旬', lead: '督导室' },
  { month: 12, content: '开展期末及寒假安全教育督查', category: '专项', timing: '12月下旬至1月上旬', lead: '督导室', partners: '安全科' },
  { month: 12, content: '召开月度督学工作例会，编写年度督导大事记', category: '会议', timing: '12月12日', lead: '督导室' },
  REGULAR(1),
  { month: 1, content: '督查期末考试组织与考风考纪', category: '经常性', timing: '1月中旬', lead: '各责任区' },
  { month: 1, content: '整理本学期督导档案，完成整改台账核对', category: '其他', timing: '1月下旬', lead: '督导室' },
  { month: 1, content: '布置寒假期间校外培训机构巡查工作', category: '专项', lead: '督导室', partners: '校外教育科' },
  { month: 1, content: '撰写本学期督导工作总结，制定下学期督导工作行事历', category: '其他', timing: '1月底前', lead: '督导室' },
];

const DONE_NOTES = ['已按计划完成', '已完成，形成督导报告', '已完成，问题已录入整改台账', '已完成，已编入督导简报', null, null];
const ONGOING_NOTES = ['正在推进，已完成过半', '部分学校尚未督导', '已启动，按计划推进'];
const CANCEL_NOTES = ['因上级统一部署调整，本月取消', '与专项检查合并开展'];

interface TopicTexts { contents: string[]; results: string[]; identities: string[] }
const TOPIC_TEXTS: Record<(typeof COMPLAINT_TOPICS)[number], TopicTexts> = {
  入学: {
    contents: [
      '反映孩子户籍和房产均在学区内，但未被学校录取，要求说明原因。',
      '咨询随迁子女入学需要提交哪些材料，学校要求的证明过多。',
      '反映学校以“学位已满”为由拒绝接收转学学生。',
      '反映学校一年级分班不公开，存在按成绩分快慢班的情况。',
      '咨询残疾儿童随班就读的申请程序。',
    ],
    results: [
      '经核实，该生户籍登记时间晚于招生截止日期，已向家长解释政策，并协调安排至相邻学校就读。',
      '已督促学校精简入学材料，按招生简章公布的清单受理，家长表示满意。',
      '责任督学到校核查，学校已按规定为学生办理转入手续。',
      '已要求学校公开分班规则并采用随机均衡分班，家长表示认可。',
    ],
    identities: ['学生家长', '学生家长', '学生家长', '群众'],
  },
  管理: {
    contents: [
      '反映学校午休时间学生只能趴在桌上休息，午休管理不到位。',
      '反映学校放学时间过早，家长无法按时接送，课后服务开展不规范。',
      '反映学校统一要求购买校服，价格偏高且未征求家长意见。',
      '反映学校食堂饭菜分量不足，伙食费收支不公开。',
      '反映学校周末组织学生集中补课。',
      '反映学校作业量过大，学生经常写作业到晚上十点以后。',
    ],
    results: [
      '已责成学校完善午休管理方案，增设午休床位，并向家长公开。',
      '学校已调整课后服务时间至下午5点30分，并公示服务内容。',
      '经核查，校服征订未经家委会讨论，已要求学校按自愿原则重新征订。',
      '已督促学校每月公示伙食费收支明细，并邀请家长代表参与食堂管理。',
      '经查属实，已责令学校立即停止集中补课，并在全区通报。',
      '已督促学校落实作业公示制度，控制书面作业总量。',
    ],
    identities: ['学生家长', '学生家长', '学生', '社区居民'],
  },
  师德: {
    contents: [
      '反映某教师在课堂上言语侮辱学生。',
      '反映某教师私下组织学生有偿补课。',
      '反映某教师收受家长礼品礼金。',
      '反映某班主任在家长群中发布不当言论。',
      '反映某教师体罚学生，造成学生身体轻微受伤。',
    ],
    results: [
      '经调查属实，学校已对该教师进行批评教育并取消年度评优资格。',
      '已责成学校调查处理，涉事教师已退还补课费用并作出书面检讨。',
      '经调查，反映情况部分属实，学校已对相关教师进行诫勉谈话。',
      '已约谈学校校长，要求加强师德师风教育，涉事教师已向家长道歉。',
    ],
    identities: ['学生家长', '学生家长', '学生', '匿名'],
  },
  周边环境: {
    contents: [
      '反映学校门口上下学时段交通拥堵，缺少交通疏导。',
      '反映学校附近新开网吧，有学生放学后进入。',
      '反映校门口流动摊贩售卖“三无”食品。',
      '反映学校周边道路缺少减速带和人行横道。',
      '反映学校附近施工工地噪音大，影响正常教学。',
    ],
    results: [
      '已协调交警部门在上下学时段派员疏导交通，学校组织家长志愿者护学。',
      '已函告文化执法部门，对违规接纳未成年人的网吧依法查处。',
      '已联合市场监管和城管部门开展校园周边整治，流动摊贩已清理。',
      '已向区政府报告，由交通部门增设减速带和警示标志。',
    ],
    identities: ['学生家长', '社区居民', '群众', '学生家长'],
  },
  其他: {
    contents: [
      '咨询教师资格认定和招聘政策。',
      '反映学校操场夜间未开放，建议向社区开放。',
      '建议学校增加体育社团活动。',
      '反映学校厕所设施陈旧，卫生条件差。',
    ],
    results: [
      '已将政策咨询转交教育局人事股答复。',
      '已向学校转达建议，学校表示将研究制定错时开放方案。',
      '学校已采纳建议，下学期增设篮球、足球社团。',
      '已列入下一年度薄弱学校改造计划。',
    ],
    identities: ['群众', '社区居民', '教师', '学生家长'],
  },
};
const TOPIC_WEIGHTS = [20, 35, 15, 20, 10];
const CHANNELS = ['来电', '来访', '网络', '信件'] as const;
const CHANNEL_WEIGHTS = [50, 25, 17, 8];
/** The problem category a complaint's topic points to (index into the eight items; -1 = 其他). */
const TOPIC_ITEM: Record<string, number> = { 入学: 1, 管理: 0, 师德: 4, 周边环境: 5, 其他: -1 };

const pad = (n: number) => String(n).padStart(2, '0');


function daysIn(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

/** A weekday of the month between two days (inclusive). */
function weekday(rng: Rng, month: string, from = 1, to = daysIn(month)): string {
  for (let i = 0; i < 20; i++) {
    const day = `${month}-${pad(rng.int(from, Math.min(to, daysIn(month))))}`;
    const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) return day;
  }
  return `${month}-${pad(from)}`;
}

function maskedPhone(rng: Rng): string | null {
  if (rng.chance(0.15)) return null;
  let rest = '';
  for (let i = 0; i < 9; i++) rest += String(rng.int(0, 9));
  return `${rng.pick(['13', '15', '18', '17'])}${rest}`;
}

/**
 * Write the demo's 行事历 and 应访督导 log for the live schools and supervisors already in the
 * archive: the (year-1)—year 学年 calendar (themes, 3–6 items a month) and the year—(year+1) 第一学期 as
 * published (25 items numbered through the term, with timings, 牵头 and 配合), statuses that follow the
 * calendar up to `today`, and complaints over the year, some raising problems (via raiseProblem,
 * advanced with changeStatus). Prepared statements in one transaction; run it before the visit
 * generator so visits pick up the month themes and items.
 */
export function generateCalendarAndComplaints(a: Store, opts: CalendarOptions): GeneratedCalendar {
  const rng = createRng(opts.seed);
  const today = isoDate(opts.today ?? new Date());
  const thisMonth = today.slice(0, 7);
  const items = getSettings(a).eightItems;

  const schools = a.db.prepare('SELECT id FROM schools WHERE deleted_at IS NULL ORDER BY id').pluck().all() as number[];
  const staff = a.db.prepare(`SELECT name FROM supervisors WHERE deleted_at IS NULL
    AND category IN ('总督学', '副总督学', '专职督学') ORDER BY id`).pluck().all() as string[];
  const owners = staff.length ? staff : ['督导室'];

  const insertCalendar = a.db.prepare(`INSERT INTO calendars (title, period_kind, school_year, term, start_month, end_month, week_one, notes,
    created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertTheme = a.db.prepare('INSERT INTO calendar_months (calendar_id, month, theme) VALUES (?, ?, ?)');
  const insertItem = a.db.prepare(`INSERT INTO calendar_items (calendar_id, month, end_month, seq, number, content, category, timing, owner,
    partners, start_date, end_date, status, status_note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertItemSchool = a.db.prepare('INSERT OR IGNORE INTO calendar_item_schools (item_id, school_id) VALUES (?, ?)');
  const insertComplaint = a.db.prepare(`INSERT INTO complaints (received_at, visitor, identity, phone, channel, school_id, topic,
    content, recorder, handler, result, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  /** 完成情况 by how the item's last month stands to today. */
  function status(month: string): [string, string | null] {
    if (month > thisMonth) return ['未开始', null];
    if (month === thisMonth) {
      const s = rng.weighted(['未开始', '进行中', '已完成'], [3, 5, 2]);
      return [s, s === '进行中' ? rng.pick(ONGOING_NOTES) : null];
    }
    const s = rng.weighted(['已完成', '进行中', '取消'], [88, 7, 5]);
    return [s, s === '已完成' ? rng.pick(DONE_NOTES) : s === '进行中' ? rng.pick(ONGOING_NOTES) : rng.pick(CANCEL_NOTES)];
  }
  const linkSchools = (itemId: number | bigint) => {
    if (schools.length) for (const sid of rng.shuffle(schools).slice(0, rng.int(2, 5))) insertItemSchool.run(itemId, sid);
  };

  /** The (startYear)—(startYear+1) 学年, month by month: each month's regular visits, its own work, the meeting. */
  function writeSchoolYear(startYear: number): number {
    const title = `${startYear}—${startYear + 1}学年督导工作行事历`;
    const start = `${startYear}-09`;
    const stamp = `${startYear}-08-${pad(rng.int(20, 28))} 10:00:00`;
    const id = Number(insertCalendar.run(title, '学年', startYear, null, start, `${startYear + 1}-08`, null,
      '经督导室室务会研究确定，各责任区据此安排月度督导工作。', stamp, stamp).lastInsertRowid);
    let count = 0;
    for (const month of monthsBetween(start, `${startYear + 1}-08`)) {
      const m = Number(month.slice(5, 7));
      const theme = MONTH_THEMES[m - 1];
      insertTheme.run(id, month, theme);
      // Every month: the regular visits on the month's theme (the visit generator links to this one) and the meeting.
      const plan: PlanItem[] = [
        { content: `各责任督学开展经常性督导，重点督查“${theme}”`, category: '经常性', dated: 'range' },
        ...rng.shuffle(MONTH_ITEMS[m - 1]).slice(0, rng.int(m === 8 ? 2 : 1, MONTH_ITEMS[m - 1].length)),
      ];
      // No meeting in the summer holiday: August takes one more item of its own instead (3–5 items a month).
      if (m !== 8) plan.push({ content: '召开月度督学工作例会，通报上月督导情况', category: '会议', dated: 'day' });
      plan.forEach((p, i) => {
        let startDate: string | null = null;
        let endDate: string | null = null;
        if (p.dated === 'day') startDate = endDate = weekday(rng, month, 5, 25);
        if (p.dated === 'range') {
          startDate = p.category === '经常性' ? `${month}-01` : weekday(rng, month, 1, 15);
          endDate = p.category === '经常性' ? `${month}-${pad(daysIn(month))}` : addDays(startDate, rng.int(5, 14));
          if (endDate.slice(0, 7) !== month) endDate = `${month}-${pad(daysIn(month))}`;
        }
        const [s, note] = status(month);
        const owner = p.category === '经常性' ? '各责任区组长' : rng.pick(owners);
        const partners = p.category === '专项' && rng.chance(0.5) ? '各责任区' : null;
        const itemId = insertItem.run(id, month, month, i + 1, null, p.content, p.category, null, owner, partners, startDate, endDate,
          s, note, stamp, stamp).lastInsertRowid;
        if (p.schools) linkSchools(itemId);
        count++;
      });
    }
    return count;
  }

  /** The (startYear)—(startYear+1) 第一学期 as published (TERM_PLAN), its first week from 1 September. */
  function writeTerm(startYear: number): number {
    const months = monthsBetween(`${startYear}-09`, `${startYear + 1}-01`);
    const weekOne = `${startYear}-09-01`;
    const stamp = `${startYear}-08-${pad(rng.int(20, 28))} 15:00:00`;
    const id = Number(insertCalendar.run(`${startYear}—${startYear + 1}学年第一学期督导工作行事历`, '学期', startYear, 1, months[0],
      months[months.length - 1], weekOne, '各责任区可结合实际调整具体时间，调整情况报督导室备案。', stamp, stamp).lastInsertRowid);
    const seqs = new Map<string, number>();
    TERM_PLAN.forEach((p, k) => {
      const month = months.find((m) => Number(m.slice(5, 7)) === p.month)!;
      const theme = MONTH_THEMES[p.month - 1];
      if (!seqs.has(month)) insertTheme.run(id, month, theme);
      const seq = (seqs.get(month) ?? 0) + 1;
      seqs.set(month, seq);
      const read = p.timing ? parseTiming(p.timing, { months, month, weekOne }) : null;
      const timing = read?.ok ? read.timing : null;
      const span = itemSpan(month, null, timing);
      const endMonth = span.ok ? span.endMonth : month;
      const [s, note] = status(endMonth);
      const content = p.content || `各责任督学开展经常性督导，重点督查“${theme}”`;
      const itemId = insertItem.run(id, month, endMonth, seq, `${k + 1}.`, content, p.category, p.timing ?? null, p.lead, p.partners ?? null,
        timing?.start ?? null, timing?.end ?? null, s, note, stamp, stamp).lastInsertRowid;
      if (p.schools) linkSchools(itemId);
    });
    return TERM_PLAN.length;
  }

  return a.db.transaction((): GeneratedCalendar => {
    const itemCount = writeSchoolYear(opts.year - 1) + writeTerm(opts.year);

    // Complaints: spread over the year's days up to today, oldest handled, newest still open.
    const total = opts.complaints ?? 40;
    const last = `${opts.year}-12-31` < today ? `${opts.year}-12-31` : today;
    const firstDay = Date.UTC(opts.year, 0, 1);
    const span = Math.max(0, Math.round((Date.parse(`${last}T00:00:00Z`) - firstDay) / 86_400_000));
    const problemRate = opts.problemRate ?? 0.2;
    const maxProblems = opts.maxProblems ?? 60;
    const toRaise: { id: number; schoolId: number; topic: string; date: string; content: string; age: number }[] = [];
    let complaints = 0;
    if (last >= `${opts.year}-01-01`) {
      const days = Array.from({ length: total }, () => rng.int(0, span)).sort((x, y) => x - y);
      for (const d of days) {
        const date = new Date(firstDay + d * 86_400_000).toISOString().slice(0, 10);
        const age = span - d;
        const topic = rng.weighted(COMPLAINT_TOPICS, TOPIC_WEIGHTS);
        const t = TOPIC_TEXTS[topic];
        const channel = rng.weighted(CHANNELS, CHANNEL_WEIGHTS);
        const identity = rng.pick(t.identities);
        const anonymous = identity === '匿名' || channel === '网络' && rng.chance(0.5);
        const visitor = anonymous ? null : `${rng.pick(['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'])}${rng.pick(['先生', '女士'])}`;
        const schoolId = schools.length && (topic !== '其他' || rng.chance(0.5)) && rng.chance(0.9) ? rng.pick(schools) : null;
        const st = age > 25 ? (rng.chance(0.95) ? '已办结' : '处理中') : age > 7 ? rng.weighted(['已办结', '处理中'], [1, 1]) : rng.weighted(['待处理', '处理中'], [2, 1]);
        const result = st === '已办结' ? rng.pick(t.results) : st === '处理中' ? '已转责任督学调查核实，待反馈。' : null;
        const receivedAt = `${date} ${pad(rng.int(8, 17))}:${pad(rng.int(0, 59))}`;
        const content = rng.pick(t.contents);
        const id = Number(insertComplaint.run(receivedAt, visitor, channel === '信件' ? null : identity, channel === '信件' ? null : maskedPhone(rng),
          channel, schoolId, topic, content, rng.pick(owners), st === '待处理' ? null : rng.pick(owners), result, st,
          `${receivedAt}:00`, `${receivedAt}:00`).lastInsertRowid);
        complaints++;
        if (schoolId && st !== '待处理' && rng.chance(problemRate) && toRaise.length < maxProblems) toRaise.push({ id, schoolId, topic, date, content, age });
      }
    }

    // Problems raised from complaints go through the problems repository (history, audit), then along
    // their course: older ones are closed, recent ones still being rectified.
    for (const r of toRaise) {
      const idx = TOPIC_ITEM[r.topic];
      const category = idx >= 0 && items[idx] ? items[idx] : '其他';
      const pid = raiseProblem(a, {
        source: '应访督导', visitId: null, complaintId: r.id, campaign: null, schoolId: r.schoolId, category,
        description: `群众反映：${r.content.replace(/^反映/, '')}`, actor: '学校', deadline: addDays(r.date, 30),
      }, '由应访督导提出');
      const steps: ['整改中' | '待回查' | '已销号', number][] = r.age > 60 ? [['整改中', 3], ['待回查', 20], ['已销号', 35]]
        : r.age > 20 ? [['整改中', 3], ['待回查', 18]] : r.age > 3 ? [['整改中', 3]] : [];
      for (const [to, after] of steps) changeStatus(a, pid, to, null, addDays(r.date, after));
    }
    return { calendars: 2, items: itemCount, complaints, problems: toRaise.length };
  })();
}
