import { SCHOOL_TYPES, type URBAN_RURAL } from '../../../shared/vocab';
import { cnNumber, quotas, type Rng } from './random';
import { officePhone, personName } from './people';
import {
  COUNTY, NICE_KINDERGARTEN, NICE_SCHOOL, ROADS, SCHOOL_NOTES, STREETS, TOWNS, TOWN_ROADS, TRAINING_BRANDS,
  TRAINING_KINDS, VILLAGE_HEADS, VILLAGE_TAILS, XIANG,
} from './pools';

export type SchoolType = (typeof SCHOOL_TYPES)[number];
export type UrbanRural = (typeof URBAN_RURAL)[number];

export interface DemoSchool {
  fullName: string;
  shortName: string;
  type: SchoolType;
  nature: '公办' | '民办';
  urbanRural: UrbanRural;
  address: string;
  principal: string;
  phone: string;
  students: number;
  teachers: number;
  notes: string | null;
  /** The 街道 or 镇/乡 it is in, so zones can keep a town's schools together. */
  place: string;
}

// Share of each type in a county (SCHOOL_TYPES order) and where each type tends to be (城区, 镇区, 乡村).
const TYPE_WEIGHTS: Record<SchoolType, number> = {
  幼儿园: 25, 小学: 35, 初中: 13, 九年一贯制: 8, 完全中学: 3, 高中: 5, 特殊教育: 1, 校外培训机构: 10,
};
const WHERE: Record<SchoolType, [number, number, number]> = {
  幼儿园: [3, 3, 4], 小学: [2.5, 3, 4.5], 初中: [3, 4.5, 2.5], 九年一贯制: [2.5, 3.5, 4],
  完全中学: [5, 5, 0], 高中: [7, 3, 0], 特殊教育: [1, 0, 0], 校外培训机构: [8, 2, 0],
};
/** Generated in this order so the oldest names (第一中学 for the 高中) go to the right type. */
const ORDER: SchoolType[] = ['高中', '完全中学', '初中', '九年一贯制', '小学', '幼儿园', '特殊教育', '校外培训机构'];

// students: [min, max] by 城区/镇区/乡村; pupils per teacher.
const SIZE: Record<SchoolType, { students: [number, number][]; ratio: number }> = {
  幼儿园: { students: [[180, 480], [120, 360], [30, 150]], ratio: 12 },
  小学: { students: [[1200, 2800], [500, 1500], [40, 320]], ratio: 17 },
  初中: { students: [[900, 2200], [500, 1400], [200, 600]], ratio: 13 },
  九年一贯制: { students: [[1200, 2600], [600, 1600], [150, 600]], ratio: 14 },
  完全中学: { students: [[1800, 3600], [1200, 2400], [0, 0]], ratio: 12.5 },
  高中: { students: [[1800, 3800], [1000, 2200], [0, 0]], ratio: 12.5 },
  特殊教育: { students: [[60, 180], [40, 100], [0, 0]], ratio: 3 },
  校外培训机构: { students: [[150, 900], [80, 300], [0, 0]], ratio: 25 },
};

/** Full name, short name, and for village schools the village. */
type Candidate = [full: string, short: string, village?: string];
const URBAN = COUNTY;
const strip = (full: string) => full.slice(COUNTY.length);

function numbered(prefix: string, suffix: string, shortOf: (k: string) => string, from = 1, to = 40): Candidate[] {
  const out: Candidate[] = [];
  for (let k = from; k <= to; k++) out.push([`${prefix}第${cnNumber(k)}${suffix}`, shortOf(cnNumber(k))]);
  return out;
}

function interleave<T>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]);
    if (i < b.length) out.push(b[i]);
  }
  return out;
}

const urbanNamed = (names: string[]): Candidate[] => names.map((n) => [`${URBAN}${n}`, n]);

/** Names an urban school of this type and nature could have, most typical first. */
function urbanCandidates(type: SchoolType, privately: boolean, rng: Rng): Candidate[] {
  const middle = numbered(URBAN, '中学', (k) => `清河${k}中`);
  if (privately) {
    const nice = rng.shuffle(NICE_SCHOOL);
    switch (type) {
      case '幼儿园': return urbanNamed(rng.shuffle(NICE_KINDERGARTEN).map((n) => `${n}幼儿园`));
      case '小学': return urbanNamed(nice.map((n) => `${n}小学`));
      case '初中': return urbanNamed(nice.map((n) => `${n}中学`));
      case '九年一贯制': return urbanNamed(nice.map((n) => `${n}学校`));
      case '高中': case '完全中学': return urbanNamed(nice.map((n) => `${n}高级中学`));
      case '校外培训机构':
        return urbanNamed(rng.shuffle(TRAINING_BRANDS.flatMap((b) => TRAINING_KINDS.map((k) => `${b}${k}`))));
      default: break;
    }
  }
  switch (type) {
    case '高中': return [...middle.slice(0, 1), ...urbanNamed(['实验高级中学']), ...numbered(URBAN, '高级中学', (k) => `清河${k}高`, 2), ...middle];
    case '完全中学': return middle;
    case '初中': return [...urbanNamed(['实验中学']), ...interleave(middle, urbanNamed(ROADS.map((r) => `${r}中学`)))];
    case '九年一贯制':
      return urbanNamed(['外国语学校', '东湖学校', '新城学校', ...STREETS.map((s) => `${s.replace('街道', '')}学校`)])
        .concat(numbered(URBAN, '实验学校', (k) => `第${k}实验学校`));
    case '小学':
      return [...urbanNamed(['实验小学']), ...interleave(numbered(URBAN, '小学', (k) => `清河${k}小`), urbanNamed(ROADS.map((r) => `${r}小学`)))];
    case '幼儿园':
      return [...urbanNamed(['实验幼儿园', '机关幼儿园']),
        ...interleave(numbered(URBAN, '幼儿园', (k) => `第${k}幼儿园`), urbanNamed(STREETS.map((s) => `${s}中心幼儿园`)))];
    case '特殊教育': return urbanNamed(['特殊教育学校', '启智学校', '培智学校', '康复实验学校']);
    case '校外培训机构':
      return urbanNamed(rng.shuffle(TRAINING_BRANDS.flatMap((b) => TRAINING_KINDS.map((k) => `${b}${k}`))));
  }
}

function townCandidates(type: SchoolType, town: string, privately: boolean, rng: Rng): Candidate[] {
  const t = town;
  const s = town.replace(/[镇乡]$/, '');
  const c = (names: string[]): Candidate[] => names.map((n) => [`${t}${n}`, `${s}${n}`]);
  switch (type) {
    case '幼儿园': return privately ? c(rng.shuffle(NICE_KINDERGARTEN).map((n) => `${n}幼儿园`)) : c(['中心幼儿园', '第二幼儿园', '第三幼儿园']);
    case '小学': return c(['中心小学', '第二小学', '实验小学', '第三小学']);
    case '初中': return c(['中学', '初级中学', '第二中学']);
    case '完全中学': return c(['中学', '第二中学']);
    case '高中': return c(['高级中学', '第二高级中学']);
    case '九年一贯制': return c(['学校', '九年一贯制学校', '实验学校']);
    case '校外培训机构': return c(rng.shuffle(TRAINING_BRANDS).map((b) => `${b}培训学校`));
    case '特殊教育': return c(['特殊教育学校']);
  }
}

function villageCandidates(type: SchoolType, town: string, villages: string[]): Candidate[] {
  const isXiang = town.endsWith('乡');
  const center: Candidate[] = [];
  const s = town.replace(/[镇乡]$/, '');
  if (isXiang && type === '小学') center.push([`${town}中心小学`, `${s}中心小学`]);
  if (isXiang && type === '初中') center.push([`${town}中学`, `${s}中学`]);
  if (isXiang && type === '九年一贯制') center.push([`${town}学校`, `${s}学校`]);
  if (isXiang && type === '幼儿园') center.push([`${town}中心幼儿园`, `${s}中心幼儿园`]);
  const suffix = type === '幼儿园' ? '幼儿园' : type === '小学' ? '小学' : type === '初中' ? '中学' : '学校';
  return [...center, ...villages.map((v): Candidate => [`${town}${v}${suffix}`, `${v}${suffix}`, v])];
}

/** A county's worth of schools: every type at least once, names unique (also against `used`). */
export function makeSchools(rng: Rng, total: number, used: Set<string>): DemoSchool[] {
  if (total < SCHOOL_TYPES.length) throw new Error(`示例学校至少需要 ${SCHOOL_TYPES.length} 所，才能覆盖每种学段/类型`);
  const counts = quotas(total, SCHOOL_TYPES.map((t) => TYPE_WEIGHTS[t]));
  const countOf = new Map(SCHOOL_TYPES.map((t, i) => [t, counts[i]]));

  // Villages are made up once per town, unique across the county.
  const villageNames = new Set<string>();
  const villages = new Map<string, string[]>();
  for (const town of [...TOWNS, ...XIANG]) {
    const list: string[] = [];
    while (list.length < 12) {
      const v = rng.pick(VILLAGE_HEADS) + rng.pick(VILLAGE_TAILS);
      if (!villageNames.has(v)) { villageNames.add(v); list.push(v); }
    }
    villages.set(town, list);
  }

  const out: DemoSchool[] = [];
  let fallback = 0;
  for (const type of ORDER) {
    for (let i = 0; i < countOf.get(type)!; i++) {
      // The first school of each type is the urban flagship (实验小学, 第一中学 …).
      const ur: UrbanRural = i === 0 ? '城区' : rng.weighted(['城区', '镇区', '乡村'] as const, WHERE[type]);
      const privately = type === '校外培训机构'
        || (i > 0 && ur === '城区' && rng.chance(type === '幼儿园' ? 0.35 : type === '九年一贯制' ? 0.25 : 0.08))
        || (i > 0 && ur === '镇区' && type === '幼儿园' && rng.chance(0.25));
      let picked: { cand: Candidate; place: string } | undefined;
      if (ur === '城区') {
        const cand = urbanCandidates(type, privately, rng).find(([full]) => !used.has(full));
        if (cand) picked = { cand, place: rng.pick(STREETS) };
      } else {
        const towns = rng.shuffle(ur === '镇区' ? TOWNS : [...TOWNS, ...XIANG]);
        for (const town of towns) {
          const list = ur === '镇区' ? townCandidates(type, town, privately, rng) : villageCandidates(type, town, rng.shuffle(villages.get(town)!));
          const cand = list.find(([full]) => !used.has(full));
          if (cand) { picked = { cand, place: town }; break; }
        }
      }
      while (!picked) {
        const full = `${COUNTY}第${++fallback}${type === '幼儿园' ? '幼儿园' : '学校'}`;
        if (!used.has(full)) picked = { cand: [full, strip(full)], place: rng.pick(STREETS) };
      }
      used.add(picked.cand[0]);
      out.push(describe(rng, type, ur, privately, picked.cand, picked.place));
    }
  }
  return out;
}

function describe(rng: Rng, type: SchoolType, ur: UrbanRural, privately: boolean, [fullName, shortName, village]: Candidate, place: string): DemoSchool {
  const urIndex = ur === '城区' ? 0 : ur === '镇区' ? 1 : 2;
  const [lo, hi] = SIZE[type].students[urIndex];
  const students = Math.round(rng.int(lo, hi) / 5) * 5;
  const teachers = Math.max(4, Math.round((students / SIZE[type].ratio) * (0.85 + rng.next() * 0.3)));
  let address: string;
  if (ur === '城区') address = `${COUNTY}${place}${rng.pick(ROADS)}${rng.int(1, 399)}号`;
  else if (ur === '镇区' || !village) address = `${COUNTY}${place}${rng.pick(TOWN_ROADS)}${rng.int(1, 199)}号`;
  else address = `${COUNTY}${place}${village}村${rng.int(1, 9)}组`;
  return {
    fullName,
    shortName: shortName.slice(0, 20),
    type,
    nature: privately ? '民办' : '公办',
    urbanRural: ur,
    address,
    principal: personName(rng, rng.chance(0.45) ? '女' : '男'),
    phone: officePhone(rng),
    students,
    teachers,
    notes: rng.chance(0.25) ? rng.pick(SCHOOL_NOTES) : null,
    place,
  };
}
