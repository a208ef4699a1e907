import type { APPOINTMENT_STATUSES, EDUCATION_LEVELS, TEACHING_STAGES } from '../../../shared/vocab';
import { quotas, type Rng } from './random';
import { addDays, addYears, isoDate, mobileNumber, uniquePersonName } from './people';
import type { DemoSchool, SchoolType } from './schools';
import {
  COMMUNITIES, INVITED_UNITS, OFFICE_NAME, PARENT_UNITS, STREETS, SUBJECTS_PRIMARY, SUBJECTS_SECONDARY,
  SUPERVISOR_NOTES, TEACHER_TITLES, TOWNS,
} from './pools';

export interface DemoSupervisor {
  name: string;
  gender: '男' | '女';
  birthMonth: string;
  unit: string;
  position: string | null;
  education: (typeof EDUCATION_LEVELS)[number];
  title: string | null;
  stage: (typeof TEACHING_STAGES)[number] | null;
  subject: string | null;
  mobile: string;
  certNo: string | null;
  letterNo: string | null;
  termStart: string | null;
  termEnd: string | null;
  status: (typeof APPOINTMENT_STATUSES)[number];
  category: string;
  notes: string | null;
}

/** The category that leads zones; an office without 专职督学 in its list uses its first category. */
export function leaderCategory(categories: readonly string[]): string {
  return categories.includes('专职督学') ? '专职督学' : categories[0];
}

// Relative share of each known category among the rest of the roster; unknown categories get a little.
const SHARE: Record<string, number> = {
  兼职督学: 0.35, 挂职督学: 0.08, 社区督学: 0.08, 家长督学: 0.08, 校级督学: 0.1, 特邀督学: 0.04, 实习督学: 0.03,
};
const FULL_TIME = new Set(['总督学', '副总督学', '专职督学']);
/** Weights of 研究生, 本科, 专科, 中专 (teachers and others by default). */
const EDUCATION_WEIGHTS: Record<string, number[]> = {
  总督学: [3, 7, 0, 0], 副总督学: [3, 7, 0, 0], 专职督学: [2, 8, 0.5, 0], 社区督学: [0.5, 5, 4, 1], 家长督学: [1, 5, 3, 1],
  特邀督学: [3, 6, 1, 0],
};

/** How many of each category: 1 总督学, a few 副总督学, enough 专职督学 to lead every zone, the rest by share. */
export function categoryCounts(total: number, categories: readonly string[], zones: number): Map<string, number> {
  const leader = leaderCategory(categories);
  const fixed = new Map<string, number>();
  if (categories.includes('总督学')) fixed.set('总督学', 1);
  if (categories.includes('副总督学')) fixed.set('副总督学', Math.max(1, Math.round(total / 60)));
  fixed.set(leader, Math.max(zones + 1, Math.round(total * 0.1)));
  const rest = categories.filter((c) => !fixed.has(c));
  const left = total - [...fixed.values()].reduce((x, y) => x + y, 0);
  if (left < rest.length) {
    throw new Error(`示例督学人数 ${total} 太少：${zones} 个责任区和 ${categories.length} 个督学类别至少需要 ${total - left + rest.length} 人`);
  }
  const counts = quotas(left, rest.map((c) => SHARE[c] ?? 0.03));
  rest.forEach((c, i) => fixed.set(c, counts[i]));
  return fixed;
}

type Profile = Pick<DemoSupervisor, 'unit' | 'position' | 'title' | 'stage' | 'subject'> & { age: [number, number]; male: number };

function teacherOf(rng: Rng, school: DemoSchool): Pick<DemoSupervisor, 'stage' | 'subject'> {
  const stages: Record<SchoolType, DemoSupervisor['stage'][]> = {
    幼儿园: ['幼儿园'], 小学: ['小学'], 初中: ['初中'], 九年一贯制: ['小学', '初中'], 完全中学: ['初中', '高中'],
    高中: ['高中'], 特殊教育: ['特殊教育'], 校外培训机构: ['其他'],
  };
  const stage = rng.pick(stages[school.type]);
  const subject = stage === '幼儿园' ? '学前教育' : stage === '特殊教育' ? '特殊教育'
    : stage === '小学' ? rng.pick(SUBJECTS_PRIMARY) : rng.pick(SUBJECTS_SECONDARY);
  return { stage, subject };
}

function profile(rng: Rng, category: string, index: number, schools: DemoSchool[]): Profile {
  // Supervisors from schools work in public schools, not in training centres.
  const publicSchools = schools.filter((s) => s.nature === '公办' && s.type !== '校外培训机构');
  const school = () => rng.pick(publicSchools.length ? publicSchools : schools);
  const teacher = (positions: string[], age: [number, number], titles = TEACHER_TITLES): Profile => {
    const s = school();
    return { unit: s.fullName, position: rng.pick(positions), title: rng.pick(titles), ...teacherOf(rng, s), age, male: 0.45 };
  };
  switch (category) {
    case '总督学':
      return { unit: '清河区教育局', position: '党组书记、局长', title: null, stage: null, subject: null, age: [50, 57], male: 0.7 };
    case '副总督学':
      return { unit: '清河区教育局', position: index === 0 ? '副局长、督导室主任' : '副局长', title: '高级教师', stage: null, subject: null, age: [46, 56], male: 0.6 };
    case '专职督学': {
      const t = teacherOf(rng, school());
      return {
        unit: OFFICE_NAME, position: rng.pick(['督导室副主任', '一级主任科员', '二级主任科员', '四级调研员', '专职督学']),
        title: rng.pick(['正高级教师', '高级教师', '高级教师', '一级教师']), ...t, age: [40, 58], male: 0.55,
      };
    }
    case '兼职督学': return teacher(['校长', '副校长', '教导主任', '教科室主任', '工会主席', '德育主任', '退休校长'], [38, 60]);
    case '挂职督学': return teacher(['副校长', '德育主任', '教务主任', '办公室主任'], [30, 42]);
    case '校级督学': return teacher(['校长助理', '副校长', '督导专干', '工会主席'], [35, 55]);
    case '实习督学': return teacher(['教师', '班主任'], [25, 31], ['二级教师', '一级教师']);
    case '社区督学': {
      const urban = rng.chance(0.5);
      return {
        unit: urban ? `${rng.pick(STREETS)}${rng.pick(COMMUNITIES)}居民委员会` : `${rng.pick(TOWNS)}人民政府`,
        position: urban ? rng.pick(['社区党委书记', '社区主任', '社区网格员', '综治专干']) : rng.pick(['党委委员', '宣传委员', '社会事务办主任']),
        title: null, stage: null, subject: null, age: [35, 58], male: 0.5,
      };
    }
    case '家长督学': {
      const [unit, position] = rng.pick(PARENT_UNITS);
      return { unit, position, title: null, stage: null, subject: null, age: [32, 48], male: 0.4 };
    }
    case '特邀督学': {
      const [unit, position] = rng.pick(INVITED_UNITS);
      return { unit, position, title: null, stage: null, subject: null, age: [45, 62], male: 0.6 };
    }
    default: return teacher(['副校长', '教师'], [30, 55]);
  }
}

/** Teachers' ranks come with years: no 高级教师 at 28. */
function titleForAge(rng: Rng, title: string | null, age: number): string | null {
  if (!title || !TEACHER_TITLES.includes(title)) return title;
  if (age < 30) return '二级教师';
  if (age < 36) return rng.pick(['二级教师', '一级教师']);
  if (age < 45) return title === '正高级教师' || title === '二级教师' ? '一级教师' : title;
  return title;
}

export interface SupervisorSeeds {
  today: Date;
  zones: number;
  /** Names, mobiles and 督学证编号 already in the archive (and then the new ones). */
  usedNames: Set<string>;
  usedMobiles: Set<string>;
  usedCerts: Set<string>;
}

/**
 * The roster: every category present, terms of 3 years (5 for full-time staff), a few ending within
 * 60 days, one already past (期满), one 解聘 and one 未聘任. Leaders (the first `zones` of the leader
 * category) are always 在聘.
 */
export function makeSupervisors(rng: Rng, total: number, categories: readonly string[], schools: DemoSchool[], seeds: SupervisorSeeds): DemoSupervisor[] {
  const { today } = seeds;
  const counts = categoryCounts(total, categories, seeds.zones);
  const leader = leaderCategory(categories);
  const certSeq = new Map<number, number>();
  const certFor = (year: number): string => {
    for (;;) {
      const n = (certSeq.get(year) ?? 0) + 1;
      certSeq.set(year, n);
      const c = `QH-DX-${year}-${String(n).padStart(3, '0')}`;
      if (!seeds.usedCerts.has(c)) { seeds.usedCerts.add(c); return c; }
    }
  };

  const out: DemoSupervisor[] = [];
  for (const category of categories) {
    for (let i = 0; i < (counts.get(category) ?? 0); i++) {
      const p = profile(rng, category, i, schools);
      const gender = rng.chance(p.male) ? '男' : '女';
      const age = rng.int(p.age[0], p.age[1]);
      const years = FULL_TIME.has(category) ? 5 : 3;
      const start = new Date(today.getFullYear(), today.getMonth(), 1 - rng.int(30, years * 365 - 120));
      const termStart = new Date(start.getFullYear(), start.getMonth(), 1);
      out.push({
        name: uniquePersonName(rng, gender, seeds.usedNames),
        gender,
        birthMonth: `${today.getFullYear() - age}-${String(rng.int(1, 12)).padStart(2, '0')}`,
        unit: p.unit,
        position: p.position,
        education: rng.weighted(['研究生', '本科', '专科', '中专'] as const, EDUCATION_WEIGHTS[category] ?? [2, 7, 1.5, 0]),
        title: titleForAge(rng, p.title, age),
        stage: p.stage,
        subject: p.subject,
        mobile: mobileNumber(rng, seeds.usedMobiles),
        certNo: null,
        letterNo: rng.chance(0.6) ? `清督聘〔${termStart.getFullYear()}〕${rng.int(1, 40)}号` : null,
        termStart: isoDate(termStart),
        termEnd: isoDate(addDays(addYears(termStart, years), -1)),
        status: '在聘',
        category,
        notes: rng.chance(0.2) ? rng.pick(SUPERVISOR_NOTES) : null,
      });
    }
  }

  // Special terms go to part-time supervisors of the larger categories first, so every
  // category keeps someone 在聘 for the assignments.
  const leaders = new Set(out.filter((s) => s.category === leader).slice(0, seeds.zones));
  const partTime = out.filter((s) => !FULL_TIME.has(s.category) && !leaders.has(s));
  const byCount = (s: DemoSupervisor) => -(counts.get(s.category) ?? 0);
  const pool = rng.shuffle(partTime).sort((x, y) => byCount(x) - byCount(y));
  const take = () => pool.shift();
  const setTerm = (s: DemoSupervisor, end: Date, years = 3) => {
    s.termEnd = isoDate(end);
    s.termStart = isoDate(addDays(addYears(end, -years), 1));
  };
  const trainee = pool.find((s) => s.category === '实习督学');
  if (trainee) pool.splice(pool.indexOf(trainee), 1);
  for (let k = 0; k < Math.max(1, Math.round(total * 0.02)); k++) {
    const s = take();
    if (s) { setTerm(s, addDays(today, -rng.int(10, 45))); s.status = '期满'; }
  }
  for (let k = 0; k < Math.max(1, Math.round(total * 0.015)); k++) {
    const s = take();
    if (s) { s.status = '解聘'; s.notes = '因工作调动解聘'; }
  }
  // Terms ending within the 60-day warning window, still 在聘.
  const expiring = rng.shuffle(pool).slice(0, Math.max(3, Math.round(total * 0.06)));
  for (const s of expiring) setTerm(s, addDays(today, rng.int(7, 55)));
  const unappointed = trainee ?? take();
  if (unappointed) {
    Object.assign(unappointed, { status: '未聘任', termStart: null, termEnd: null, letterNo: null, notes: '待区政府发文聘任' });
  }
  for (const s of out) if (s.status !== '未聘任') s.certNo = certFor(Number(s.termStart!.slice(0, 4)));
  return out;
}
