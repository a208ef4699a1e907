import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { call, dispatch } from './index';
import { nowText } from '../../shared/dates';
import { putAttachment } from '../store/attachments';
import { checkCategory, getSupervisor, insertSupervisor, listSupervisors, updateSupervisor } from '../store/supervisors';
import type { Input } from '../../shared/contract';
import type { Supervisor } from '../../shared/schemas/supervisor';
import { expectRefused } from '../testing/refused';

type Fields = Input<'supervisors.save'>['fields'];

let a: Awaited<ReturnType<typeof tempStore>>;
beforeAll(async () => { a = await tempStore({ init: 'empty' }); });
afterAll(() => a.dispose());

/** A local date `n` days from today, computed independently of the code under test. */
function day(n: number): string {
  const d = new Date();
  d.setHours(12, 0, 0, 0);
  d.setDate(d.getDate() + n);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const base = (over: Partial<Fields> = {}): Fields => ({ name: '张三', category: '兼职督学', ...over });
const save = (fields: Fields, id?: number) => call(a, 'supervisors.save', { id, fields });
const list = (q: Input<'supervisors.list'> = {}) => call(a, 'supervisors.list', { limit: 500, ...q });
const names = (p: { rows: Supervisor[] }) => p.rows.map((r) => r.name);
const lastAudit = () => a.db.prepare('SELECT action, kind, entity_id AS entityId, summary, detail FROM audit_log ORDER BY id DESC LIMIT 1').get() as
  { action: string; kind: string; entityId: number; summary: string; detail: string | null };

/** Raw input through the full dispatch path: expect a Chinese refusal naming the field. */
const refused = (channel: string, input: unknown, field: string, label: string, code = 'invalid') =>
  expectRefused(a, channel, input, { code, field, text: `「${label}」` });

describe('supervisors: create, edit, get', () => {
  it('creates a supervisor with every field and logs it', async () => {
    const photo = putAttachment(a, Buffer.from('fake-png'), 'p.png', 'image/png');
    const fields: Fields = {
      name: ' 李晓梅 ', gender: '女', birthMonth: '1978-04', unit: '城关镇中心小学', position: '副校长',
      education: '本科', title: '高级教师', stage: '小学', subject: '语文', mobile: '13800000001',
      certNo: 'DX-2024-001', letterNo: 'PS-01', termStart: '2024-09-01', termEnd: '2027-08-31',
      status: '在聘', category: '兼职督学', notes: '法制督学', photo,
    };
    const s = await save(fields);
    expect(s).toMatchObject({ ...fields, name: '李晓梅', zoneNames: [], schoolCount: 0, termExpiring: false, termDaysLeft: null });
    expect(s.id).toBeGreaterThan(0);
    expect(lastAudit()).toMatchObject({ action: '新增', kind: 'supervisor', entityId: s.id });
    expect(lastAudit().summary).toContain('李晓梅');
    const got = await call(a, 'supervisors.get', { id: s.id });
    expect(got.supervisor).toEqual(s);
    expect(got.assignments).toEqual([]);
  });

  it('defaults status to 在聘 and stores empty optional text as null', async () => {
    const s = await save(base({ name: '默认值', unit: '  ', mobile: '', termEnd: '' }));
    expect(s).toMatchObject({ status: '在聘', unit: null, mobile: null, termEnd: null, gender: null, photo: null });
  });

  it('edits every field, keeps the id and records what changed', async () => {
    const s = await save(base({ name: '王五', unit: '实验中学', mobile: '13900000000' }));
    const e = await save(base({ name: '王五', unit: '第二实验中学', mobile: null, status: '解聘', category: '专职督学' }), s.id);
    expect(e).toMatchObject({ id: s.id, unit: '第二实验中学', mobile: null, status: '解聘', category: '专职督学' });
    const log = lastAudit();
    expect(log).toMatchObject({ action: '修改', entityId: s.id });
    expect(JSON.parse(log.detail!)).toMatchObject({ unit: ['实验中学', '第二实验中学'], mobile: ['13900000000', null] });
    expect((await call(a, 'supervisors.get', { id: s.id })).supervisor.unit).toBe('第二实验中学');
  });

  it('refuses a 督学证编号 already in use, naming the field and the holder', async () => {
    await save(base({ name: '证号甲', certNo: 'DUP-1' }));
    const res = await dispatch(a, 'supervisors.save', { fields: base({ name: '证号乙', certNo: 'DUP-1' }) });
    expect(res).toMatchObject({ ok: false, error: { code: 'conflict', field: 'certNo' } });
    if (!res.ok) expect(res.error.message).toMatch(/督学证编号.*证号甲/);
    // Editing the holder itself with its own number is fine.
    const holder = (await list({ q: '证号甲' })).rows[0];
    await expect(save(base({ name: '证号甲', certNo: 'DUP-1', notes: '改' }), holder.id)).resolves.toMatchObject({ notes: '改' });
  });

  it('repository functions other areas use work directly', () => {
    const id = insertSupervisor(a, { ...baseParsed(), name: '直接插入' });
    expect(getSupervisor(a, id).name).toBe('直接插入');
    updateSupervisor(a, id, { ...baseParsed(), name: '直接修改' });
    expect(getSupervisor(a, id).name).toBe('直接修改');
    expect(() => updateSupervisor(a, 999_999, baseParsed())).toThrow(/不存在/);
    expect(() => getSupervisor(a, 999_999)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => checkCategory(a, '编外督学')).toThrow(expect.objectContaining({ code: 'invalid', field: 'category' }));
    expect(() => checkCategory(a, '社区督学')).not.toThrow();
    expect(listSupervisors(a, { sort: 'name', dir: 'asc', offset: 0, limit: 500, q: '直接修改' }).total).toBe(1);
  });
});

function baseParsed() {
  return {
    name: '某某', gender: null, birthMonth: null, unit: null, position: null, education: null, title: null, stage: null,
    subject: null, mobile: null, certNo: null, letterNo: null, termStart: null, termEnd: null, status: '在聘' as const,
    category: '兼职督学', notes: null, photo: null,
  };
}

describe('supervisors: list, filters, search, sort, paging', () => {
  let b: typeof a;
  const ids: Record<string, number> = {};
  const bl = (q: Input<'supervisors.list'> = {}) => call(b, 'supervisors.list', { limit: 500, ...q });

  beforeAll(async () => {
    b = await tempStore({ init: 'empty' });
    const people: Fields[] = [
      { name: '欧阳明华', category: '专职督学', unit: '城关第一小学', stage: '小学', subject: '数学', status: '在聘', termEnd: day(30), mobile: '13811112222' },
      { name: '陈静', category: '兼职督学', unit: '县第二中学', stage: '初中', subject: '英语', status: '在聘', termEnd: day(200) },
      { name: '赵刚', category: '兼职督学', unit: '城关第二小学', stage: '小学', subject: '语文', status: '期满', termEnd: day(-10) },
      { name: '孙丽', category: '社区督学', unit: '社区居委会', stage: '其他', subject: null, status: '在聘', termEnd: day(-5) },
      { name: '钱多', category: '家长督学', unit: null, stage: '高中', subject: '数学', status: '解聘', termEnd: null },
    ];
    for (const f of people) ids[f.name] = (await call(b, 'supervisors.save', { fields: f })).id;
    // Zones, schools and 挂牌 straight in SQL: another area builds their handlers.
    const now = nowText();
    const run = (sql: string, ...p: unknown[]) => Number(b.db.prepare(sql).run(...p).lastInsertRowid);
    const zone = (name: string, leader: number | null) => run('INSERT INTO zones (name, leader_id, created_at, updated_at) VALUES (?, ?, ?, ?)', name, leader, now, now);
    const school = (name: string, zoneId: number) => run(`INSERT INTO schools (full_name, type, nature, zone_id, created_at, updated_at)
      VALUES (?, '小学', '公办', ?, ?, ?)`, name, zoneId, now, now);
    const assign = (schoolId: number, supId: number, role: string) =>
      run('INSERT INTO assignments (school_id, supervisor_id, role, created_at) VALUES (?, ?, ?, ?)', schoolId, supId, role, now);
    ids.z1 = zone('第一责任区', ids['欧阳明华']);
    ids.z2 = zone('第二责任区', null);
    ids.z3 = zone('已删责任区', null);
    ids.s1 = school('城关第一小学', ids.z1);
    ids.s2 = school('城关第二小学', ids.z2);
    ids.s3 = school('已删学校', ids.z2);
    ids.s4 = school('删区学校', ids.z3);
    assign(ids.s1, ids['陈静'], '责任督学');
    assign(ids.s1, ids['陈静'], 'A角'); // two roles at one school: still one school
    assign(ids.s2, ids['陈静'], 'B角');
    assign(ids.s2, ids['赵刚'], '责任督学');
    assign(ids.s3, ids['孙丽'], '责任督学');
    assign(ids.s4, ids['钱多'], '挂职');
    ids.deadAssign = assign(ids.s1, ids['钱多'], '家长');
    b.db.prepare('UPDATE schools SET deleted_at = ? WHERE id = ?').run(now, ids.s3);
    b.db.prepare('UPDATE zones SET deleted_at = ? WHERE id = ?').run(now, ids.z3);
    b.db.prepare('UPDATE assignments SET deleted_at = ? WHERE id = ?').run(now, ids.deadAssign);
  });
  afterAll(() => b.dispose());

  it('lists everyone with zones, school counts and totals', async () => {
    const p = await bl();
    expect(p.total).toBe(5);
    const by = Object.fromEntries(p.rows.map((r) => [r.name, r]));
    expect(by['欧阳明华']).toMatchObject({ zoneNames: ['第一责任区'], schoolCount: 0 });
    expect(by['陈静']).toMatchObject({ zoneNames: ['第一责任区', '第二责任区'], schoolCount: 2 });
    expect(by['赵刚']).toMatchObject({ zoneNames: ['第二责任区'], schoolCount: 1 });
    // Deleted school, deleted zone and deleted assignment all hidden.
    expect(by['孙丽']).toMatchObject({ zoneNames: [], schoolCount: 0 });
    expect(by['钱多']).toMatchObject({ zoneNames: [], schoolCount: 1 });
  });

  it('get lists assigned schools with roles, hiding deleted ones', async () => {
    const g = await call(b, 'supervisors.get', { id: ids['陈静'] });
    expect(g.assignments.map((x) => [x.schoolName, x.role])).toEqual([
      ['城关第一小学', 'A角'], ['城关第一小学', '责任督学'], ['城关第二小学', 'B角'],
    ]);
    expect(g.assignments[0]).toMatchObject({ schoolId: ids.s1 });
    expect((await call(b, 'supervisors.get', { id: ids['孙丽'] })).assignments).toEqual([]);
  });

  it('filters by 类别, 聘任状态, 学段, 学科 and 责任区', async () => {
    expect(names(await bl({ category: '兼职督学' })).sort()).toEqual(['赵刚', '陈静'].sort());
    expect(names(await bl({ status: '在聘' })).sort()).toEqual(['孙丽', '欧阳明华', '陈静'].sort());
    expect(names(await bl({ stage: '小学' })).sort()).toEqual(['欧阳明华', '赵刚'].sort());
    expect(names(await bl({ subject: '数学' })).sort()).toEqual(['欧阳明华', '钱多'].sort());
    expect(names(await bl({ zoneId: ids.z1 })).sort()).toEqual(['欧阳明华', '陈静'].sort());
    expect(names(await bl({ zoneId: ids.z2 })).sort()).toEqual(['赵刚', '陈静'].sort());
    expect((await bl({ zoneId: ids.z3 })).total).toBe(0);
    expect(names(await bl({ category: '兼职督学', stage: '小学', zoneId: ids.z2 }))).toEqual(['赵刚']);
  });

  it('searches by a 2-character and a 4-character Chinese substring', async () => {
    expect(names(await bl({ q: '明华' }))).toEqual(['欧阳明华']);
    expect(names(await bl({ q: '阳明华' }))).toEqual(['欧阳明华']);
    expect(names(await bl({ q: '城关第二' }))).toEqual(['赵刚']);
    expect(names(await bl({ q: '城关' })).sort()).toEqual(['欧阳明华', '赵刚'].sort());
    expect(names(await bl({ q: '1381111' }))).toEqual(['欧阳明华']);
    expect((await bl({ q: '不存在的人' })).total).toBe(0);
    expect((await bl({ q: '%' })).total).toBe(0);
    expect(names(await bl({ q: '城关', stage: '小学', status: '期满' }))).toEqual(['赵刚']);
  });

  it('flags terms ending within 60 days, or past while still 在聘', async () => {
    const by = Object.fromEntries((await bl()).rows.map((r) => [r.name, r]));
    expect(by['欧阳明华']).toMatchObject({ termExpiring: true, termDaysLeft: 30 });
    expect(by['陈静']).toMatchObject({ termExpiring: false, termDaysLeft: null });
    expect(by['赵刚']).toMatchObject({ termExpiring: false, termDaysLeft: -10 }); // 期满 already recorded
    expect(by['孙丽']).toMatchObject({ termExpiring: true, termDaysLeft: -5 });
    expect(by['钱多']).toMatchObject({ termExpiring: false, termDaysLeft: null });
    const exp = await bl({ expiringOnly: true });
    expect(names(exp).sort()).toEqual(['孙丽', '欧阳明华'].sort());
    expect(exp.total).toBe(2);
  });

  it('sorts by each allowed column both ways, empty values last', async () => {
    expect(names(await bl({ sort: 'termEnd' }))).toEqual(['赵刚', '孙丽', '欧阳明华', '陈静', '钱多']);
    expect(names(await bl({ sort: 'termEnd', dir: 'desc' }))).toEqual(['陈静', '欧阳明华', '孙丽', '赵刚', '钱多']);
    const units = (await bl({ sort: 'unit' })).rows.map((r) => r.unit);
    expect(units).toEqual([...units.slice(0, 4)].sort().concat([null]));
    const unitsDesc = (await bl({ sort: 'unit', dir: 'desc' })).rows.map((r) => r.unit);
    expect(unitsDesc).toEqual([...units.slice(0, 4)].reverse().concat([null]));
    const cats = (await bl({ sort: 'category' })).rows.map((r) => r.category);
    expect(cats).toEqual([...cats].sort());
    const catsDesc = (await bl({ sort: 'category', dir: 'desc' })).rows.map((r) => r.category);
    expect(catsDesc).toEqual([...cats].reverse().sort().reverse());
    const st = (await bl({ sort: 'status', dir: 'desc' })).rows.map((r) => r.status);
    expect(st).toEqual([...st].sort().reverse());
    const nm = names(await bl({ sort: 'name' }));
    expect(nm).toEqual(['陈静', '欧阳明华', '钱多', '孙丽', '赵刚']); // pinyin order (by character code: 孙 欧 赵 钱 陈)
    expect(names(await bl({ sort: 'name', dir: 'desc' }))).toEqual([...nm].reverse());
    // Touch one record: it becomes the latest updated.
    b.db.prepare(`UPDATE supervisors SET updated_at = '2000-01-01 00:00:00' WHERE id = ?`).run(ids['孙丽']);
    expect(names(await bl({ sort: 'updatedAt' }))[0]).toBe('孙丽');
    expect(names(await bl({ sort: 'updatedAt', dir: 'desc' }))[4]).toBe('孙丽');
  });

  it('pages with offset and limit while total counts every match', async () => {
    const all = names(await bl({ sort: 'termEnd' }));
    const p1 = await bl({ sort: 'termEnd', limit: 2, offset: 0 });
    const p3 = await bl({ sort: 'termEnd', limit: 2, offset: 4 });
    expect(p1).toMatchObject({ total: 5 });
    expect(names(p1)).toEqual(all.slice(0, 2));
    expect(names(p3)).toEqual(all.slice(4));
    expect((await bl({ offset: 10 })).rows).toEqual([]);
  });
});

describe('supervisors: delete, recycle bin, restore', () => {
  it('moves to the 回收站, disappears from the list and comes back on restore', async () => {
    const s = await save(base({ name: '待删除督学', certNo: 'DEL-1' }));
    const { recycleId } = await call(a, 'supervisors.delete', { id: s.id });
    expect(lastAudit()).toMatchObject({ action: '删除', kind: 'supervisor', entityId: s.id });
    expect(names(await list({ q: '待删除' }))).toEqual([]);
    expect(await dispatch(a, 'supervisors.get', { id: s.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const bin = await call(a, 'recycle.list', {});
    expect(bin.find((x) => x.id === recycleId)).toMatchObject({ kind: 'supervisor', entityId: s.id, title: '待删除督学' });
    // A record in the bin cannot be edited.
    expect((await dispatch(a, 'supervisors.save', { id: s.id, fields: base({ name: '改名' }) })).ok).toBe(false);
    await call(a, 'recycle.restore', { id: recycleId });
    expect(names(await list({ q: '待删除' }))).toEqual(['待删除督学']);
    expect((await call(a, 'supervisors.get', { id: s.id })).supervisor.certNo).toBe('DEL-1');
    expect((await call(a, 'recycle.list', {})).some((x) => x.id === recycleId)).toBe(false);
  });
});

describe('supervisors: invalid input answers a Chinese message naming the field', () => {
  it.each([
    ['empty 姓名', { name: '  ' }, 'fields.name', '姓名'],
    ['missing 姓名', { name: undefined }, 'fields.name', '姓名'],
    ['bad 手机', { mobile: '1380000' }, 'fields.mobile', '手机'],
    ['bad 聘任起始', { termStart: '2024-13-45' }, 'fields.termStart', '聘任起始'],
    ['not a date', { termEnd: '明年' }, 'fields.termEnd', '聘任截止'],
    ['bad 出生年月', { birthMonth: '1980-13' }, 'fields.birthMonth', '出生年月'],
    ['termEnd before termStart', { termStart: '2024-09-01', termEnd: '2024-08-31' }, 'fields.termEnd', '聘任截止'],
    ['bad 性别', { gender: '未知' }, 'fields.gender', '性别'],
    ['bad 聘任状态', { status: '退休' }, 'fields.status', '聘任状态'],
    ['bad 学段', { stage: '大学' }, 'fields.stage', '任教学段'],
    ['bad 照片', { photo: '../../etc/passwd' }, 'fields.photo', '照片'],
    ['missing 类别', { category: '' }, 'fields.category', '类别'],
  ])('%s', async (_what, over, field, label) => {
    await refused('supervisors.save', { fields: { ...base(), ...over } }, field, label);
  });

  it('unknown 类别 lists the allowed ones', async () => {
    const res = await dispatch(a, 'supervisors.save', { fields: base({ category: '编外督学' }) });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid', field: 'category' } });
    if (!res.ok) expect(res.error.message).toMatch(/「类别」.*编外督学.*应为.*兼职督学/);
  });

  it('a category added in 设置 becomes valid', async () => {
    const settings = await call(a, 'settings.get', {});
    await call(a, 'settings.save', { ...settings, supervisorCategories: [...settings.supervisorCategories, '法制督学'] });
    await expect(save(base({ name: '法制', category: '法制督学' }))).resolves.toMatchObject({ category: '法制督学' });
  });

  it('a photo hash not in the archive is refused', async () => {
    await refused('supervisors.save', { fields: base({ photo: 'a'.repeat(64) }) }, 'photo', '照片');
  });

  it('non-existent ids answer not_found for get, save and delete', async () => {
    for (const [channel, input] of [
      ['supervisors.get', { id: 987654 }],
      ['supervisors.save', { id: 987654, fields: base() }],
      ['supervisors.delete', { id: 987654 }],
    ] as const) {
      const res = await dispatch(a, channel, input);
      expect(res, channel).toMatchObject({ ok: false, error: { code: 'not_found' } });
      if (!res.ok) expect(res.error.message).toMatch(/督学.*不存在/);
    }
  });

  it('bad list queries are refused with the field named', async () => {
    await refused('supervisors.list', { sort: 'mobile' }, 'sort', '排序字段');
    await refused('supervisors.list', { status: '退休' }, 'status', '聘任状态');
    await refused('supervisors.list', { limit: 0 }, 'limit', '每页条数');
    await refused('supervisors.list', { zoneId: -1 }, 'zoneId', '所属责任区');
  });

  it('nothing was written by the refused calls', async () => {
    const n = (await list({ q: '张三' })).total;
    await dispatch(a, 'supervisors.save', { fields: base({ mobile: 'abc' }) });
    expect((await list({ q: '张三' })).total).toBe(n);
  });
});
