import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { seedSchool, seedSupervisor, seedZone, softDelete } from '../testing/seed';
import { call } from './index';

let a: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => { a = await tempStore({ init: 'empty' }); });
afterEach(() => a.dispose());

const auditCount = () => (a.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const lastAudit = () => a.db.prepare('SELECT action, kind, entity_id AS entityId, summary, detail FROM audit_log ORDER BY id DESC LIMIT 1')
  .get() as { action: string; kind: string; entityId: number | null; summary: string; detail: string | null };
const zoneOf = async (schoolId: number) => (await call(a, 'schools.get', { id: schoolId })).school;

describe('zones.save / list / get', () => {
  it('creates a zone led by a live supervisor; list shows leader and live school count', async () => {
    const leader = seedSupervisor(a, { name: '周专职', category: '专职督学' });
    const z = await call(a, 'zones.save', { fields: { name: '城东责任区', leaderId: leader, notes: '城乡结对' } });
    expect(z).toMatchObject({ name: '城东责任区', leaderId: leader, leaderName: '周专职', notes: '城乡结对', schoolCount: 0 });
    expect(lastAudit()).toMatchObject({ action: '新增', kind: 'zone', entityId: z.id, summary: '新增责任区「城东责任区」' });

    await call(a, 'zones.save', { fields: { name: '城西责任区' } });
    seedSchool(a, { fullName: '城东小学', type: '小学', zoneId: z.id });
    const gone = seedSchool(a, { fullName: '城东中学', type: '初中', zoneId: z.id });
    seedSchool(a, { fullName: '城东幼儿园', type: '幼儿园', zoneId: z.id });
    softDelete(a, 'schools', gone);

    const list = await call(a, 'zones.list', undefined);
    expect(list.map((x) => [x.name, x.leaderName, x.schoolCount])).toEqual([['城东责任区', '周专职', 2], ['城西责任区', null, 0]]);

    const { zone, schools } = await call(a, 'zones.get', { id: z.id });
    expect(zone.schoolCount).toBe(2);
    expect(schools.map((s) => s.fullName).sort()).toEqual(['城东小学', '城东幼儿园'].sort());
    expect(schools.every((s) => s.zoneName === '城东责任区')).toBe(true);
  });

  it('updates name and leader; a deleted leader reads as none', async () => {
    const p1 = seedSupervisor(a, { name: '周专职' });
    const p2 = seedSupervisor(a, { name: '吴专职' });
    const id = seedZone(a, '第一片区', p1);
    const z = await call(a, 'zones.save', { id, fields: { name: '第一责任区', leaderId: p2 } });
    expect(z).toMatchObject({ id, name: '第一责任区', leaderName: '吴专职' });
    expect(lastAudit().summary).toBe('修改责任区「第一责任区」（原名「第一片区」）');
    softDelete(a, 'supervisors', p2);
    expect((await call(a, 'zones.get', { id })).zone).toMatchObject({ leaderId: null, leaderName: null });
  });

  it('refuses an unknown or deleted leader, naming 组长', async () => {
    await expect(call(a, 'zones.save', { fields: { name: '甲片区', leaderId: 999 } })).rejects.toMatchObject({
      code: 'invalid', field: 'leaderId', message: expect.stringContaining('「组长」'),
    });
    const p = seedSupervisor(a, { name: '已删督学' });
    softDelete(a, 'supervisors', p);
    await expect(call(a, 'zones.save', { fields: { name: '甲片区', leaderId: p } })).rejects.toMatchObject({ code: 'invalid', field: 'leaderId' });
    expect(await call(a, 'zones.list', undefined)).toEqual([]);
  });

  it('refuses a duplicate name and invalid input in Chinese', async () => {
    seedZone(a, '甲片区');
    const before = auditCount();
    await expect(call(a, 'zones.save', { fields: { name: '甲片区' } })).rejects.toMatchObject({
      code: 'conflict', field: 'name', message: expect.stringContaining('已有名为「甲片区」的责任区'),
    });
    await expect(call(a, 'zones.save', { fields: { name: '' } })).rejects.toMatchObject({
      code: 'invalid', field: 'fields.name', message: expect.stringContaining('必须填写'),
    });
    await expect(call(a, 'zones.save', { fields: { name: '区'.repeat(31) } })).rejects.toMatchObject({
      code: 'invalid', message: expect.stringContaining('不能超过30个字'),
    });
    await expect(call(a, 'zones.save', { fields: { name: '乙片区', leaderId: -1 } })).rejects.toMatchObject({
      code: 'invalid', field: 'fields.leaderId', message: expect.stringContaining('「组长」'),
    });
    expect(auditCount()).toBe(before);
  });

  it('answers not_found for an unknown zone', async () => {
    await expect(call(a, 'zones.get', { id: 5 })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('责任区') });
    await expect(call(a, 'zones.save', { id: 5, fields: { name: '甲' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(a, 'zones.delete', { id: 5 })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('zones.delete', () => {
  it('moves the zone to the 回收站; its schools read as 未分区 until restored', async () => {
    const id = seedZone(a, '城东责任区');
    const s1 = seedSchool(a, { fullName: '城东小学', type: '小学', zoneId: id });
    const { recycleId } = await call(a, 'zones.delete', { id });
    expect(await call(a, 'zones.list', undefined)).toEqual([]);
    expect(await zoneOf(s1)).toMatchObject({ zoneId: null, zoneName: null });
    expect((await call(a, 'schools.list', { noZone: true })).total).toBe(1);
    expect((await call(a, 'schools.list', { zoneId: id })).total).toBe(0);
    expect(await call(a, 'recycle.list', undefined)).toEqual([expect.objectContaining({ id: recycleId, kind: 'zone', title: '城东责任区' })]);

    await call(a, 'recycle.restore', { id: recycleId });
    expect(await zoneOf(s1)).toMatchObject({ zoneId: id, zoneName: '城东责任区' });
    expect((await call(a, 'zones.list', undefined))[0]).toMatchObject({ name: '城东责任区', schoolCount: 1 });
  });
});

describe('zones.moveSchools', () => {
  it('moves schools into a zone and out again, in one audit-logged step', async () => {
    const z1 = seedZone(a, '甲片区');
    const z2 = seedZone(a, '乙片区');
    const s1 = seedSchool(a, { fullName: '一小', type: '小学', zoneId: z1 });
    const s2 = seedSchool(a, { fullName: '二小', type: '小学' });
    const s3 = seedSchool(a, { fullName: '三小', type: '小学', zoneId: z1 });

    const before = auditCount();
    expect(await call(a, 'zones.moveSchools', { schoolIds: [s1, s2, s2], zoneId: z2 })).toEqual({ moved: 2 });
    expect(auditCount()).toBe(before + 1);
    const line = lastAudit();
    expect(line).toMatchObject({ action: '调整分区', kind: 'zone', entityId: z2, summary: '将学校移入责任区「乙片区」：二小、一小' }); // pinyin order
    expect(JSON.parse(line.detail!)).toEqual({ schoolIds: [s1, s2], zoneId: z2 });
    expect((await zoneOf(s1)).zoneName).toBe('乙片区');
    expect((await zoneOf(s2)).zoneName).toBe('乙片区');
    expect((await zoneOf(s3)).zoneName).toBe('甲片区');
    expect((await call(a, 'zones.list', undefined)).map((z) => [z.name, z.schoolCount])).toEqual([['甲片区', 1], ['乙片区', 2]]); // pinyin order: jia, yi

    expect(await call(a, 'zones.moveSchools', { schoolIds: [s1], zoneId: null })).toEqual({ moved: 1 });
    expect(lastAudit().summary).toBe('将学校移出责任区（未分区）：一小');
    expect(await zoneOf(s1)).toMatchObject({ zoneId: null, zoneName: null });
  });

  it('changes nothing when a school or the zone is unknown', async () => {
    const z1 = seedZone(a, '甲片区');
    const s1 = seedSchool(a, { fullName: '一小', type: '小学' });
    const s2 = seedSchool(a, { fullName: '二小', type: '小学' });
    softDelete(a, 'schools', s2);
    const before = auditCount();
    await expect(call(a, 'zones.moveSchools', { schoolIds: [s1, 999], zoneId: z1 })).rejects.toMatchObject({
      code: 'not_found', field: 'schoolIds', message: expect.stringContaining('「学校」'),
    });
    await expect(call(a, 'zones.moveSchools', { schoolIds: [s1, s2], zoneId: z1 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(a, 'zones.moveSchools', { schoolIds: [s1], zoneId: 999 })).rejects.toMatchObject({
      code: 'invalid', field: 'zoneId', message: expect.stringContaining('「目标责任区」'),
    });
    await expect(call(a, 'zones.moveSchools', { schoolIds: [], zoneId: z1 })).rejects.toMatchObject({
      code: 'invalid', message: expect.stringContaining('请至少选择一所学校'),
    });
    await expect(call(a, 'zones.moveSchools', { schoolIds: [s1] })).rejects.toMatchObject({ code: 'invalid', field: 'zoneId' });
    expect(auditCount()).toBe(before);
    expect((await zoneOf(s1)).zoneId).toBeNull();
  });
});
