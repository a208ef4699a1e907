import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { seedSchool, seedSupervisor, seedZone, softDelete } from '../testing/seed';
import { call } from './index';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';

let a: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => { a = await tempStore({ init: 'empty' }); });
afterEach(() => a.dispose());

const base = { fullName: '城关第一小学', type: '小学' } as const;
const auditCount = () => (a.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const names = (rows: { fullName: string }[]) => rows.map((r) => r.fullName);

describe('schools.save', () => {
  it('creates a school with every field, audit-logged', async () => {
    const zoneId = seedZone(a, '第一责任区');
    const before = auditCount();
    const s = await call(a, 'schools.save', {
      fields: {
        fullName: ' 城关第一小学 ', shortName: '城关一小', type: '小学', nature: '民办', urbanRural: '城区',
        address: '城关镇人民路1号', principal: '王校长', phone: '0571-88888888', students: 1200, teachers: 80,
        zoneId, notes: '百年老校',
      },
    });
    expect(s).toMatchObject({
      fullName: '城关第一小学', shortName: '城关一小', type: '小学', nature: '民办', urbanRural: '城区',
      address: '城关镇人民路1号', principal: '王校长', phone: '0571-88888888', students: 1200, teachers: 80,
      zoneId, zoneName: '第一责任区', notes: '百年老校', supervisorCount: 0,
    });
    expect(s.id).toBeGreaterThan(0);
    expect(auditCount()).toBe(before + 1);
    const line = a.db.prepare('SELECT action, kind, entity_id AS entityId, summary FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(line).toEqual({ action: '新增', kind: 'school', entityId: s.id, summary: '新增学校「城关第一小学」' });
  });

  it('fills defaults: 公办, blanks as null', async () => {
    const s = await call(a, 'schools.save', { fields: { ...base, shortName: '', phone: '', students: null } });
    expect(s).toMatchObject({ nature: '公办', shortName: null, phone: null, students: null, urbanRural: null, zoneId: null, zoneName: null });
  });

  it('updates a school and logs the old name', async () => {
    const id = seedSchool(a, base);
    const s = await call(a, 'schools.save', { id, fields: { ...base, fullName: '城关实验小学', students: 900 } });
    expect(s).toMatchObject({ id, fullName: '城关实验小学', students: 900 });
    const { summary } = a.db.prepare('SELECT summary FROM audit_log ORDER BY id DESC LIMIT 1').get() as { summary: string };
    expect(summary).toBe('修改学校「城关实验小学」（原名「城关第一小学」）');
    // Saving under its own name is not a duplicate.
    await expect(call(a, 'schools.save', { id, fields: { ...base, fullName: '城关实验小学' } })).resolves.toMatchObject({ id });
  });

  it('refuses a duplicate 学校全称 with a clear conflict message, on insert and on rename', async () => {
    const first = seedSchool(a, base);
    const other = seedSchool(a, { fullName: '城关第二小学', type: '小学' });
    const before = auditCount();
    await expect(call(a, 'schools.save', { fields: base })).rejects.toMatchObject({
      code: 'conflict', field: 'fullName', message: expect.stringContaining('已有名为「城关第一小学」的学校'),
    });
    await expect(call(a, 'schools.save', { id: other, fields: base })).rejects.toMatchObject({ code: 'conflict' });
    expect(auditCount()).toBe(before);
    expect(first).toBeGreaterThan(0);
  });

  it.each([
    ['empty 学校全称', { ...base, fullName: '  ' }, 'fields.fullName', '「学校全称」必须填写'],
    ['missing 学校全称', { type: '小学' }, 'fields.fullName', '「学校全称」'],
    ['bad 学段/类型', { ...base, type: '大学' }, 'fields.type', '「学段/类型」应为学段/类型之一'],
    ['bad 办学性质', { ...base, nature: '国有' }, 'fields.nature', '「办学性质」'],
    ['bad 城乡', { ...base, urbanRural: '郊区' }, 'fields.urbanRural', '「城乡」'],
    ['negative 学生数', { ...base, students: -5 }, 'fields.students', '「学生数」不能为负数'],
    ['fractional 教师数', { ...base, teachers: 2.5 }, 'fields.teachers', '「教师数」必须是整数'],
    ['bad phone', { ...base, phone: '电话号码abc' }, 'fields.phone', '「联系电话」应为电话号码'],
    ['over-long 全称', { ...base, fullName: '校'.repeat(61) }, 'fields.fullName', '不能超过60个字'],
  ])('rejects %s in Chinese, naming the field', async (_what, fields, field, message) => {
    const before = auditCount();
    await expect(call(a, 'schools.save', { fields })).rejects.toMatchObject({
      code: 'invalid', field, message: expect.stringContaining(message),
    });
    expect(auditCount()).toBe(before);
  });

  it('rejects an unknown or deleted 所属责任区', async () => {
    await expect(call(a, 'schools.save', { fields: { ...base, zoneId: 999 } })).rejects.toMatchObject({
      code: 'invalid', field: 'zoneId', message: expect.stringContaining('「所属责任区」'),
    });
    const zoneId = seedZone(a, '已删片区');
    softDelete(a, 'zones', zoneId);
    await expect(call(a, 'schools.save', { fields: { ...base, zoneId } })).rejects.toMatchObject({ code: 'invalid', field: 'zoneId' });
    expect((await call(a, 'schools.list', {})).total).toBe(0);
  });

  it('refuses to update a school that does not exist', async () => {
    await expect(call(a, 'schools.save', { id: 4242, fields: base })).rejects.toMatchObject({
      code: 'not_found', message: expect.stringContaining('学校不存在'),
    });
  });
});

describe('schools.list', () => {
  let zone1: number;
  let zone2: number;
  beforeEach(() => {
    zone1 = seedZone(a, '甲片区');
    zone2 = seedZone(a, '乙片区');
    seedSchool(a, { fullName: '城关第一小学', type: '小学', urbanRural: '城区', students: 1200, zoneId: zone1, address: '人民路' });
    seedSchool(a, { fullName: '城关中学', type: '初中', urbanRural: '城区', students: 2000, zoneId: zone2 });
    seedSchool(a, { fullName: '青山乡中心小学', type: '小学', urbanRural: '乡村', students: 300, zoneId: zone1 });
    seedSchool(a, { fullName: '阳光幼儿园', type: '幼儿园', nature: '民办', urbanRural: '镇区' });
    seedSchool(a, { fullName: '县第一高级中学', type: '高中', urbanRural: '城区', zoneId: zone2, notes: '省级示范高中' });
  });

  it('lists all live schools with total, by 全称 in pinyin order', async () => {
    const page = await call(a, 'schools.list', {});
    expect(page.total).toBe(5);
    // cheng guan di yi < cheng guan zhong < qing < xian < yang (by character code: 城关中学 … 阳光 … 青山).
    expect(names(page.rows)).toEqual(['城关第一小学', '城关中学', '青山乡中心小学', '县第一高级中学', '阳光幼儿园']);
  });

  it('filters by 学段/类型, 办学性质, 城乡, 责任区 and 未分区', async () => {
    expect(names((await call(a, 'schools.list', { type: '小学' })).rows).sort()).toEqual(['城关第一小学', '青山乡中心小学'].sort());
    expect(names((await call(a, 'schools.list', { nature: '民办' })).rows)).toEqual(['阳光幼儿园']);
    expect((await call(a, 'schools.list', { urbanRural: '城区' })).total).toBe(3);
    expect(names((await call(a, 'schools.list', { zoneId: zone2, sort: 'fullName' })).rows)).toEqual(['城关中学', '县第一高级中学']);
    expect(names((await call(a, 'schools.list', { noZone: true })).rows)).toEqual(['阳光幼儿园']);
    expect((await call(a, 'schools.list', { type: '小学', urbanRural: '乡村', zoneId: zone1 })).total).toBe(1);
  });

  it('searches Chinese text of 2, 3 and 4 characters (LIKE fallback and trigram FTS)', async () => {
    expect(names((await call(a, 'schools.list', { q: '城关' })).rows).sort()).toEqual(['城关中学', '城关第一小学'].sort());
    expect(names((await call(a, 'schools.list', { q: '中心小学' })).rows)).toEqual(['青山乡中心小学']);
    expect(names((await call(a, 'schools.list', { q: '第一' })).rows).sort()).toEqual(['城关第一小学', '县第一高级中学'].sort());
    expect(names((await call(a, 'schools.list', { q: '示范高中' })).rows)).toEqual(['县第一高级中学']);
    expect(names((await call(a, 'schools.list', { q: '人民路' })).rows)).toEqual(['城关第一小学']);
    expect((await call(a, 'schools.list', { q: '不存在的学校' })).total).toBe(0);
    // Search combines with filters; FTS operators in the text are taken literally.
    expect((await call(a, 'schools.list', { q: '城关', type: '初中' })).total).toBe(1);
    expect((await call(a, 'schools.list', { q: '"OR" *' })).total).toBe(0);
    expect((await call(a, 'schools.list', { q: '%' })).total).toBe(0);
  });

  it('sorts by each key in both directions, blanks last', async () => {
    const byStudents = await call(a, 'schools.list', { sort: 'students', dir: 'desc' });
    expect(names(byStudents.rows)).toEqual(['城关中学', '城关第一小学', '青山乡中心小学', '阳光幼儿园', '县第一高级中学']);
    const byStudentsAsc = await call(a, 'schools.list', { sort: 'students', dir: 'asc' });
    expect(names(byStudentsAsc.rows).slice(0, 3)).toEqual(['青山乡中心小学', '城关第一小学', '城关中学']);
    const byType = await call(a, 'schools.list', { sort: 'type' });
    expect(byType.rows.map((r) => r.type)).toEqual(['幼儿园', '小学', '小学', '初中', '高中']);
    const byZone = await call(a, 'schools.list', { sort: 'zone', dir: 'desc' });
    expect(byZone.rows.map((r) => r.zoneName)).toEqual(['甲片区', '甲片区', '乙片区', '乙片区', null]);
    const desc = await call(a, 'schools.list', { sort: 'fullName', dir: 'desc' });
    expect(names(desc.rows)).toEqual(names((await call(a, 'schools.list', {})).rows).reverse());
    a.db.prepare("UPDATE schools SET updated_at = '2000-01-01 00:00:00' WHERE full_name = '阳光幼儿园'").run();
    expect((await call(a, 'schools.list', { sort: 'updatedAt' })).rows[0].fullName).toBe('阳光幼儿园');
  });

  it('pages with offset and limit and keeps the total', async () => {
    const all = names((await call(a, 'schools.list', {})).rows);
    const p1 = await call(a, 'schools.list', { limit: 2, offset: 0 });
    const p2 = await call(a, 'schools.list', { limit: 2, offset: 2 });
    const p3 = await call(a, 'schools.list', { limit: 2, offset: 4 });
    expect([p1.total, p2.total, p3.total]).toEqual([5, 5, 5]);
    expect([...names(p1.rows), ...names(p2.rows), ...names(p3.rows)]).toEqual(all);
    await expect(call(a, 'schools.list', { limit: 501 })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('每页最多500条') });
    await expect(call(a, 'schools.list', { type: '大学' })).rejects.toMatchObject({ code: 'invalid', field: 'type' });
  });

  it('shows zoneName and counts live supervisors once each, hiding deleted schools', async () => {
    const [school] = (await call(a, 'schools.list', { q: '城关第一小学' })).rows;
    const p1 = seedSupervisor(a, { name: '张敏' });
    const p2 = seedSupervisor(a, { name: '李强' });
    const gone = seedSupervisor(a, { name: '赵离' });
    await call(a, 'assignments.save', { schoolId: school.id, supervisorId: p1, role: '责任督学' });
    await call(a, 'assignments.save', { schoolId: school.id, supervisorId: p1, role: 'A角' });
    await call(a, 'assignments.save', { schoolId: school.id, supervisorId: p2, role: 'B角' });
    await call(a, 'assignments.save', { schoolId: school.id, supervisorId: gone, role: '挂职' });
    softDelete(a, 'supervisors', gone);
    const [row] = (await call(a, 'schools.list', { q: '城关第一小学' })).rows;
    expect(row).toMatchObject({ zoneName: '甲片区', supervisorCount: 2 });
    softDelete(a, 'schools', school.id);
    expect((await call(a, 'schools.list', {})).total).toBe(4);
  });
});

describe('schools.get', () => {
  it('returns the school and its live supervisors with roles, in role order', async () => {
    const schoolId = seedSchool(a, base);
    const p1 = seedSupervisor(a, { name: '张敏', mobile: '13800000001', category: '专职督学' });
    const p2 = seedSupervisor(a, { name: '李强' });
    const p3 = seedSupervisor(a, { name: '赵离' });
    await call(a, 'assignments.save', { schoolId, supervisorId: p2, role: 'B角' });
    await call(a, 'assignments.save', { schoolId, supervisorId: p1, role: '责任督学' });
    await call(a, 'assignments.save', { schoolId, supervisorId: p3, role: '挂职' });
    const removed = await call(a, 'assignments.save', { schoolId, supervisorId: p2, role: '社区' });
    softDelete(a, 'supervisors', p3);
    await call(a, 'assignments.delete', { id: removed.id });
    const { school, supervisors } = await call(a, 'schools.get', { id: schoolId });
    expect(school.fullName).toBe('城关第一小学');
    expect(supervisors.map((s) => [s.name, s.role])).toEqual([['张敏', '责任督学'], ['李强', 'B角']]);
    expect(supervisors[0]).toMatchObject({ supervisorId: p1, mobile: '13800000001', category: '专职督学', photo: null });
  });

  it('answers not_found for an unknown or deleted school', async () => {
    await expect(call(a, 'schools.get', { id: 999 })).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/学校/) });
    const id = seedSchool(a, base);
    softDelete(a, 'schools', id);
    await expect(call(a, 'schools.get', { id })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('schools.board', () => {
  it('shows the school, the office from settings, the eight items and each supervisor', async () => {
    const items = ['校务管理', '招生收费', '课堂教学', '课业负担', '师德师风', '校园安全', '食品卫生', '校风学风', '双减落实'];
    await call(a, 'settings.save', { ...DEFAULT_SETTINGS, officeName: '青山县人民政府教育督导室', officePhone: '0571-12345678', eightItems: items });
    const schoolId = seedSchool(a, base);
    const photo = 'a'.repeat(64);
    const p1 = seedSupervisor(a, { name: '张敏', mobile: '13800000001', photo });
    const p2 = seedSupervisor(a, { name: '李强', mobile: '13900000002' });
    await call(a, 'assignments.save', { schoolId, supervisorId: p2, role: '家长' });
    await call(a, 'assignments.save', { schoolId, supervisorId: p1, role: '责任督学' });
    const board = await call(a, 'schools.board', { id: schoolId });
    expect(board.school).toMatchObject({ id: schoolId, fullName: '城关第一小学', supervisorCount: 2 });
    expect(board.officeName).toBe('青山县人民政府教育督导室');
    expect(board.officePhone).toBe('0571-12345678');
    expect(board.items).toEqual(items);
    expect(board.supervisors.map(({ name, mobile, role, photo: p }) => ({ name, mobile, role, photo: p }))).toEqual([
      { name: '张敏', mobile: '13800000001', role: '责任督学', photo },
      { name: '李强', mobile: '13900000002', role: '家长', photo: null },
    ]);
  });

  it('uses the default eight items when settings were never saved', async () => {
    const board = await call(a, 'schools.board', { id: seedSchool(a, base) });
    expect(board.items).toHaveLength(8);
    expect(board.items[0]).toBe('校务管理和制度执行情况');
    expect(board.officePhone).toBeNull();
    expect(board.supervisors).toEqual([]);
    await expect(call(a, 'schools.board', { id: 999 })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('schools.delete', () => {
  it('moves the school to the 回收站; restore brings it back with its assignments', async () => {
    const schoolId = seedSchool(a, base);
    const p = seedSupervisor(a, { name: '张敏' });
    await call(a, 'assignments.save', { schoolId, supervisorId: p, role: '责任督学' });
    const { recycleId } = await call(a, 'schools.delete', { id: schoolId });
    expect((await call(a, 'schools.list', {})).total).toBe(0);
    await expect(call(a, 'schools.get', { id: schoolId })).rejects.toMatchObject({ code: 'not_found' });
    const bin = await call(a, 'recycle.list', undefined);
    expect(bin).toEqual([expect.objectContaining({ id: recycleId, kind: 'school', entityId: schoolId, title: '城关第一小学' })]);
    await expect(call(a, 'schools.delete', { id: schoolId })).rejects.toMatchObject({ code: 'not_found' });

    await call(a, 'recycle.restore', { id: recycleId });
    const { school, supervisors } = await call(a, 'schools.get', { id: schoolId });
    expect(school.supervisorCount).toBe(1);
    expect(supervisors.map((s) => s.name)).toEqual(['张敏']);
    expect(await call(a, 'recycle.list', undefined)).toEqual([]);
  });

  it('lets the name be reused while in the bin, then refuses the restore of a duplicate', async () => {
    const id = seedSchool(a, base);
    const { recycleId } = await call(a, 'schools.delete', { id });
    await call(a, 'schools.save', { fields: base });
    await expect(call(a, 'recycle.restore', { id: recycleId })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('answers not_found for an unknown school', async () => {
    await expect(call(a, 'schools.delete', { id: 77 })).rejects.toMatchObject({ code: 'not_found' });
  });
});
