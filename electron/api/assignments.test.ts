import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { seedSchool, seedSupervisor, softDelete } from '../testing/seed';
import { call } from './index';
import { ASSIGNMENT_ROLES } from '../../shared/vocab';

let a: Awaited<ReturnType<typeof tempStore>>;
let schoolId: number;
let supervisorId: number;
beforeEach(async () => {
  a = await tempStore({ init: 'empty' });
  schoolId = seedSchool(a, { fullName: '城关第一小学', type: '小学' });
  supervisorId = seedSupervisor(a, { name: '张敏' });
});
afterEach(() => a.dispose());

const auditCount = () => (a.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const roles = async () => (await call(a, 'schools.get', { id: schoolId })).supervisors.map((s) => s.role);

describe('assignments.save', () => {
  it('lists a supervisor at a school in each of the seven roles, audit-logged', async () => {
    for (const role of ASSIGNMENT_ROLES) {
      const before = auditCount();
      const asg = await call(a, 'assignments.save', { schoolId, supervisorId, role });
      expect(asg).toEqual({ id: expect.any(Number), schoolId, supervisorId, role });
      expect(auditCount()).toBe(before + 1);
    }
    expect(await roles()).toEqual([...ASSIGNMENT_ROLES]);
    const { summary } = a.db.prepare('SELECT summary FROM audit_log ORDER BY id DESC LIMIT 1').get() as { summary: string };
    expect(summary).toBe('挂牌：城关第一小学 · 张敏 · 校级');
    expect((await call(a, 'schools.get', { id: schoolId })).school.supervisorCount).toBe(1);
  });

  it('refuses the same supervisor, school and role twice with a clear message', async () => {
    await call(a, 'assignments.save', { schoolId, supervisorId, role: '责任督学' });
    const before = auditCount();
    await expect(call(a, 'assignments.save', { schoolId, supervisorId, role: '责任督学' })).rejects.toMatchObject({
      code: 'conflict', message: '督学「张敏」已是「城关第一小学」的责任督学，不能重复挂牌。如需调整角色，请先移除原来的挂牌。',
    });
    expect(auditCount()).toBe(before);
    expect(await roles()).toEqual(['责任督学']);
  });

  it('refuses unknown or deleted schools and supervisors, naming the field', async () => {
    await expect(call(a, 'assignments.save', { schoolId: 999, supervisorId, role: 'A角' })).rejects.toMatchObject({
      code: 'invalid', field: 'schoolId', message: expect.stringContaining('「学校」'),
    });
    await expect(call(a, 'assignments.save', { schoolId, supervisorId: 999, role: 'A角' })).rejects.toMatchObject({
      code: 'invalid', field: 'supervisorId', message: expect.stringContaining('「督学」'),
    });
    const gone = seedSupervisor(a, { name: '赵离' });
    softDelete(a, 'supervisors', gone);
    await expect(call(a, 'assignments.save', { schoolId, supervisorId: gone, role: 'A角' })).rejects.toMatchObject({ code: 'invalid', field: 'supervisorId' });
    const closed = seedSchool(a, { fullName: '已撤并小学', type: '小学' });
    softDelete(a, 'schools', closed);
    await expect(call(a, 'assignments.save', { schoolId: closed, supervisorId, role: 'A角' })).rejects.toMatchObject({ code: 'invalid', field: 'schoolId' });
    expect(await roles()).toEqual([]);
  });

  it('refuses a role outside the list and missing ids', async () => {
    await expect(call(a, 'assignments.save', { schoolId, supervisorId, role: '组长' })).rejects.toMatchObject({
      code: 'invalid', field: 'role', message: expect.stringContaining('「角色」应为挂牌角色之一：责任督学、A角、B角'),
    });
    await expect(call(a, 'assignments.save', { schoolId, role: 'A角' })).rejects.toMatchObject({
      code: 'invalid', field: 'supervisorId', message: expect.stringContaining('「督学」'),
    });
  });
});

describe('assignments.delete', () => {
  it('moves the listing to the 回收站 under a readable title, and restores it', async () => {
    const asg = await call(a, 'assignments.save', { schoolId, supervisorId, role: 'B角' });
    const { recycleId } = await call(a, 'assignments.delete', { id: asg.id });
    expect(await roles()).toEqual([]);
    expect(await call(a, 'recycle.list', undefined)).toEqual([
      expect.objectContaining({ id: recycleId, kind: 'assignment', entityId: asg.id, title: '城关第一小学 · 张敏 · B角' }),
    ]);
    // Gone from the live listing, the same role can be given again …
    const again = await call(a, 'assignments.save', { schoolId, supervisorId, role: 'B角' });
    // … and then the old one cannot be restored over it.
    await expect(call(a, 'recycle.restore', { id: recycleId })).rejects.toMatchObject({ code: 'conflict' });
    await call(a, 'assignments.delete', { id: again.id });
    await call(a, 'recycle.restore', { id: recycleId });
    expect(await roles()).toEqual(['B角']);
  });

  it('answers not_found for an unknown or already removed listing', async () => {
    await expect(call(a, 'assignments.delete', { id: 999 })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('挂牌') });
    const asg = await call(a, 'assignments.save', { schoolId, supervisorId, role: '社区' });
    await call(a, 'assignments.delete', { id: asg.id });
    await expect(call(a, 'assignments.delete', { id: asg.id })).rejects.toMatchObject({ code: 'not_found' });
  });
});
