import type { Store } from '../store';
import { nowText } from '../../../shared/dates';
import { getSettings } from '../settings';
import { pinyinInitials, pinyinKey, schoolInitials } from '../pinyin';
import { cnNumber, createRng, type Rng } from './random';
import { makeSchools, type DemoSchool } from './schools';
import { leaderCategory, makeSupervisors, type DemoSupervisor } from './supervisors';

export interface RegisterOptions {
  schools: number;
  supervisors: number;
  /** At least this many zones; more when needed to keep every zone at 20 schools or fewer. */
  zones: number;
  seed: number;
  /** Terms and birth years are relative to this day (default: now). */
  today?: Date;
}

export interface GeneratedRegisters {
  supervisorIds: number[];
  schoolIds: number[];
  zoneIds: number[];
  assignments: number;
}

export const MAX_ZONE_SCHOOLS = 20;

/** The assignment roles (besides 责任督学/A角/B角) and the category that fills each, with how often. */
const EXTRA_ROLES: [role: string, category: string, share: number][] = [
  ['挂职', '挂职督学', 0.3], ['社区', '社区督学', 0.3], ['家长', '家长督学', 0.25], ['校级', '校级督学', 0.25],
];

/**
 * Fill the registers with a fictional county: schools, supervisors, zones (each led by a 专职督学,
 * pairing urban and rural schools) and assignments. Same options, same rows. Writes straight into
 * the tables with prepared statements, in one transaction (nested in the caller's if any); the FTS
 * triggers index the rows. Writes no audit lines: the caller records the load as a whole.
 */
export function generateRegisters(a: Store, opts: RegisterOptions): GeneratedRegisters {
  const rng = createRng(opts.seed);
  const today = opts.today ?? new Date();
  const categories = getSettings(a).supervisorCategories;
  const zoneCount = Math.max(opts.zones, Math.ceil(opts.schools / MAX_ZONE_SCHOOLS), 1);
  const column = (sql: string) => new Set((a.db.prepare(sql).pluck().all() as string[]));

  const schools = makeSchools(rng, opts.schools, column('SELECT full_name FROM schools'));
  const supervisors = makeSupervisors(rng, opts.supervisors, categories, schools, {
    today,
    zones: zoneCount,
    usedNames: column('SELECT name FROM supervisors'),
    usedMobiles: column('SELECT mobile FROM supervisors WHERE mobile IS NOT NULL'),
    usedCerts: column('SELECT cert_no FROM supervisors WHERE cert_no IS NOT NULL'),
  });
  const zones = allocateZones(schools, zoneCount);
  const usedZoneNames = column('SELECT name FROM zones');
  const at = nowText(today);

  return a.db.transaction((): GeneratedRegisters => {
    const insertSupervisor = a.db.prepare(`INSERT INTO supervisors (name, gender, birth_month, unit, position, education,
      title, stage, subject, mobile, cert_no, letter_no, term_start, term_end, status, category, notes, name_pinyin, name_initials,
      created_at, updated_at)
      VALUES (@name, @gender, @birthMonth, @unit, @position, @education, @title, @stage, @subject, @mobile, @certNo,
      @letterNo, @termStart, @termEnd, @status, @category, @notes, @namePinyin, @nameInitials, @at, @at)`);
    const supervisorIds = supervisors.map((s) => Number(insertSupervisor.run({
      ...s, namePinyin: pinyinKey(s.name, 'person'), nameInitials: pinyinInitials(s.name, 'person'), at,
    }).lastInsertRowid));

    const leaderCat = leaderCategory(categories);
    const staff = supervisors.map((s, i) => i).filter((i) => supervisors[i].category === leaderCat && supervisors[i].status === '在聘');
    const insertZone = a.db.prepare(`INSERT INTO zones (name, leader_id, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
    let zoneNumber = 0;
    const zoneIds = zones.map((members, z) => {
      let name: string;
      do name = `第${cnNumber(++zoneNumber)}责任区`; while (usedZoneNames.has(name));
      return Number(insertZone.run(name, supervisorIds[staff[z]] ?? null, zoneNote(schools, members), at, at).lastInsertRowid);
    });

    const zoneOf = new Map<number, number>();
    zones.forEach((members, z) => members.forEach((i) => zoneOf.set(i, zoneIds[z])));
    const insertSchool = a.db.prepare(`INSERT INTO schools (full_name, short_name, type, nature, urban_rural, address,
      principal, phone, students, teachers, zone_id, notes, name_pinyin, name_initials, created_at, updated_at)
      VALUES (@fullName, @shortName, @type, @nature, @urbanRural, @address, @principal, @phone, @students, @teachers,
      @zoneId, @notes, @namePinyin, @nameInitials, @at, @at)`);
    const schoolIds = schools.map((s, i) => {
      const { place: _place, ...row } = s;
      return Number(insertSchool.run({
        ...row, zoneId: zoneOf.get(i) ?? null, namePinyin: pinyinKey(s.fullName, 'place'),
        nameInitials: schoolInitials(s.fullName, s.shortName), at,
      }).lastInsertRowid);
    });

    const insertAssignment = a.db.prepare(`INSERT INTO assignments (school_id, supervisor_id, role, created_at) VALUES (?, ?, ?, ?)`);
    const plan = planAssignments(rng, schools, supervisors, zones, staff, leaderCat);
    for (const [school, supervisor, role] of plan) insertAssignment.run(schoolIds[school], supervisorIds[supervisor], role, at);
    return { supervisorIds, schoolIds, zoneIds, assignments: plan.length };
  })();
}

/**
 * Split schools into zones of near-equal size (≤ 20 each). Every zone takes its share of urban
 * schools and of town/village schools, the latter kept together by town.
 */
export function allocateZones(schools: DemoSchool[], zoneCount: number): number[][] {
  const n = schools.length;
  const byPlace = (x: number, y: number) => (schools[x].place < schools[y].place ? -1 : schools[x].place > schools[y].place ? 1 : x - y);
  const urban = schools.map((_, i) => i).filter((i) => schools[i].urbanRural === '城区').sort(byPlace);
  const rural = schools.map((_, i) => i).filter((i) => schools[i].urbanRural !== '城区').sort(byPlace);
  const zones: number[][] = [];
  let cum = 0;
  let u = 0;
  let r = 0;
  for (let z = 0; z < zoneCount; z++) {
    const size = Math.floor(n / zoneCount) + (z < n % zoneCount ? 1 : 0);
    cum += size;
    // Cumulative target keeps the urban share even across zones.
    let takeUrban = Math.min(size, Math.round((cum * urban.length) / n) - u, urban.length - u);
    takeUrban = Math.max(takeUrban, size - (rural.length - r));
    const members = [...urban.slice(u, u + takeUrban), ...rural.slice(r, r + size - takeUrban)];
    u += takeUrban;
    r += size - takeUrban;
    zones.push(members);
  }
  return zones;
}

function zoneNote(schools: DemoSchool[], members: number[]): string {
  const urban = members.filter((i) => schools[i].urbanRural === '城区').length;
  const towns = [...new Set(members.filter((i) => schools[i].urbanRural !== '城区').map((i) => schools[i].place))];
  if (!towns.length) return `城区学校${urban}所`;
  if (!urban) return `${towns.join('、')}学校${members.length}所`;
  return `城乡结对：城区学校${urban}所，${towns.join('、')}学校${members.length - urban}所`;
}

type Planned = [school: number, supervisor: number, role: string];

/**
 * Each school gets a 责任督学 from its zone's team (the leader, other 专职督学 and 兼职督学 dealt
 * round-robin over the zones), most get an A角 and a B角, and some a 挂职/社区/家长/校级 supervisor.
 */
function planAssignments(rng: Rng, schools: DemoSchool[], sups: DemoSupervisor[], zones: number[][], staff: number[], leaderCat: string): Planned[] {
  const active = (cat: string) => sups.map((_, i) => i).filter((i) => sups[i].category === cat && sups[i].status === '在聘');
  const teams = zones.map((_, z) => (staff[z] === undefined ? [] : [staff[z]]));
  const helpers = [...staff.slice(zones.length), ...(leaderCat === '兼职督学' ? [] : active('兼职督学'))];
  helpers.forEach((s, k) => teams[k % zones.length].push(s));

  const plan: Planned[] = [];
  const pools = EXTRA_ROLES.map(([, category]) => active(category));
  const pointers = EXTRA_ROLES.map(() => 0);
  zones.forEach((members, z) => {
    const team = teams[z];
    const next = teams[(z + 1) % zones.length];
    members.forEach((school, j) => {
      if (!team.length) return;
      const on = new Set<number>();
      const add = (sup: number | undefined, role: string) => {
        if (sup === undefined || on.has(sup)) return;
        on.add(sup);
        plan.push([school, sup, role]);
      };
      add(team[j % team.length], '责任督学');
      if (rng.chance(0.85)) add(team.length > 1 ? team[(j + 1) % team.length] : next[j % next.length], 'A角');
      if (rng.chance(0.8)) add(team.length > 2 ? team[(j + 2) % team.length] : next[(j + 1) % Math.max(1, next.length)], 'B角');
      EXTRA_ROLES.forEach(([role, , share], k) => {
        const pool = pools[k];
        if (!pool.length) return;
        const own = role === '校级' ? pool.find((s) => sups[s].unit === schools[school].fullName) : undefined;
        if (own !== undefined) add(own, role);
        else if (rng.chance(share)) add(pool[pointers[k]++ % pool.length], role);
      });
    });
  });
  return plan;
}
