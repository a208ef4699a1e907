import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { call } from '../api';
import { generateRegisters, loadDemo, MAX_ZONE_SCHOOLS } from './demo';
import { textMatch } from './search';
import { getSettings } from './settings';
import { SCHOOL_TYPES, SCHOOL_NATURES, URBAN_RURAL, TERM_WARNING_DAYS } from '../../shared/vocab';
import { schoolFields } from '../../shared/schemas/school';
import { supervisorFields } from '../../shared/schemas/supervisor';
import type { Store } from './store';
import { todayText } from '../../shared/dates';

const open: { dispose(): void }[] = [];
async function archive(init?: 'empty' | 'demo') {
  const a = await tempStore(init ? { init } : {});
  open.push(a);
  return a;
}
afterEach(() => { for (const a of open.splice(0)) a.dispose(); });

const all = <T>(a: Store, sql: string, ...params: unknown[]) => a.db.prepare(sql).all(...params) as T[];
const one = <T>(a: Store, sql: string, ...params: unknown[]) => a.db.prepare(sql).get(...params) as T;
const pluck = (a: Store, sql: string) => a.db.prepare(sql).pluck().all() as string[];
const numbers = (a: Store, sql: string) => a.db.prepare(sql).pluck().all() as number[];

/** Every row of the tables the demo fills, in id order: equal dumps mean identical archives. */
function dump(a: Store) {
  return ['settings', 'supervisors', 'schools', 'zones', 'assignments']
    .map((t) => all(a, `SELECT * FROM ${t} ORDER BY 1`));
}

describe('the demo archive (清河区)', () => {
  // One demo archive, only read by these tests (the determinism test makes its own).
  let demo: Awaited<ReturnType<typeof tempStore>>;
  beforeAll(async () => { demo = await tempStore({ init: 'demo' }); }, 30_000);
  afterAll(() => demo.dispose());
  it('has a county-sized register with counts in the expected ranges', async () => {
    const a = demo;
    const status = await call(a, 'dataFolder.status', {});
    expect(status.initialized).toBe(true);
    expect(status.counts.schools).toBeGreaterThanOrEqual(25);
    expect(status.counts.schools).toBeLessThanOrEqual(35);
    expect(status.counts.supervisors).toBeGreaterThanOrEqual(20);
    expect(status.counts.supervisors).toBeLessThanOrEqual(30);
    expect(status.counts.zones).toBeGreaterThanOrEqual(4);
    expect(status.counts.zones).toBeLessThanOrEqual(6);
    expect(status.counts.assignments).toBeGreaterThan(status.counts.schools * 2);
  });

  it('writes every person\'s and school\'s pinyin sort key and initials, as a save would', () => {
    const a = demo;
    expect(numbers(a, `SELECT count(*) FROM supervisors WHERE name_pinyin = '' OR name_initials = ''`)).toEqual([0]);
    expect(numbers(a, `SELECT count(*) FROM schools WHERE name_pinyin = '' OR name_initials = ''`)).toEqual([0]);
    const names = pluck(a, 'SELECT name FROM supervisors ORDER BY name_pinyin');
    expect(names).not.toEqual(pluck(a, 'SELECT name FROM supervisors ORDER BY name'));
  });

  it('sets the office up: name, phone, briefing name and 报/送/发 lists', async () => {
    const a = demo;
    const s = getSettings(a);
    expect(s.officeName).toBe('清河区人民政府教育督导室');
    expect(s.officePhone).toMatch(/^\d{4}-\d{7}$/);
    expect(s.briefingName).toContain('简报');
    for (const list of [s.distribution.bao, s.distribution.song, s.distribution.fa]) expect(list.length).toBeGreaterThan(0);
  });

  it('covers every school type, both natures and 城区/镇区/乡村, with plausible fields', async () => {
    const a = demo;
    expect(new Set(pluck(a, 'SELECT type FROM schools'))).toEqual(new Set(SCHOOL_TYPES));
    expect(new Set(pluck(a, 'SELECT nature FROM schools'))).toEqual(new Set(SCHOOL_NATURES));
    expect(new Set(pluck(a, 'SELECT urban_rural FROM schools'))).toEqual(new Set(URBAN_RURAL));
    const names = pluck(a, 'SELECT full_name FROM schools');
    expect(names).toContain('清河区实验小学');
    expect(names.every((n) => /(小学|中学|学校|幼儿园|培训中心)$/.test(n))).toBe(true);
    const rows = all<Record<string, unknown>>(a, `SELECT full_name AS fullName, short_name AS shortName, type, nature,
      urban_rural AS urbanRural, address, principal, phone, students, teachers, zone_id AS zoneId, notes FROM schools`);
    for (const row of rows) {
      const parsed = schoolFields.safeParse(row);
      expect(parsed.success, `${row.fullName}: ${parsed.error?.message}`).toBe(true);
      expect(row.address).toMatch(/^清河区/);
      expect(row.students as number).toBeGreaterThan(0);
      expect(row.teachers as number).toBeGreaterThan(0);
    }
  });

  it('has supervisors in every category of the settings, with valid records and realistic terms', async () => {
    const a = demo;
    const categories = getSettings(a).supervisorCategories;
    expect(new Set(pluck(a, 'SELECT category FROM supervisors'))).toEqual(new Set(categories));
    const rows = all<Record<string, string | null>>(a, `SELECT name, gender, birth_month AS birthMonth, unit, position,
      education, title, stage, subject, mobile, cert_no AS certNo, letter_no AS letterNo, term_start AS termStart,
      term_end AS termEnd, status, category, notes FROM supervisors`);
    for (const row of rows) {
      const parsed = supervisorFields.safeParse(row);
      expect(parsed.success, `${row.name}: ${parsed.error?.message}`).toBe(true);
      expect(row.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
      expect(row.mobile).toMatch(/^1\d{10}$/);
      if (row.status !== '未聘任') expect(row.certNo).toMatch(/^QH-DX-\d{4}-\d{3}$/);
    }
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.mobile)).size).toBe(rows.length);

    const inDays = (d: string) => Math.round((Date.parse(d) - Date.parse(new Date().toISOString().slice(0, 10))) / 86_400_000);
    const live = rows.filter((r) => r.status === '在聘' && r.termEnd);
    expect(live.filter((r) => inDays(r.termEnd!) >= 0 && inDays(r.termEnd!) <= TERM_WARNING_DAYS).length).toBeGreaterThanOrEqual(2);
    const past = rows.filter((r) => r.termEnd && inDays(r.termEnd) < 0);
    expect(past.length).toBeGreaterThanOrEqual(1);
    expect(past.every((r) => r.status === '期满')).toBe(true);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['在聘', '期满', '解聘', '未聘任']));
  });

  it('gives every school a 责任督学, most an A角 and a B角, some the other roles; only 在聘 supervisors are assigned', async () => {
    const a = demo;
    const without = pluck(a, `SELECT full_name FROM schools s WHERE NOT EXISTS
      (SELECT 1 FROM assignments x WHERE x.school_id = s.id AND x.role = '责任督学')`);
    expect(without).toEqual([]);
    const schools = one<{ n: number }>(a, 'SELECT count(*) AS n FROM schools').n;
    const byRole = new Map(all<{ role: string; n: number }>(a, 'SELECT role, count(*) AS n FROM assignments GROUP BY role').map((r) => [r.role, r.n]));
    expect(byRole.get('A角')!).toBeGreaterThan(schools / 2);
    expect(byRole.get('B角')!).toBeGreaterThan(schools / 2);
    for (const role of ['挂职', '社区', '家长', '校级']) expect(byRole.get(role), role).toBeGreaterThan(0);
    expect(pluck(a, `SELECT DISTINCT s.status FROM assignments x JOIN supervisors s ON s.id = x.supervisor_id`)).toEqual(['在聘']);
  });

  it('leads every zone by a 专职督学 (each a different one), with at most 20 schools, urban and rural together', async () => {
    const a = demo;
    const zones = all<{ id: number; category: string; status: string; leader: number; urban: number; other: number }>(a, `
      SELECT z.id, s.category, s.status, z.leader_id AS leader,
        (SELECT count(*) FROM schools WHERE zone_id = z.id AND urban_rural = '城区') AS urban,
        (SELECT count(*) FROM schools WHERE zone_id = z.id AND urban_rural <> '城区') AS other
      FROM zones z JOIN supervisors s ON s.id = z.leader_id`);
    expect(zones.length).toBe(one<{ n: number }>(a, 'SELECT count(*) AS n FROM zones').n);
    expect(new Set(zones.map((z) => z.leader)).size).toBe(zones.length);
    for (const z of zones) {
      expect(z).toMatchObject({ category: '专职督学', status: '在聘' });
      expect(z.urban + z.other).toBeLessThanOrEqual(MAX_ZONE_SCHOOLS);
      expect(z.urban, `zone ${z.id}`).toBeGreaterThan(0);
      expect(z.other, `zone ${z.id}`).toBeGreaterThan(0);
    }
    expect(one<{ n: number }>(a, 'SELECT count(*) AS n FROM schools WHERE zone_id IS NULL').n).toBe(0);
  });

  it('is a sound database: integrity and foreign keys check out, one audit line for the whole load', async () => {
    const a = demo;
    expect(a.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(a.db.pragma('foreign_key_check')).toEqual([]);
    const lines = all<{ action: string; summary: string }>(a, 'SELECT action, summary FROM audit_log');
    expect(lines).toEqual([{ action: '初始化', summary: '载入示例档案' }]);
  });

  it('holds this year of work up to today: every school visited every month, problems, notices, calendar and complaints', async () => {
    const a = demo;
    const now = new Date();
    const year = now.getFullYear();
    const months = Array.from({ length: now.getMonth() + 1 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    const schools = one<{ n: number }>(a, 'SELECT count(*) AS n FROM schools').n;
    for (const m of months.slice(0, -1)) {
      const covered = one<{ n: number }>(a, `SELECT count(DISTINCT school_id) AS n FROM visits WHERE substr(date, 1, 7) = ?`, m).n;
      expect(covered, m).toBe(schools);
    }
    expect(one<{ n: number }>(a, `SELECT count(*) AS n FROM visits WHERE date > date('now', 'localtime')`).n).toBe(0);
    expect(one<{ n: number }>(a, 'SELECT count(*) AS n FROM problems').n).toBeGreaterThan(50);
    expect(one<{ n: number }>(a, 'SELECT count(*) AS n FROM notices').n).toBeGreaterThan(5);
    expect(one<{ n: number }>(a, `SELECT count(*) AS n FROM problems WHERE status = '已销号'`).n).toBeGreaterThan(0);
    expect(one<{ n: number }>(a, 'SELECT count(*) AS n FROM calendar_items').n).toBeGreaterThan(20);
    expect(one<{ n: number }>(a, 'SELECT count(*) AS n FROM complaints').n).toBeGreaterThanOrEqual(20);
    const dash = await call(a, 'dashboard.get', { year });
    expect(dash.coverage.total).toBe(schools);
    expect(dash.rectification.raised).toBeGreaterThan(0);
  });

  it('is indexed for search: a 4-character substring finds the school, a 2-character one too', async () => {
    const a = demo;
    const find = (q: string) => {
      const [where, params] = textMatch('schools_fts', 'id', q);
      return a.db.prepare(`SELECT full_name FROM schools WHERE ${where}`).pluck().all(...params) as string[];
    };
    expect(find('实验小学')).toContain('清河区实验小学');
    const rural = one<{ full_name: string }>(a, `SELECT full_name FROM schools WHERE urban_rural = '乡村' ORDER BY id LIMIT 1`).full_name;
    expect(find(rural.slice(1, 5))).toContain(rural);
    expect(find('特殊')).toContain('清河区特殊教育学校');
    const [where, params] = textMatch('supervisors_fts', 'id', 'QH-DX');
    expect((a.db.prepare(`SELECT count(*) FROM supervisors WHERE ${where}`).pluck().get(...params) as number)).toBeGreaterThan(20);
  });

  it('is deterministic: the same seed gives identical archives, another seed a different one', async () => {
    const today = new Date(2025, 8, 1);
    const [x, y, z] = [await archive('empty'), await archive('empty'), await archive('empty')];
    loadDemo(x, { today });
    loadDemo(y, { today });
    loadDemo(z, { today, seed: 7 });
    expect(dump(x)).toEqual(dump(y));
    expect(dump(x)[1]).not.toEqual(dump(z)[1]);
  });
});

describe('generateRegisters at benchmark scale', () => {
  it('makes 300 schools, 200 supervisors and enough zones of ≤ 20 schools, quickly, with unique names', async () => {
    const a = await archive('empty');
    const started = Date.now();
    const made = generateRegisters(a, { schools: 300, supervisors: 200, zones: 12, seed: 3 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(made.schoolIds).toHaveLength(300);
    expect(made.supervisorIds).toHaveLength(200);
    expect(made.zoneIds).toHaveLength(15); // 300 / 20
    const sizes = numbers(a, 'SELECT count(*) FROM schools GROUP BY zone_id');
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_ZONE_SCHOOLS);
    expect(one<{ n: number }>(a, 'SELECT count(DISTINCT full_name) AS n FROM schools').n).toBe(300);
    expect(one<{ n: number }>(a, `SELECT count(*) AS n FROM schools s WHERE NOT EXISTS
      (SELECT 1 FROM assignments x WHERE x.school_id = s.id AND x.role = '责任督学')`).n).toBe(0);
    expect(a.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('adds to an archive that already has rows without clashing with its unique names and numbers', async () => {
    const a = await archive('demo');
    const made = generateRegisters(a, { schools: 40, supervisors: 30, zones: 2, seed: 42 });
    expect(made.schoolIds).toHaveLength(40);
    expect(one<{ n: number }>(a, 'SELECT count(*) AS n FROM schools').n).toBe(70);
    expect(one<{ n: number }>(a, 'SELECT count(DISTINCT name) AS n FROM zones').n).toBe(one<{ n: number }>(a, 'SELECT count(*) AS n FROM zones').n);
  });

  it('refuses sizes too small to show every type and category, leaving the archive unchanged', async () => {
    const a = await archive('empty');
    expect(() => generateRegisters(a, { schools: 5, supervisors: 25, zones: 1, seed: 1 })).toThrow(/至少需要 8 所/);
    expect(() => generateRegisters(a, { schools: 30, supervisors: 8, zones: 5, seed: 1 })).toThrow(/督学人数 8 太少/);
    expect(one<{ n: number }>(a, 'SELECT count(*) AS n FROM supervisors').n).toBe(0);
  });
});

describe('the demo archive beyond the routine (issue 14)', () => {
  let demo: Awaited<ReturnType<typeof tempStore>>;
  beforeAll(async () => { demo = await tempStore({ init: 'demo' }); }, 30_000);
  afterAll(() => demo.dispose());

  it('has a finished and a running campaign, a 督政 problem open, a 回头看 due and a finished 达标监测 round', async () => {
    const a = demo;
    const campaigns = await call(a, 'campaigns.list', {});
    expect(campaigns.map((c) => [c.name, c.status])).toEqual([['课后服务', '进行中'], ['食品安全', '已完成']]);
    const [running, finished] = campaigns;
    expect(finished.progress.schoolsChecked).toBe(finished.progress.schoolsPlanned);
    expect(running.progress.schoolsChecked).toBeGreaterThan(0);
    expect(running.progress.schoolsChecked).toBeLessThan(running.progress.schoolsPlanned);
    const report = (await call(a, 'campaigns.get', { id: finished.id })).campaign;
    expect(report.report.map((s) => s.title)).toEqual(['基本情况', '主要成效', '存在问题', '整改要求及建议']);
    const board = await call(a, 'campaigns.board', {});
    expect(board.followupsDue).toBeGreaterThan(0);
    expect(board.unitProblemsOpen).toBeGreaterThan(0);
    const followups = await call(a, 'followups.list', {});
    expect(followups.some((f) => f.result === '反弹')).toBe(true);
    expect((await call(a, 'escalations.list', {})).map((e) => e.kind)).toEqual(['约谈']);
    const [round] = await call(a, 'evaluations.list', {});
    expect(round).toMatchObject({ kind: '达标监测', closedAt: expect.any(String) });
    expect(round.assessed).toBe(round.schools);
    expect(round.passRate).toBeGreaterThan(50);
    expect(round.passRate).toBeLessThan(95);
    const results = await call(a, 'evaluations.results', { id: round.id });
    expect(results.indicatorsWithLine).toBe(16);
    expect(results.indicatorsMet).toBeLessThan(16);
    expect(results.satisfaction.overall.total).toBeGreaterThan(0);
    // Nothing dated after today.
    const today = todayText();
    expect(a.db.prepare('SELECT max(date) FROM visits').pluck().get()! <= today).toBe(true);
    expect(a.db.prepare('SELECT max(done_date) FROM followups').pluck().get()! <= today).toBe(true);
  });
});
