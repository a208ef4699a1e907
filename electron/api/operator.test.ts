import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/store';
import { call } from './index';
import { AUDIT_KIND_LABELS } from '../../shared/schemas/admin';

// A log people can read (issue 16): the operator is a person's name (asked on first start, defaulting
// to the computer's account, changeable in 设置), record kinds are in Chinese, no internal ids in the
// text, and each line says whether its record can still be opened.

const opened: { a: Store; folder: string }[] = [];
async function archive(folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-operator-'))) {
  const a = await openStore(folder, { actor: 'root' }); // the computer's account, as electron/main and web/cli pass it
  opened.push({ a, folder });
  return a;
}
afterEach(() => {
  for (const { a, folder } of opened.splice(0)) {
    try { a.close(); } catch { /* closed by the test */ }
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
const lastLine = async (a: Store) => (await call(a, 'audit.list', { limit: 1 })).rows[0];

describe('the operator', () => {
  it('is the computer\'s account until a name is given on first start, then that name on every line', async () => {
    const a = await archive();
    expect((await call(a, 'dataFolder.status', {})).operator).toEqual({ name: 'root', account: 'root', named: false });
    const s = await call(a, 'dataFolder.initialize', { mode: 'empty', operator: '  王晓丽 ' });
    expect(s.operator).toEqual({ name: '王晓丽', account: 'root', named: true });
    expect(await lastLine(a)).toMatchObject({ actor: '王晓丽', action: '初始化', kindLabel: '档案' });
    await call(a, 'supervisors.save', { fields: { name: '张明', category: '兼职督学' } });
    expect(await lastLine(a)).toMatchObject({ actor: '王晓丽', kind: 'supervisor', kindLabel: '督学', summary: '新增督学「张明」（兼职督学）' });
  });

  it('is changed in 设置: logged, kept with the archive when it is opened again, used for the 回收站 too', async () => {
    const a = await archive();
    await call(a, 'dataFolder.initialize', { mode: 'empty' });
    expect((await lastLine(a)).actor).toBe('root');
    expect(await call(a, 'operator.save', { name: '李华' })).toEqual({ name: '李华', account: 'root', named: true });
    expect(await lastLine(a)).toMatchObject({ actor: '李华', kindLabel: '操作人', summary: '操作人由「root」改为「李华」' });
    const sup = await call(a, 'supervisors.save', { fields: { name: '张明', category: '兼职督学' } });
    await call(a, 'supervisors.delete', { id: sup.id });
    expect((await call(a, 'recycle.list', {}))[0].deletedBy).toBe('李华');
    await expect(call(a, 'operator.save', { name: '  ' })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('请填写姓名') });

    const folder = a.dataFolder;
    a.close();
    const again = await archive(folder);
    expect(again.actor).toBe('李华');
    expect((await call(again, 'dataFolder.status', {})).operator).toEqual({ name: '李华', account: 'root', named: true });
  });
});

describe('the log\'s lines', () => {
  it('name every kind in Chinese, carry no internal ids, and link to records that still exist', async () => {
    const a = await archive();
    await call(a, 'dataFolder.initialize', { mode: 'demo', operator: '王晓丽' });
    const year = new Date().getFullYear();
    const cal = await call(a, 'calendars.save', { fields: { title: `${year}年行事历`, periodKind: '自然年', startMonth: `${year}-01`, endMonth: `${year}-12` } });
    const item = await call(a, 'calendarItems.save', { fields: { calendarId: cal.id, month: `${year}-03`, content: '召开督学工作会议', category: '会议' } });
    const [candidate] = await call(a, 'chronicle.candidates', { year });
    await call(a, 'chronicle.reject', { year, sourceKind: candidate.sourceKind, sourceId: candidate.sourceId });
    await call(a, 'yearClose.list', {});
    await call(a, 'assessments.saveScheme', await call(a, 'assessments.scheme', {}));
    const school = (await call(a, 'schools.list', { limit: 1 })).rows[0];
    await call(a, 'schools.delete', { id: school.id });

    const { rows } = await call(a, 'audit.list', { limit: 500 });
    const internal = new RegExp(`#\\d|\\b(${Object.keys(AUDIT_KIND_LABELS).join('|')})\\b`);
    for (const r of rows) {
      expect(r.kindLabel, r.kind).toBe(AUDIT_KIND_LABELS[r.kind]);
      expect(r.kindLabel).toMatch(/^[\u4e00-\u9fa5]+$/);
      expect(r.summary, r.summary).not.toMatch(internal);
    }
    const rejected = rows.find((r) => r.action === '忽略')!;
    expect(rejected.summary).toMatch(new RegExp(`^${year}年大事记不采纳候选「${candidate.text.slice(0, 15)}`)); // the candidate as shown

    const itemLine = rows.find((r) => r.kind === 'calendarItem' && r.entityId === item.id)!;
    expect(itemLine).toMatchObject({ live: true, parentId: cal.id });
    const deleted = rows.filter((r) => r.kind === 'school' && r.entityId === school.id);
    expect(deleted.length).toBeGreaterThan(0);
    expect(deleted.every((r) => !r.live)).toBe(true); // in the 回收站: nothing to open
    expect(rows.find((r) => r.kind === 'calendar' && r.entityId === cal.id)).toMatchObject({ live: true, kindLabel: '行事历' });
  });
});
