import { afterEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { refusal } from '../testing/refused';
import { call } from '.';
import { moveToBin } from '../store/recycle';
import { type Store } from '../store/store';
import { nowText } from '../../shared/dates';

const open: { dispose(): void }[] = [];
async function demo() {
  const a = await tempStore({ init: 'demo' });
  open.push(a);
  return a;
}
afterEach(() => { for (const a of open.splice(0)) a.dispose(); });

const school = (a: Store, where = '1') =>
  a.db.prepare(`SELECT id, full_name AS name, deleted_at AS deletedAt FROM schools WHERE ${where} ORDER BY id LIMIT 1`).get() as
    { id: number; name: string; deletedAt: string | null };
const schoolById = (a: Store, id: number) => school(a, `id = ${Number(id)}`);
const count = (a: Store, sql: string, ...p: unknown[]) => a.db.prepare(sql).pluck().get(...p) as number;
const lastAudit = (a: Store) => a.db.prepare(`SELECT action, kind, entity_id AS entityId, summary FROM audit_log ORDER BY id DESC LIMIT 1`).get();

describe('回收站: recycle.list / restore / purge', () => {
  it('lists deleted items newest first, with kind, name, time and who deleted them', async () => {
    const a = await demo();
    expect(await call(a, 'recycle.list', {})).toEqual([]);
    const s = school(a);
    const sup = a.db.prepare(`SELECT id, name FROM supervisors ORDER BY id DESC LIMIT 1`).get() as { id: number; name: string };
    const first = moveToBin(a, 'school', s.id, s.name);
    const second = moveToBin(a, 'supervisor', sup.id, sup.name);
    const list = await call(a, 'recycle.list', {});
    expect(list.map((i) => [i.id, i.kind, i.entityId, i.title, i.deletedBy])).toEqual([
      [second, 'supervisor', sup.id, sup.name, '测试'],
      [first, 'school', s.id, s.name, '测试'],
    ]);
    expect(list[0].deletedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('restores a school: live again with its assignments, gone from the bin, logged', async () => {
    const a = await demo();
    const s = school(a);
    const assignments = count(a, `SELECT count(*) FROM assignments WHERE school_id = ?`, s.id);
    const binId = moveToBin(a, 'school', s.id, s.name);
    expect(schoolById(a, s.id).deletedAt).not.toBeNull();
    expect(await call(a, 'recycle.restore', { id: binId })).toEqual({ restored: true });
    expect(schoolById(a, s.id).deletedAt).toBeNull();
    expect(count(a, `SELECT count(*) FROM assignments WHERE school_id = ? AND deleted_at IS NULL`, s.id)).toBe(assignments);
    expect(await call(a, 'recycle.list', {})).toEqual([]);
    expect(lastAudit(a)).toEqual({ action: '恢复', kind: 'school', entityId: s.id, summary: `从回收站恢复学校「${s.name}」` });
  });

  it('refuses to purge a school that visit records still point to, and keeps it in the bin', async () => {
    const a = await demo();
    const s = school(a);
    expect(count(a, `SELECT count(*) FROM visits WHERE school_id = ?`, s.id)).toBeGreaterThan(0);
    const binId = moveToBin(a, 'school', s.id, s.name);
    const e = await refusal(call(a, 'recycle.purge', { id: binId }));
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('还有其他记录');
    expect(count(a, `SELECT count(*) FROM schools WHERE id = ?`, s.id)).toBe(1);
    expect((await call(a, 'recycle.list', {})).map((r) => r.id)).toEqual([binId]);
  });

  it('purges a school for good: the row, its assignments, and their own bin entries', async () => {
    const a = await demo();
    // A school with no records yet (the demo's schools all have visits, which keep them from purging).
    const created = await call(a, 'schools.save', { fields: { fullName: '清河区新建实验学校', type: '九年一贯制' } });
    const supervisorId = a.db.prepare(`SELECT id FROM supervisors WHERE status = '在聘' LIMIT 1`).pluck().get() as number;
    await call(a, 'assignments.save', { schoolId: created.id, supervisorId, role: '责任督学' });
    const s = { id: created.id, name: created.fullName };
    const assignment = a.db.prepare(`SELECT id FROM assignments WHERE school_id = ? LIMIT 1`).pluck().get(s.id) as number;
    moveToBin(a, 'assignment', assignment, `${s.name}·责任督学`);
    const binId = moveToBin(a, 'school', s.id, s.name);
    expect(await call(a, 'recycle.purge', { id: binId })).toEqual({ purged: true });
    expect(count(a, `SELECT count(*) FROM schools WHERE id = ?`, s.id)).toBe(0);
    expect(count(a, `SELECT count(*) FROM assignments WHERE school_id = ?`, s.id)).toBe(0);
    expect(await call(a, 'recycle.list', {})).toEqual([]);
    expect(lastAudit(a)).toEqual({ action: '彻底删除', kind: 'school', entityId: s.id, summary: `彻底删除学校「${s.name}」` });
    expect(a.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('purging a zone keeps its schools (they just leave the zone)', async () => {
    const a = await demo();
    const zone = a.db.prepare(`SELECT id, name FROM zones ORDER BY id LIMIT 1`).get() as { id: number; name: string };
    const members = count(a, `SELECT count(*) FROM schools WHERE zone_id = ?`, zone.id);
    const before = count(a, `SELECT count(*) FROM schools`);
    await call(a, 'recycle.purge', { id: moveToBin(a, 'zone', zone.id, zone.name) });
    expect(members).toBeGreaterThan(0);
    expect(count(a, `SELECT count(*) FROM schools`)).toBe(before);
    expect(count(a, `SELECT count(*) FROM schools WHERE zone_id = ?`, zone.id)).toBe(0);
  });

  it('will not restore over a live record with the same unique name, and says so in Chinese', async () => {
    const a = await demo();
    const s = school(a);
    const binId = moveToBin(a, 'school', s.id, s.name);
    const at = nowText();
    a.db.prepare(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES (?, '小学', '公办', ?, ?)`).run(s.name, at, at);
    const err = await refusal(call(a, 'recycle.restore', { id: binId }));
    expect(err.code).toBe('conflict');
    expect(err.message).toBe(`无法恢复学校「${s.name}」：档案中已有同名（或同编号）的记录。请先修改或删除那条记录后再恢复。`);
    expect(schoolById(a, s.id).deletedAt).not.toBeNull();
    expect((await call(a, 'recycle.list', {})).map((i) => i.id)).toEqual([binId]);
  });

  it('will not restore a supervisor whose 督学证编号 was given to someone else meanwhile', async () => {
    const a = await demo();
    const sup = a.db.prepare(`SELECT id, name, cert_no AS certNo FROM supervisors WHERE cert_no IS NOT NULL LIMIT 1`).get() as { id: number; name: string; certNo: string };
    const binId = moveToBin(a, 'supervisor', sup.id, sup.name);
    const at = nowText();
    a.db.prepare(`INSERT INTO supervisors (name, cert_no, status, category, created_at, updated_at) VALUES ('新督学', ?, '在聘', '兼职督学', ?, ?)`).run(sup.certNo, at, at);
    const err = await refusal(call(a, 'recycle.restore', { id: binId }));
    expect(err.code).toBe('conflict');
    expect(err.message).toContain(`无法恢复督学「${sup.name}」`);
  });

  it('keeps a school that visits still point to, with a clear message, when asked to purge it', async () => {
    const a = await demo();
    const s = school(a);
    const at = nowText();
    a.db.prepare(`INSERT INTO visits (school_id, date, type, created_at, updated_at) VALUES (?, '2025-09-10', '经常性督导', ?, ?)`).run(s.id, at, at);
    const binId = moveToBin(a, 'school', s.id, s.name);
    const err = await refusal(call(a, 'recycle.purge', { id: binId }));
    expect(err.code).toBe('conflict');
    expect(err.message).toContain(`无法彻底删除学校「${s.name}」`);
    expect(count(a, `SELECT count(*) FROM schools WHERE id = ?`, s.id)).toBe(1);
    expect((await call(a, 'recycle.list', {})).map((i) => i.id)).toEqual([binId]);
  });

  it('answers not found for an unknown bin entry, and for one whose row is already gone', async () => {
    const a = await demo();
    for (const channel of ['recycle.restore', 'recycle.purge'] as const) {
      const err = await refusal(call(a, channel, { id: 9999 }));
      expect(err.code).toBe('not_found');
      expect(err.message).toBe('回收站中没有这一项，可能已被恢复或彻底删除，请刷新。');
    }
    const s = school(a);
    const binId = moveToBin(a, 'school', s.id, s.name);
    a.db.pragma('foreign_keys = OFF');
    a.db.prepare(`DELETE FROM schools WHERE id = ?`).run(s.id);
    a.db.pragma('foreign_keys = ON');
    const err = await refusal(call(a, 'recycle.restore', { id: binId }));
    expect(err.code).toBe('not_found');
    expect(err.message).toContain('这条记录已不存在');
  });

  it('refuses an invalid id with a Chinese message naming the field', async () => {
    const a = await demo();
    for (const id of [0, -1, 1.5, 'x', null]) {
      const err = await refusal(call(a, 'recycle.restore', { id }));
      expect(err.code).toBe('invalid');
      expect(err.message).toMatch(/^「编号」/);
    }
    const err = await refusal(call(a, 'recycle.purge', {}));
    expect(err.message).toMatch(/^「编号」/);
  });
});
