import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { finished, offeredBytes, uploaded } from '../testing/files';
import { call } from './index';
import { SCHOOL_ROSTER, SUPERVISOR_ROSTER } from '../../shared/rosters';

// People and schools in pinyin order in every list, picker and export (issue 16), through the handlers
// over a real archive: the keys are written on save, on rename and on Excel import.

let a: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => { a = await tempStore({ init: 'empty' }); });
afterEach(() => a.dispose());

// By character code these would read 丰 单 望 曾 柳 解 …; polyphonic surnames read as surnames.
const PEOPLE = ['望月明', '柳青', '丰子恺', '单雄信', '曾国强', '解小东', '仇英', '朴志勇', '区家明', '查良镛'];
const IN_PINYIN = ['丰子恺', '柳青', '区家明', '朴志勇', '仇英', '单雄信', '望月明', '解小东', '曾国强', '查良镛'];
const SCHOOLS = ['望江小学', '柳林镇中心小学', '丰乐中学', '长安路小学', '白沙幼儿园'];
const SCHOOLS_IN_PINYIN = ['白沙幼儿园', '长安路小学', '丰乐中学', '柳林镇中心小学', '望江小学'];

async function addPeople(names = PEOPLE) {
  const ids: Record<string, number> = {};
  for (const name of names) ids[name] = (await call(a, 'supervisors.save', { fields: { name, category: '兼职督学' } })).id;
  return ids;
}
async function addSchools(names = SCHOOLS) {
  const ids: Record<string, number> = {};
  for (const fullName of names) ids[fullName] = (await call(a, 'schools.save', { fields: { fullName, type: '小学' } })).id;
  return ids;
}
async function sheetColumn(bytes: Buffer, col: number): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const out: string[] = [];
  ws.eachRow((r, n) => { if (n > 1) out.push(String(r.getCell(col).value)); });
  return out;
}
async function book(headers: string[], rows: Record<string, string>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('pinyin order of people', () => {
  it('lists supervisors (the register and the picker\'s search) in pinyin order, both ways, surnames read as surnames', async () => {
    await addPeople();
    const names = async (q: object) => (await call(a, 'supervisors.list', q)).rows.map((r) => r.name);
    expect(await names({ sort: 'name' })).toEqual(IN_PINYIN);
    expect(await names({ sort: 'name', dir: 'desc' })).toEqual([...IN_PINYIN].reverse());
    expect(await names({ sort: 'name', limit: 3, offset: 3 })).toEqual(IN_PINYIN.slice(3, 6));
    // Equal categories fall back to the name's pinyin too.
    expect(await names({ sort: 'category' })).toEqual(IN_PINYIN);
  });

  it('exports the 督学名册 in pinyin order', async () => {
    await addPeople();
    const exp = await call(a, 'excel.exportRoster', { kind: 'supervisors' });
    expect(await sheetColumn(await offeredBytes(a, exp), 1)).toEqual(IN_PINYIN);
  });

  it('keeps the key current: a renamed supervisor moves to the new name\'s place', async () => {
    const ids = await addPeople(['柳青', '望月明']);
    const s = (await call(a, 'supervisors.get', { id: ids['望月明'] })).supervisor;
    const { id: _id, zoneNames: _z, schoolCount: _c, termDaysLeft: _d, termExpiring: _e, updatedAt: _u, ...fields } = s;
    await call(a, 'supervisors.save', { id: ids['望月明'], fields: { ...fields, name: '艾青' } }); // ai: before liu (by code 艾 comes after 柳)
    expect((await call(a, 'supervisors.list', { sort: 'name' })).rows.map((r) => r.name)).toEqual(['艾青', '柳青']);
  });

  it('gives people imported from Excel their keys: the list and the export are in pinyin order after an import', async () => {
    const headers = SUPERVISOR_ROSTER.columns.map((c) => c.header);
    const data = await book(headers, PEOPLE.map((姓名) => ({ 姓名, 类别: '兼职督学', 聘任状态: '在聘' })));
    expect(await finished(a, call(a, 'excel.commitImport', { kind: 'supervisors', uploadId: await uploaded(a, 'roster', '名册.xlsx', data) }))).toMatchObject({ inserted: PEOPLE.length });
    expect((await call(a, 'supervisors.list', { sort: 'name' })).rows.map((r) => r.name)).toEqual(IN_PINYIN);
    expect(a.db.prepare(`SELECT count(*) FROM supervisors WHERE name_pinyin = '' OR name_initials = ''`).pluck().get()).toBe(0);
  });
});

describe('pinyin order of schools', () => {
  it('lists schools (the register, a zone\'s schools, the pickers) and exports the 学校名册 in pinyin order', async () => {
    const ids = await addSchools();
    expect((await call(a, 'schools.list', {})).rows.map((r) => r.fullName)).toEqual(SCHOOLS_IN_PINYIN);
    expect((await call(a, 'schools.list', { dir: 'desc' })).rows.map((r) => r.fullName)).toEqual([...SCHOOLS_IN_PINYIN].reverse());
    const zone = await call(a, 'zones.save', { fields: { name: '第一责任区' } });
    await call(a, 'zones.moveSchools', { zoneId: zone.id, schoolIds: [ids['望江小学'], ids['丰乐中学'], ids['长安路小学']] });
    expect((await call(a, 'zones.get', { id: zone.id })).schools.map((s) => s.fullName)).toEqual(['长安路小学', '丰乐中学', '望江小学']);
    const exp = await call(a, 'excel.exportRoster', { kind: 'schools' });
    expect(await sheetColumn(await offeredBytes(a, exp), 1)).toEqual(SCHOOLS_IN_PINYIN);
  });

  it('orders the 学校 column of the 督导记录 and the 问题整改台账 by pinyin', async () => {
    const ids = await addSchools();
    const person = (await call(a, 'supervisors.save', { fields: { name: '张明', category: '兼职督学' } })).id;
    for (const name of SCHOOLS) {
      await call(a, 'visits.save', { fields: { schoolId: ids[name], date: '2025-04-10', supervisorIds: [person], type: '专项' } });
      await call(a, 'problems.save', { fields: { source: '督导记录', schoolId: ids[name], category: '其他', description: '消防通道堆物' } });
    }
    expect((await call(a, 'visits.list', { sort: 'school', dir: 'asc' })).rows.map((r) => r.schoolName)).toEqual(SCHOOLS_IN_PINYIN);
    expect((await call(a, 'problems.list', { sort: 'school', dir: 'asc' })).rows.map((r) => r.schoolName)).toEqual(SCHOOLS_IN_PINYIN);
    const ledger = await finished(a, call(a, 'problems.exportLedger', { sort: 'school', dir: 'asc' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await offeredBytes(a, ledger.file) as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0].getSheetValues());
    const at = SCHOOLS_IN_PINYIN.map((s) => text.indexOf(s));
    expect(at.every((x) => x > 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
  });

  it('gives schools imported from Excel their keys and initials (full name and short name)', async () => {
    const headers = SCHOOL_ROSTER.columns.map((c) => c.header);
    const data = await book(headers, [
      { 学校全称: '清河区第一小学', 简称: '清河一小', '学段/类型': '小学', 办学性质: '公办' },
      { 学校全称: '白沙幼儿园', '学段/类型': '幼儿园', 办学性质: '公办' },
    ]);
    expect(await finished(a, call(a, 'excel.commitImport', { kind: 'schools', uploadId: await uploaded(a, 'roster', '名册.xlsx', data) }))).toMatchObject({ inserted: 2 });
    expect(a.db.prepare('SELECT full_name, name_initials FROM schools ORDER BY name_pinyin').all()).toEqual([
      { full_name: '白沙幼儿园', name_initials: 'bsyey' },
      { full_name: '清河区第一小学', name_initials: 'qhqdyxx qhyx' },
    ]);
  });
});

describe('ordinals in names', () => {
  it('lists 第一 before 第二 and 第十 after 第九: schools and zones, and a person\'s zone names', async () => {
    const names = ['清河区第二中学', '清河区第十小学', '清河区第一小学', '清河区第九小学'];
    await addSchools(names);
    expect((await call(a, 'schools.list', {})).rows.map((r) => r.fullName)).toEqual(['清河区第一小学', '清河区第二中学', '清河区第九小学', '清河区第十小学']);
    for (const name of ['第三责任区', '第十责任区', '第一责任区', '第二责任区']) await call(a, 'zones.save', { fields: { name } });
    expect((await call(a, 'zones.list', {})).map((z) => z.name)).toEqual(['第一责任区', '第二责任区', '第三责任区', '第十责任区']);
  });
});
