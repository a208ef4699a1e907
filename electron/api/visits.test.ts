import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { call, dispatch } from './index';
import { nowText } from '../../shared/dates';
import { putAttachment } from '../store/attachments';
import { generateVisitsAndProblems } from '../store/demo/work-visits';
import { pinyinKey } from '../store/pinyin';
import type { Input } from '../../shared/contract';
import { EIGHT_ITEMS, PROBLEM_TRANSITIONS, type ProblemStatus } from '../../shared/vocab';

type Store = Awaited<ReturnType<typeof tempStore>>;
type Fields = Input<'visits.save'>['fields'];

// Registers are written with SQL here: this area must not depend on the register repositories. Names
// carry their pinyin sort keys (store/pinyin.ts) as the repositories write them.
function fixtures(a: Store) {
  const now = nowText();
  const zone = (name: string, leaderId: number | null = null) => Number(a.db.prepare(
    'INSERT INTO zones (name, leader_id, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, leaderId, now, now).lastInsertRowid);
  const school = (name: string, zoneId: number | null = null) => Number(a.db.prepare(
    `INSERT INTO schools (full_name, type, nature, zone_id, name_pinyin, created_at, updated_at) VALUES (?, '小学', '公办', ?, ?, ?, ?)`)
    .run(name, zoneId, pinyinKey(name, 'place'), now, now).lastInsertRowid);
  const supervisor = (name: string) => Number(a.db.prepare(
    `INSERT INTO supervisors (name, status, category, name_pinyin, created_at, updated_at) VALUES (?, '在聘', '兼职督学', ?, ?, ?)`)
    .run(name, pinyinKey(name, 'person'), now, now).lastInsertRowid);
  const assign = (schoolId: number, supervisorId: number, role = '责任督学') => a.db.prepare(
    'INSERT INTO assignments (school_id, supervisor_id, role, created_at) VALUES (?, ?, ?, ?)').run(schoolId, supervisorId, role, now);
  return { zone, school, supervisor, assign };
}

const lastAudit = (a: Store) => a.db.prepare('SELECT action, kind, entity_id AS entityId, summary FROM audit_log ORDER BY id DESC LIMIT 1').get() as
  { action: string; kind: string; entityId: number; summary: string };
const count = (a: Store, table: string) => (a.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('visits: save, get, edit', () => {
  let a: Store;
  let ids: { school: number; other: number; zhang: number; li: number; wang: number };
  const base = (over: Partial<Fields> = {}): Fields => ({
    schoolId: ids.school, date: '2025-04-10', supervisorIds: [ids.zhang], type: '经常性', ...over,
  });
  // A fresh archive per test: the first test reads back every audit line of its save.
  beforeEach(async () => {
    a = await tempStore({ init: 'empty' });
    const f = fixtures(a);
    const z = f.zone('第一责任区');
    ids = { school: f.school('城关第一小学', z), other: f.school('白沙镇中心小学'), zhang: f.supervisor('张明'), li: f.supervisor('李芳'), wang: f.supervisor('王强') };
  });
  afterEach(() => a.dispose());

  it('records a visit with every field and raises its problems in the same save', async () => {
    const photo = putAttachment(a, Buffer.from('jpeg-bytes'), '食堂.jpg', 'image/jpeg');
    const doc = putAttachment(a, Buffer.from('doc-bytes'), '反馈单.docx', 'application/octet-stream');
    const v = await call(a, 'visits.save', {
      fields: base({
        supervisorIds: [ids.zhang, ids.li, ids.zhang], theme: '食品安全', methods: ['巡视校园', '查阅资料', '巡视校园'],
        items: [EIGHT_ITEMS[6], '其他'], narrative: '检查了食堂后厨和留样。', highlight: '明厨亮灶', feedback: '现场反馈了留样问题',
        attachments: [{ hash: photo, fileName: '食堂.jpg', kind: 'photo' }, { hash: doc, fileName: '反馈单.docx', kind: 'file' }],
      }),
      newProblems: [
        { category: EIGHT_ITEMS[6], description: '食品留样不足125克', deadline: '2025-05-10' },
        { category: '其他', description: '档案柜未上锁', actor: '教育局科室' },
      ],
    });
    expect(v).toMatchObject({
      schoolId: ids.school, schoolName: '城关第一小学', zoneName: '第一责任区', date: '2025-04-10', type: '经常性',
      theme: '食品安全', methods: ['巡视校园', '查阅资料'], items: [EIGHT_ITEMS[6], '其他'], narrative: '检查了食堂后厨和留样。',
      highlight: '明厨亮灶', feedback: '现场反馈了留样问题', calendarItemId: null, problemCount: 2,
      supervisorNames: ['李芳', '张明'], // pinyin order: li before zhang
      attachments: [{ hash: photo, fileName: '食堂.jpg', kind: 'photo' }, { hash: doc, fileName: '反馈单.docx', kind: 'file' }],
    });
    expect([...v.supervisorIds].sort()).toEqual([ids.zhang, ids.li].sort());
    const got = await call(a, 'visits.get', { id: v.id });
    expect(got.visit).toEqual(v);
    expect(got.problems).toHaveLength(2);
    expect(got.problems[0]).toMatchObject({
      source: '督导记录', visitId: v.id, schoolId: ids.school, status: '待整改', raisedAt: '2025-04-10',
      description: '食品留样不足125克', deadline: '2025-05-10', actor: '学校',
    });
    expect(got.problems[1]).toMatchObject({ category: '其他', actor: '教育局科室', deadline: null });
    const history = await call(a, 'problems.get', { id: got.problems[0].id });
    expect(history.history).toEqual([expect.objectContaining({ fromStatus: null, toStatus: '待整改', actor: '测试' })]);
    const log = a.db.prepare(`SELECT kind, action FROM audit_log WHERE kind IN ('visit', 'problem') ORDER BY id`).all();
    expect(log).toEqual([{ kind: 'visit', action: '新增' }, { kind: 'problem', action: '新增' }, { kind: 'problem', action: '新增' }]);
  });

  it('edits a visit: links replaced, new problems added, old ones kept', async () => {
    const v = await call(a, 'visits.save', { fields: base({ items: [EIGHT_ITEMS[0]] }), newProblems: [{ category: EIGHT_ITEMS[0], description: '制度未修订' }] });
    const e = await call(a, 'visits.save', {
      id: v.id,
      fields: base({ supervisorIds: [ids.wang], items: [EIGHT_ITEMS[1], EIGHT_ITEMS[2]], type: '专项', date: '2025-04-11' }),
      newProblems: [{ category: EIGHT_ITEMS[1], description: '教辅费代收不规范' }],
    });
    expect(e).toMatchObject({ id: v.id, supervisorNames: ['王强'], items: [EIGHT_ITEMS[1], EIGHT_ITEMS[2]], type: '专项', date: '2025-04-11', problemCount: 2 });
    expect(lastAudit(a)).toMatchObject({ kind: 'problem' });
    expect(a.db.prepare('SELECT item FROM visit_items WHERE visit_id = ? ORDER BY item').pluck().all(v.id)).toEqual([EIGHT_ITEMS[1], EIGHT_ITEMS[2]].sort());
    // A record that raised problems cannot move to another school (its problems would not follow).
    const res = await dispatch(a, 'visits.save', { id: v.id, fields: base({ schoolId: ids.other }) });
    expect(res).toMatchObject({ ok: false, error: { code: 'conflict', field: 'schoolId' } });
  });

  it('takes the month theme of a live 行事历 when the theme of a 经常性 visit is left empty', async () => {
    const now = nowText();
    const cal = (title: string) => Number(a.db.prepare(`INSERT INTO calendars (title, period_kind, start_month, end_month, created_at, updated_at)
      VALUES (?, '学年', '2025-09', '2026-07', ?, ?)`).run(title, now, now).lastInsertRowid);
    const c1 = cal('2025学年行事历');
    a.db.prepare('INSERT INTO calendar_months (calendar_id, month, theme) VALUES (?, ?, ?)').run(c1, '2025-10', '学校思政课开设情况');
    const v = await call(a, 'visits.save', { fields: base({ date: '2025-10-15', theme: '' }) });
    expect(v.theme).toBe('学校思政课开设情况');
    expect((await call(a, 'visits.save', { fields: base({ date: '2025-10-15', theme: '自定主题' }) })).theme).toBe('自定主题');
    // 一月一主题 belongs to the regular visits: a safety 专项 visit (or any other kind) without a theme keeps none.
    for (const type of ['专项', '综合', '定向', '应访', '回查'] as const) {
      expect((await call(a, 'visits.save', { fields: base({ date: '2025-10-15', type, theme: '' }) })).theme, type).toBeNull();
    }
    expect((await call(a, 'visits.save', { fields: base({ date: '2025-11-03' }) })).theme).toBeNull();
    a.db.prepare('UPDATE calendars SET deleted_at = ? WHERE id = ?').run(now, c1);
    expect((await call(a, 'visits.save', { fields: base({ date: '2025-10-16' }) })).theme).toBeNull();
  });

  it('links a live 行事历 item and refuses a deleted one', async () => {
    const now = nowText();
    const c = Number(a.db.prepare(`INSERT INTO calendars (title, period_kind, start_month, end_month, created_at, updated_at)
      VALUES ('2025年', '自然年', '2025-01', '2025-12', ?, ?)`).run(now, now).lastInsertRowid);
    const item = Number(a.db.prepare(`INSERT INTO calendar_items (calendar_id, month, seq, content, category, status, created_at, updated_at)
      VALUES (?, '2025-04', 1, '开展经常性督导', '经常性', '进行中', ?, ?)`).run(c, now, now).lastInsertRowid);
    expect((await call(a, 'visits.save', { fields: base({ calendarItemId: item }) })).calendarItemId).toBe(item);
    a.db.prepare('UPDATE calendar_items SET deleted_at = ? WHERE id = ?').run(now, item);
    const res = await dispatch(a, 'visits.save', { fields: base({ calendarItemId: item }) });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid', field: 'calendarItemId' } });
    if (!res.ok) expect(res.error.message).toContain('「行事历事项」');
  });

  it.each([
    ['no supervisor', { supervisorIds: [] }, 'fields.supervisorIds', '督学'],
    ['a bad date', { date: '2025-13-45' }, 'fields.date', '督导日期'],
    ['an unknown type', { type: '抽查' }, 'fields.type', '督导类型'],
    ['an unknown method', { methods: ['看看'] }, 'fields.methods', '督导方式'],
    ['a theme too long', { theme: '主'.repeat(101) }, 'fields.theme', '主题'],
    ['a school id of the wrong type', { schoolId: 'x' }, 'fields.schoolId', '学校'],
  ])('refuses %s by schema, naming the field in Chinese', async (_what, over, field, label) => {
    const res = await dispatch(a, 'visits.save', { fields: { ...base(), ...over } });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid', field } });
    if (!res.ok) expect(res.error.message).toContain(`「${label}」`);
  });

  it('refuses unknown or deleted references and items outside the office list, writing nothing', async () => {
    const before = [count(a, 'visits'), count(a, 'problems'), count(a, 'audit_log')];
    const deleted = fixtures(a).supervisor('已删督学');
    a.db.prepare('UPDATE supervisors SET deleted_at = ? WHERE id = ?').run(nowText(), deleted);
    const cases: [Partial<Fields>, Input<'visits.save'>['newProblems'], string, string][] = [
      [{ schoolId: 99_999 }, [], 'schoolId', '学校'],
      [{ supervisorIds: [ids.zhang, deleted] }, [], 'supervisorIds', '督学'],
      [{ items: ['随便看看'] }, [], 'items', '督导事项'],
      [{ attachments: [{ hash: 'a'.repeat(64), fileName: 'x.jpg', kind: 'photo' }] }, [], 'attachments', '照片和附件'],
      [{}, [{ category: EIGHT_ITEMS[0], description: '好' }, { category: '不存在的类别', description: '坏' }], 'newProblems.category', '第2个问题的类别'],
    ];
    for (const [over, newProblems, field, label] of cases) {
      const res = await dispatch(a, 'visits.save', { fields: base(over), newProblems });
      expect(res, field).toMatchObject({ ok: false, error: { code: 'invalid', field } });
      if (!res.ok) expect(res.error.message).toContain(`「${label}」`);
    }
    const empty = await dispatch(a, 'visits.save', { fields: base(), newProblems: [{ category: EIGHT_ITEMS[0], description: ' ' }] });
    expect(empty).toMatchObject({ ok: false, error: { field: 'newProblems.description' } });
    if (!empty.ok) expect(empty.error.message).toContain('「问题描述」');
    expect([count(a, 'visits'), count(a, 'problems'), count(a, 'audit_log')]).toEqual(before);
  });

  it('answers unknown ids with not_found', async () => {
    for (const channel of ['visits.get', 'visits.delete'] as const) {
      const res = await dispatch(a, channel, { id: 99_999 });
      expect(res).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    const res = await dispatch(a, 'visits.save', { id: 99_999, fields: base() });
    expect(res).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('visits: lists, filters, timelines', () => {
  let a: Store;
  const ids: Record<string, number> = {};
  const list = (q: Input<'visits.list'> = {}) => call(a, 'visits.list', { limit: 500, ...q });
  const dates = (p: { rows: { date: string }[] }) => p.rows.map((r) => r.date);

  beforeAll(async () => {
    a = await tempStore({ init: 'empty' });
    const f = fixtures(a);
    ids.z1 = f.zone('第一责任区');
    ids.z2 = f.zone('第二责任区');
    ids.s1 = f.school('城关第一小学', ids.z1);
    ids.s2 = f.school('白沙镇中心小学', ids.z2);
    ids.s3 = f.school('将被删除的学校', ids.z2);
    ids.zhang = f.supervisor('张明');
    ids.li = f.supervisor('李芳');
    const save = (schoolId: number, date: string, supervisorIds: number[], type: Fields['type'], items: string[], narrative: string) =>
      call(a, 'visits.save', { fields: { schoolId, date, supervisorIds, type, items, narrative } });
    await save(ids.s1, '2025-03-05', [ids.zhang], '经常性', [EIGHT_ITEMS[0]], '检查了校务公开栏。');
    await save(ids.s1, '2025-04-08', [ids.zhang, ids.li], '专项', [EIGHT_ITEMS[6]], '检查了食堂留样和从业人员健康证。');
    await save(ids.s2, '2025-04-20', [ids.li], '经常性', [EIGHT_ITEMS[5], EIGHT_ITEMS[6]], '巡视了校园门卫和消防通道。');
    await save(ids.s2, '2024-12-30', [ids.li], '回查', [], '回查整改情况。');
    await save(ids.s3, '2025-04-09', [ids.zhang], '经常性', [], '这所学校随后被删除。');
    a.db.prepare('UPDATE schools SET deleted_at = ? WHERE id = ?').run(nowText(), ids.s3);
  });
  afterAll(() => a.dispose());

  it('lists live schools only, newest first by default, with names and counts', async () => {
    const all = await list();
    expect(all.total).toBe(4);
    expect(dates(all)).toEqual(['2025-04-20', '2025-04-08', '2025-03-05', '2024-12-30']);
    expect(all.rows[1]).toMatchObject({ schoolName: '城关第一小学', zoneName: '第一责任区', problemCount: 0 });
    expect([...all.rows[1].supervisorNames].sort()).toEqual(['张明', '李芳'].sort());
  });

  it('filters by school, supervisor, zone, month, year, type and item', async () => {
    expect(dates(await list({ schoolId: ids.s1 }))).toEqual(['2025-04-08', '2025-03-05']);
    expect(dates(await list({ supervisorId: ids.li }))).toEqual(['2025-04-20', '2025-04-08', '2024-12-30']);
    expect(dates(await list({ zoneId: ids.z2 }))).toEqual(['2025-04-20', '2024-12-30']);
    expect(dates(await list({ month: '2025-04' }))).toEqual(['2025-04-20', '2025-04-08']);
    expect(dates(await list({ year: 2024 }))).toEqual(['2024-12-30']);
    expect(dates(await list({ type: '专项' }))).toEqual(['2025-04-08']);
    expect(dates(await list({ item: EIGHT_ITEMS[6] }))).toEqual(['2025-04-20', '2025-04-08']);
    expect(dates(await list({ item: EIGHT_ITEMS[6], schoolId: ids.s2, month: '2025-04' }))).toEqual(['2025-04-20']);
  });

  it('searches the record text (3+ characters by FTS, 1–2 by LIKE) and the school name', async () => {
    expect(dates(await list({ q: '健康证' }))).toEqual(['2025-04-08']);
    expect(dates(await list({ q: '留样' }))).toEqual(['2025-04-08']);
    expect(dates(await list({ q: '白沙镇' }))).toEqual(['2025-04-20', '2024-12-30']);
    expect((await list({ q: '被删除' })).total).toBe(0);
  });

  it('sorts and pages with a stable total', async () => {
    expect(dates(await list({ dir: 'asc' }))).toEqual(['2024-12-30', '2025-03-05', '2025-04-08', '2025-04-20']);
    const bySchool = await list({ sort: 'school', dir: 'asc' });
    // Pinyin order: 白 bai before 城 cheng (by character code 城 U+57CE would come first).
    expect(bySchool.rows.map((r) => r.schoolName)).toEqual(['白沙镇中心小学', '白沙镇中心小学', '城关第一小学', '城关第一小学']);
    const p1 = await list({ limit: 3, offset: 0 });
    const p2 = await list({ limit: 3, offset: 3 });
    expect([p1.total, p2.total]).toEqual([4, 4]);
    expect([...dates(p1), ...dates(p2)]).toEqual(dates(await list()));
  });

  it('hides a deleted supervisor from the names on a record', async () => {
    a.db.prepare('UPDATE supervisors SET deleted_at = ? WHERE id = ?').run(nowText(), ids.li);
    const v = (await list({ month: '2025-04', schoolId: ids.s1 })).rows[0];
    expect(v.supervisorNames).toEqual(['张明']);
    a.db.prepare('UPDATE supervisors SET deleted_at = NULL WHERE id = ?').run(ids.li);
  });

  it('deletes to the 回收站 and restores', async () => {
    const v = (await list({ type: '专项' })).rows[0];
    const { recycleId } = await call(a, 'visits.delete', { id: v.id });
    expect(lastAudit(a)).toMatchObject({ action: '删除', kind: 'visit', entityId: v.id });
    expect((await list()).total).toBe(3);
    await expect(call(a, 'visits.get', { id: v.id })).rejects.toMatchObject({ code: 'not_found' });
    const bin = await call(a, 'recycle.list', {});
    expect(bin.find((x) => x.id === recycleId)).toMatchObject({ kind: 'visit', entityId: v.id, title: '城关第一小学 2025-04-08 专项督导' });
    await call(a, 'recycle.restore', { id: recycleId });
    expect((await call(a, 'visits.get', { id: v.id })).visit).toEqual(v);
    expect((await list()).total).toBe(4);
  });

  it('refuses a malformed month filter naming the field', async () => {
    const res = await dispatch(a, 'visits.list', { month: '2025-4' });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid', field: 'month' } });
    if (!res.ok) expect(res.error.message).toContain('「月份」');
  });
});

describe('visits: a long list read by windows (as the virtual list does)', () => {
  let a: Store;
  const ids: Record<string, number> = {};
  type Q = Input<'visits.list'>;
  const list = (q: Q) => call(a, 'visits.list', q);

  beforeAll(async () => {
    a = await tempStore({ init: 'empty' });
    const f = fixtures(a);
    ids.zone = f.zone('第一责任区');
    const schools = [f.school('城关第一小学', ids.zone), f.school('白沙镇中心小学'), f.school('城关第二小学'), f.school('将被删除的学校', ids.zone)];
    ids.zhang = f.supervisor('张明');
    ids.li = f.supervisor('李芳');
    // 61 visits on few dates, so ties in every sort key are broken by the later keys.
    for (let i = 0; i < 61; i++) {
      await call(a, 'visits.save', { fields: {
        schoolId: schools[i % 4], date: `2025-0${1 + (i % 3)}-1${i % 2}`, supervisorIds: i % 3 ? [ids.zhang] : [ids.zhang, ids.li],
        type: i % 5 ? '经常性' : '专项', items: i % 2 ? [EIGHT_ITEMS[6]] : [],
      } });
    }
    ids.deadSchool = schools[3];
    a.db.prepare('UPDATE schools SET deleted_at = ? WHERE id = ?').run(nowText(), ids.deadSchool);
  });
  afterAll(() => a.dispose());

  const keyOf: Record<NonNullable<Q['sort']>, (v: { date: string; type: string; schoolName: string; updatedAt: string }) => string> = {
    date: (v) => v.date, type: (v) => v.type, school: (v) => pinyinKey(v.schoolName, 'place'), updatedAt: (v) => v.updatedAt,
  };

  it('gives the same rows in windows of any size, from the front or the back half, in every sort and direction', async () => {
    const filters: Q[] = [{}, { supervisorId: ids.li }, { zoneId: ids.zone }, { item: EIGHT_ITEMS[6], type: '经常性' }, { year: 2025, month: '2025-02' }];
    for (const filter of filters) {
      for (const sort of ['date', 'type', 'school', 'updatedAt'] as const) {
        for (const dir of ['asc', 'desc'] as const) {
          const all = await list({ ...filter, sort, dir, limit: 500 });
          const order = all.rows.map((r) => r.id);
          expect(new Set(order).size).toBe(order.length);
          expect(all.rows.every((r) => r.schoolId !== ids.deadSchool)).toBe(true);
          const keys = all.rows.map(keyOf[sort]);
          const byCode = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0); // as SQLite compares text
          expect(keys).toEqual([...keys].sort((x, y) => (dir === 'asc' ? byCode(x, y) : byCode(y, x))));
          // Windows of 7 (the later ones are read backwards from the end) join into the whole list.
          const windows: number[] = [];
          for (let offset = 0; offset < all.total; offset += 7) {
            const page = await list({ ...filter, sort, dir, limit: 7, offset });
            expect(page.total).toBe(all.total);
            windows.push(...page.rows.map((r) => r.id));
          }
          expect(windows, JSON.stringify({ filter, sort, dir })).toEqual(order);
        }
      }
    }
  });

  it('counts and lists no visit of a school in the 回收站, and nothing past the end', async () => {
    const all = await list({ limit: 500 });
    expect(all.total).toBe(61 - 15);
    expect(all.rows).toHaveLength(46);
    expect((await list({ supervisorId: ids.zhang, sort: 'school', limit: 500 })).total).toBe(46);
    expect(await list({ offset: 46 })).toEqual({ rows: [], total: 46 });
    expect((await list({ offset: 45, limit: 30 })).rows.map((r) => r.id)).toEqual([all.rows[45].id]);
    // Back from the 回收站: its visits are listed again.
    a.db.prepare('UPDATE schools SET deleted_at = NULL WHERE id = ?').run(ids.deadSchool);
    expect((await list({ sort: 'school', offset: 40 })).total).toBe(61);
    a.db.prepare('UPDATE schools SET deleted_at = ? WHERE id = ?').run(nowText(), ids.deadSchool);
  });
});

describe('demo: a year of visits and problems', () => {
  // One generated year (seed 3), read by the first two tests and never changed.
  let a: Store;
  let r: ReturnType<typeof generateVisitsAndProblems>;
  let auditsBefore: number;
  const today = new Date(2026, 5, 30);
  /** 12 schools, 4 supervisors; each school has a 责任督学 and an A角. */
  const county = (x: Store) => {
    const f = fixtures(x);
    const z = f.zone('第一责任区');
    const sups = ['张明', '李芳', '王强', '赵丽'].map((n) => f.supervisor(n));
    const schools = Array.from({ length: 12 }, (_, i) => f.school(`测试学校${i + 1}`, i < 6 ? z : null));
    schools.forEach((s, i) => { f.assign(s, sups[i % 4]); f.assign(s, sups[(i + 1) % 4], 'A角'); });
  };
  beforeAll(async () => {
    a = await tempStore({ init: 'empty' });
    county(a);
    auditsBefore = count(a, 'audit_log');
    r = generateVisitsAndProblems(a, { year: 2025, seed: 3, today });
  }, 30_000);
  afterAll(() => a.dispose());

  it('writes a realistic, consistent year that the lists read back', async () => {
    expect(r.visits).toBe(12 * 12);
    expect(r.problems).toBeGreaterThan(r.visits * 0.2);
    expect(r.problems).toBeLessThan(r.visits * 0.5);
    expect(r.notices).toBeGreaterThan(10);
    expect(count(a, 'audit_log')).toBe(auditsBefore);

    // Every school visited every month of 2025, by its own assigned supervisors.
    const months = a.db.prepare(`SELECT school_id, count(DISTINCT substr(date, 1, 7)) AS m FROM visits GROUP BY school_id`).all() as { m: number }[];
    expect(months).toHaveLength(12);
    expect(months.every((x) => x.m === 12)).toBe(true);
    const stranger = a.db.prepare(`SELECT count(*) FROM visit_supervisors vs JOIN visits v ON v.id = vs.visit_id
      WHERE NOT EXISTS (SELECT 1 FROM assignments asg WHERE asg.school_id = v.school_id AND asg.supervisor_id = vs.supervisor_id)`).pluck().get();
    expect(stranger).toBe(0);
    const visits = await call(a, 'visits.list', { year: 2025, limit: 500 });
    expect(visits.total).toBe(144);
    expect(visits.rows.every((v) => v.narrative && v.narrative.length > 60 && v.highlight && v.feedback && v.items.length > 0 && v.methods.includes('巡视校园'))).toBe(true);
    expect(new Set(visits.rows.map((v) => v.narrative)).size).toBeGreaterThan(100);

    // Notices numbered 1..n per year in order of issue; problems on them follow the workflow.
    const notices = a.db.prepare('SELECT year, number, issued_date AS issued FROM notices ORDER BY year, number').all() as { year: number; number: number; issued: string }[];
    for (const y of new Set(notices.map((n) => n.year))) {
      const mine = notices.filter((n) => n.year === y);
      expect(mine.map((n) => n.number)).toEqual(mine.map((_, i) => i + 1));
      expect(mine.map((n) => n.issued)).toEqual([...mine.map((n) => n.issued)].sort());
      expect(mine.every((n) => n.issued.startsWith(String(y)))).toBe(true);
    }
    const history = a.db.prepare('SELECT problem_id AS id, from_status AS f, to_status AS t FROM problem_history ORDER BY problem_id, id').all() as
      { id: number; f: ProblemStatus | null; t: ProblemStatus }[];
    const statuses = new Map(a.db.prepare('SELECT id, status FROM problems').all().map((p) => [(p as { id: number }).id, (p as { status: string }).status]));
    let prev: { id: number; t: ProblemStatus } | null = null;
    for (const h of history) {
      if (!prev || prev.id !== h.id) expect(h).toMatchObject({ f: null, t: '待整改' });
      else {
        expect(h.f).toBe(prev.t);
        expect(PROBLEM_TRANSITIONS[h.f!]).toContain(h.t);
      }
      prev = h;
    }
    const lastOf = new Map(history.map((h) => [h.id, h.t]));
    expect([...statuses].every(([id, s]) => lastOf.get(id) === s)).toBe(true);
    const byStatus = Object.fromEntries(a.db.prepare('SELECT status, count(*) AS n FROM problems GROUP BY status').all()
      .map((x) => [(x as { status: string }).status, (x as { n: number }).n]));
    expect(byStatus['已销号']).toBeGreaterThan(r.problems * 0.6);
    expect(a.db.prepare(`SELECT count(*) FROM rechecks WHERE result = '未通过'`).pluck().get()).toBeGreaterThan(0);
    expect(a.db.prepare(`SELECT count(*) FROM problems WHERE status = '已销号' AND closed_at IS NULL`).pluck().get()).toBe(0);
    // Nothing happens after `today`.
    expect(a.db.prepare(`SELECT max(at) FROM problem_history`).pluck().get()! < '2026-07-01').toBe(true);
    // Some problems are overdue (as the real lists compute it), and the ledger shows the sources.
    expect((await call(a, 'problems.list', { overdueOnly: true })).total).toBeGreaterThan(0);
    expect((await call(a, 'problems.list', { source: '专项督导' })).rows.every((p) => p.campaign)).toBe(true);
  });

  it('is deterministic for a seed and appends the next numbers after existing notices', async () => {
    const b = await tempStore({ init: 'empty' });
    try {
      county(b);
      const again = generateVisitsAndProblems(b, { year: 2025, seed: 3, today });
      const text = (x: Store) => x.db.prepare('SELECT narrative FROM visits ORDER BY id LIMIT 20').pluck().all();
      expect(text(b)).toEqual(text(a));
      expect(again.visits).toBe(144);
      const before = b.db.prepare('SELECT max(number) FROM notices WHERE year = 2025').pluck().get() as number;
      generateVisitsAndProblems(b, { year: 2025, seed: 4, today, visitsPerSchoolPerMonth: 1 });
      const numbers = b.db.prepare('SELECT number FROM notices WHERE year = 2025 ORDER BY number').pluck().all() as number[];
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      expect(numbers.length).toBeGreaterThan(before);
    } finally {
      b.dispose();
    }
  });

  it('stops at today: nothing dated in the future', async () => {
    const b = await tempStore({ init: 'empty' });
    try {
      const f = fixtures(b);
      f.assign(f.school('学校甲'), f.supervisor('张明'));
      generateVisitsAndProblems(b, { year: 2025, seed: 1, today: new Date(2025, 5, 15), visitsPerSchoolPerMonth: 3 });
      expect(b.db.prepare('SELECT max(date) FROM visits').pluck().get()! <= '2025-06-15').toBe(true);
      expect(b.db.prepare('SELECT count(*) FROM visits WHERE date < ?').pluck().get('2025-06-01')).toBe(15);
    } finally {
      b.dispose();
    }
  });
});
