import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { tempStore } from '../testing/temp-store';
import { finished, offeredBytes, uploaded } from '../testing/files';
import { call } from './index';
import { insertZone } from '../store/zones';
import { insertSupervisor } from '../store/supervisors';
import { putAttachment } from '../store/attachments';
import { moveToBin } from '../store/recycle';
import { SCHOOL_ROSTER, SUPERVISOR_ROSTER } from '../../shared/rosters';
import { supervisorFields } from '../../shared/schemas/supervisor';
import type { ImportPreview, ImportResult, ImportRow } from '../../shared/schemas/admin';
import type { JobStarted } from '../../shared/schemas/files';

let a: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => { a = await tempStore({ init: 'empty' }); });
afterEach(() => a.dispose());

type Cell = ExcelJS.CellValue;

/** A workbook built the way a user's Excel would hold it: the file's bytes. */
async function book(rows: Cell[][], setup?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  setup?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function load(bytes: Buffer | Promise<Buffer>): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await bytes as unknown as ArrayBuffer);
  return wb;
}

const count = (table: string) => (a.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
/** An Excel import as the page runs it: the file received, then the channel's job followed to its end. */
async function roster<C extends 'excel.previewImport' | 'excel.commitImport'>(s: typeof a, channel: C, kind: string, bytes: Buffer | string) {
  const uploadId = await uploaded(s, 'roster', '名册.xlsx', bytes);
  return finished(s, call(s, channel, { kind, uploadId } as never) as Promise<JobStarted<unknown>>) as Promise<C extends 'excel.previewImport' ? ImportPreview : ImportResult>;
}
const audits = () => (a.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const row = (p: ImportPreview, n: number): ImportRow => {
  const r = p.rows.find((x) => x.rowNumber === n);
  if (!r) throw new Error(`no row ${n}`);
  return r;
};

const SUP_HEADERS = SUPERVISOR_ROSTER.columns.map((c) => c.header);
/** A full supervisor row in header order, with overrides by header. */
function sup(over: Record<string, Cell> = {}): Cell[] {
  const base: Record<string, Cell> = {
    姓名: '王丽', 性别: '女', 出生年月: '1978-03', 工作单位: '城关第一小学', 职务: '副校长', 学历: '本科',
    职称: '高级教师', 任教学段: '小学', 学科: '语文', 手机: '13800000001', 督学证编号: 'DX2024001',
    聘书编号: 'PS001', 聘任起始: '2024-09-01', 聘任截止: '2027-08-31', 聘任状态: '在聘', 类别: '兼职督学', 备注: '',
  };
  const merged = { ...base, ...over };
  return SUP_HEADERS.map((h) => merged[h] ?? null);
}

const baseFields = supervisorFields.parse({ name: '李强', category: '专职督学', certNo: 'DX-OLD', mobile: '13900000000' });

describe('excel.template', () => {
  it('has the header row for every field, frozen and bold, and a 说明 sheet listing the allowed values', async () => {
    const t = await call(a, 'excel.template', { kind: 'supervisors' });
    expect(t.fileName).toBe('督学名册导入模板.xlsx');
    const wb = await load(offeredBytes(a, t));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['督学名册', '说明']);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as Cell[]).slice(1)).toEqual(SUP_HEADERS);
    expect(SUP_HEADERS).toEqual(['姓名', '性别', '出生年月', '工作单位', '职务', '学历', '职称', '任教学段', '学科', '手机',
      '督学证编号', '聘书编号', '聘任起始', '聘任截止', '聘任状态', '类别', '备注']);
    expect(ws.actualRowCount).toBe(1);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const notes = wb.getWorksheet('说明')!;
    const text = JSON.stringify(notes.getSheetValues());
    for (const v of ['总督学', '实习督学', '在聘', '未聘任', '研究生', '男']) expect(text).toContain(v);

    const s = await load(offeredBytes(a, call(a, 'excel.template', { kind: 'schools' })));
    expect((s.worksheets[0].getRow(1).values as Cell[]).slice(1)).toEqual(['学校全称', '简称', '学段/类型', '办学性质', '城乡',
      '地址', '校长', '联系电话', '学生数', '教师数', '所属责任区', '备注']);
    expect(JSON.stringify(s.getWorksheet('说明')!.getSheetValues())).toContain('九年一贯制');
  });

  it('lists the office’s own categories and zones', async () => {
    insertZone(a, { name: '城东责任区', leaderId: null, notes: null });
    const s = await load(offeredBytes(a, call(a, 'excel.template', { kind: 'schools' })));
    expect(JSON.stringify(s.getWorksheet('说明')!.getSheetValues())).toContain('城东责任区');
  });
});

describe('excel.previewImport (督学)', () => {
  it('checks every row, names each bad column in Chinese, marks insert or update, and writes nothing', async () => {
    insertSupervisor(a, { ...baseFields, certNo: 'DX2024009', name: '旧名字' });
    insertSupervisor(a, { ...baseFields, certNo: null, name: '赵敏', mobile: '13700000000' });
    const data = await book([
      SUP_HEADERS,
      sup(), // 2: new
      sup({ 姓名: '张伟', 督学证编号: 'DX2024009', 手机: 13800000002 }), // 3: update by cert; numeric phone
      sup({ 姓名: '赵敏', 督学证编号: null, 手机: '13700000000' }), // 4: update by name + mobile
      sup({ 姓名: null, 督学证编号: 'A1' }), // 5: no name
      sup({ 性别: '男性', 督学证编号: 'A2' }), // 6
      sup({ 手机: '12345', 督学证编号: 'A3' }), // 7
      sup({ 类别: '荣誉督学', 督学证编号: 'A4' }), // 8
      sup({ 聘任起始: '2024-13-45', 督学证编号: 'A5' }), // 9
      sup({ 聘任起始: '2025-09-01', 聘任截止: '2024-08-31', 督学证编号: 'A6' }), // 10
      sup({ 出生年月: '七八年', 督学证编号: 'A7' }), // 11
      sup({ 学历: '博士后', 任教学段: '大学', 督学证编号: 'A8' }), // 12: two reasons
      [], // 13: empty row, skipped
      sup({ 姓名: '钱多', 督学证编号: 'DUP' }), // 14
      sup({ 姓名: '孙少', 督学证编号: 'DUP' }), // 15
    ]);
    const before = { s: count('supervisors'), log: audits() };
    const p = await roster(a, 'excel.previewImport', 'supervisors', data);
    expect({ s: count('supervisors'), log: audits() }).toEqual(before);

    expect(p.kind).toBe('supervisors');
    expect(p.columns).toEqual(SUP_HEADERS);
    expect(p.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15]);
    expect(row(p, 2)).toMatchObject({ action: 'insert', errors: [] });
    expect(row(p, 3)).toMatchObject({ action: 'update', errors: [] });
    expect(row(p, 3).values['手机']).toBe('13800000002');
    expect(row(p, 4)).toMatchObject({ action: 'update', errors: [] });
    expect(row(p, 5).errors).toEqual(['「姓名」必须填写']);
    expect(row(p, 6).errors[0]).toMatch(/^「性别」.*男、女.*男性/);
    expect(row(p, 7).errors[0]).toMatch(/^「手机」应为11位手机号码/);
    expect(row(p, 8).errors[0]).toMatch(/^「类别」“荣誉督学”不在本室的督学类别中/);
    expect(row(p, 9).errors[0]).toMatch(/^「聘任起始」/);
    expect(row(p, 10).errors[0]).toMatch(/^「聘任截止」聘任截止日期不能早于起始日期/);
    expect(row(p, 11).errors[0]).toMatch(/^「出生年月」应为年月/);
    expect(row(p, 12).errors).toHaveLength(2);
    expect(row(p, 12).errors.join()).toMatch(/「学历」.*「任教学段」/);
    expect(row(p, 14).errors[0]).toMatch(/与第 15 行重复（督学证编号「DUP」相同）/);
    expect(row(p, 15).errors[0]).toMatch(/与第 14 行重复/);
    for (const r of p.rows.filter((x) => x.errors.length)) expect(r.action).toBe('skip');
    expect(p.validCount).toBe(3);
    expect(p.invalidCount).toBe(10);
  });

  it('reads date cells, numeric phones, rich text and formulas; headers in any order, unknown columns ignored', async () => {
    const data = await book([
      ['督导室2025年督学名册'], // a title line above the header
      ['备用', '类别', '手机', '出生年月', '姓名', '聘任起始', '聘任截止', '单位（旧）'],
      ['x', '专职督学', 13912345678, new Date(Date.UTC(1980, 4, 1)), { richText: [{ text: '欧阳' }, { text: '修', font: { bold: true } }] },
        new Date(Date.UTC(2024, 8, 1)), { formula: 'F3+1094', result: new Date(Date.UTC(2027, 7, 31)) }, '无关'],
      ['y', { formula: '"兼职"&"督学"', result: '兼职督学' }, '13800000003', '1975年6月', '周平', '2024/9/1', 45900, ''],
    ], (ws) => { ws.getCell('D3').numFmt = 'yyyy-mm'; ws.getCell('F3').numFmt = 'yyyy-mm-dd'; ws.getCell('G3').numFmt = 'yyyy-mm-dd'; });
    const p = await roster(a, 'excel.previewImport', 'supervisors', data);
    expect(p.columns).toEqual(['姓名', '出生年月', '手机', '聘任起始', '聘任截止', '类别']);
    expect(p.rows.map((r) => r.errors)).toEqual([[], []]);
    expect(row(p, 3).values).toEqual({ 姓名: '欧阳修', 出生年月: '1980-05', 手机: '13912345678', 聘任起始: '2024-09-01', 聘任截止: '2027-08-31', 类别: '专职督学' });
    expect(row(p, 4).values).toMatchObject({ 出生年月: '1975-06', 聘任起始: '2024-09-01', 聘任截止: '2025-08-31', 类别: '兼职督学' });
  });

  it('refuses a sheet without a required column with one clear error', async () => {
    const data = await book([['姓名', '性别', '手机'], ['王丽', '女', '13800000001']]);
    await expect(roster(a, 'excel.previewImport', 'supervisors', data))
      .rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/缺少必需的列：「类别」/) });
  });

  it('refuses files that are not xlsx, empty sheets and header-only sheets, in Chinese', async () => {
    const random = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256));
    const docx = (await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('不是表格')] }] })));
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    for (const data of [random, docx]) {
      await expect(roster(a, 'excel.previewImport', 'supervisors', data))
        .rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('文件不是有效的 Excel（.xlsx）文件') });
    }
    await expect(roster(a, 'excel.previewImport', 'schools', xls))
      .rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('旧版 Excel（.xls）') });
    await expect(roster(a, 'excel.previewImport', 'supervisors', await book([])))
      .rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('工作表是空的') });
    await expect(roster(a, 'excel.previewImport', 'supervisors', await book([SUP_HEADERS])))
      .rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('只有表头') });
    await expect(roster(a, 'excel.previewImport', 'supervisors', await book([['a', 'b'], [1, 2]])))
      .rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('没有找到督学名册的表头') });
    await expect(roster(a, 'excel.previewImport', 'supervisors', await book([['姓名', '类别', '姓名'], ['a', 'b', 'c']])))
      .rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('「姓名」列出现了两次') });
    await expect(roster(a, 'excel.previewImport', 'teachers', random))
      .rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('「类别」') });
  });

  it('cannot tell apart two archive supervisors with the same name and mobile', async () => {
    insertSupervisor(a, { ...baseFields, certNo: null, name: '刘洋', mobile: null });
    insertSupervisor(a, { ...baseFields, certNo: null, name: '刘洋', mobile: null });
    const p = await roster(a, 'excel.previewImport', 'supervisors', await book([['姓名', '类别'], ['刘洋', '专职督学']]));
    expect(row(p, 2).errors[0]).toMatch(/档案中有 2 名督学的姓名都与此行相同.*督学证编号/);
  });
});

describe('excel.commitImport', () => {
  it('writes exactly the valid rows in one transaction, keeps photos and absent columns, and logs 导入', async () => {
    const photo = putAttachment(a, Buffer.from('photo'), 'p.jpg', 'image/jpeg');
    const keepId = insertSupervisor(a, { ...baseFields, certNo: 'DX2024009', photo, unit: '旧单位', notes: '原备注' });
    const data = await book([
      ['姓名', '督学证编号', '类别', '备注'], // no 工作单位 column: an update keeps it
      ['张伟', 'DX2024009', '总督学', null],
      ['王丽', 'N1', '兼职督学', '新来的'],
      ['陈静', 'N2', '不存在的类别', null],
      ['', 'N3', '兼职督学', null],
    ]);
    const logBefore = audits();
    const res = await roster(a, 'excel.commitImport', 'supervisors', data);
    expect(res).toEqual({ inserted: 1, updated: 1, skipped: 2 });
    expect(count('supervisors')).toBe(2);
    const kept = a.db.prepare('SELECT * FROM supervisors WHERE id = ?').get(keepId) as Record<string, unknown>;
    expect(kept).toMatchObject({ name: '张伟', category: '总督学', photo, unit: '旧单位', notes: null, mobile: '13900000000' });
    const added = a.db.prepare(`SELECT * FROM supervisors WHERE cert_no = 'N1'`).get() as Record<string, unknown>;
    expect(added).toMatchObject({ name: '王丽', status: '在聘', notes: '新来的', photo: null });
    const log = a.db.prepare(`SELECT action, kind, summary FROM audit_log WHERE id > ? ORDER BY id`).all(logBefore) as { action: string; summary: string }[];
    expect(log.at(-1)).toMatchObject({ action: '导入', kind: 'supervisor' });
    expect(log.at(-1)!.summary).toContain('新增 1 条，更新 1 条，跳过 2 条');
  });

  it('writes nothing when a row fails midway', async () => {
    a.db.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.supervisors WHEN new.name = '最后一行'
      BEGIN SELECT RAISE(ABORT, '磁盘已满'); END`);
    const data = await book([['姓名', '类别'], ['甲一', '专职督学'], ['乙二', '专职督学'], ['最后一行', '专职督学']]);
    const before = { s: count('supervisors'), log: audits() };
    await expect(roster(a, 'excel.commitImport', 'supervisors', data))
      .rejects.toMatchObject({ message: expect.stringMatching(/第 4 行无法保存.*档案未做任何修改/) });
    expect({ s: count('supervisors'), log: audits() }).toEqual(before);
  });

  it('refuses a file with no valid row', async () => {
    const data = await book([['姓名', '类别'], ['甲一', '无此类别']]);
    await expect(roster(a, 'excel.commitImport', 'supervisors', data))
      .rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('没有可导入的有效记录') });
    expect(count('supervisors')).toBe(0);
  });

  it('imports schools with their zone by name and reports unknown zones and bad numbers', async () => {
    const zoneId = insertZone(a, { name: '城东责任区', leaderId: null, notes: null });
    const headers = SCHOOL_ROSTER.columns.map((c) => c.header);
    const data = await book([
      headers,
      ['城关第一小学', '城关一小', '小学', '公办', '城区', '人民路1号', '王校长', 57188888888, 1200, '86', '城东责任区', null],
      ['河西中学', null, '初中', null, '乡村', null, null, '0571-6666666', '１二三', -5, '不存在区', null],
      ['青苗幼儿园', null, '托儿所', null, null, null, null, null, null, null, null, null],
    ]);
    const p = await roster(a, 'excel.previewImport', 'schools', data);
    expect(row(p, 2)).toMatchObject({ action: 'insert', errors: [] });
    expect(row(p, 3).errors.join('\n')).toMatch(/「所属责任区」档案中没有名为“不存在区”的责任区/);
    expect(row(p, 3).errors.join('\n')).toMatch(/「学生数」必须是数字/);
    expect(row(p, 3).errors.join('\n')).toMatch(/「教师数」不能为负数/);
    expect(row(p, 4).errors[0]).toMatch(/^「学段\/类型」应为学段\/类型之一/);

    expect(await roster(a, 'excel.commitImport', 'schools', data)).toEqual({ inserted: 1, updated: 0, skipped: 2 });
    expect(a.db.prepare('SELECT full_name, zone_id, students, teachers, phone, nature FROM schools').all())
      .toEqual([{ full_name: '城关第一小学', zone_id: zoneId, students: 1200, teachers: 86, phone: '57188888888', nature: '公办' }]);
  });
});

describe('export and import round trip', () => {
  it('exports every live row with the header row, and importing the file updates every row and inserts none', async () => {
    const zoneId = insertZone(a, { name: '城西责任区', leaderId: null, notes: null });
    const supData = await book([
      SUP_HEADERS,
      sup(),
      sup({ 姓名: '张伟', 性别: '男', 督学证编号: null, 手机: null, 出生年月: null, 聘任起始: null, 聘任截止: null, 备注: '多行\n备注' }),
      sup({ 姓名: '李娜', 督学证编号: 'DX2024002', 手机: '13800000002', 聘任状态: '期满', 类别: '特邀督学' }),
    ]);
    await roster(a, 'excel.commitImport', 'supervisors', supData);
    const deleted = insertSupervisor(a, { ...baseFields, name: '已删除', certNo: 'GONE' });
    moveToBin(a, 'supervisor', deleted, '已删除');
    await roster(a, 'excel.commitImport', 'schools',
      await book([['学校全称', '学段/类型', '学生数', '所属责任区', '联系电话'], ['城西小学', '小学', 300, '城西责任区', '0571-1234567'], ['山区教学点', '小学', null, null, null]]));

    const exp = await call(a, 'excel.exportRoster', { kind: 'supervisors' });
    expect(exp.fileName).toMatch(/^督学名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const expBytes = await offeredBytes(a, exp);
    const wb = await load(expBytes);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as Cell[]).slice(1)).toEqual(SUP_HEADERS);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(4).width).toBeGreaterThan(ws.getColumn(2).width!);
    expect(ws.actualRowCount).toBe(4);
    expect(JSON.stringify(ws.getSheetValues())).not.toContain('已删除');
    // Dates and months are real dates in the Chinese format; empty cells are empty, never ''.
    const column = (header: string) => SUP_HEADERS.indexOf(header) + 1;
    const filled = (col: number) => [2, 3, 4].map((r) => ws.getCell(r, col)).filter((c) => c.value !== null);
    for (const [header, format] of [['聘任起始', 'yyyy"年"m"月"d"日"'], ['聘任截止', 'yyyy"年"m"月"d"日"'], ['出生年月', 'yyyy"年"m"月"']]) {
      expect(filled(column(header)).length, header).toBeGreaterThan(0);
      for (const c of filled(column(header))) {
        expect(c.value, header).toBeInstanceOf(Date);
        expect(c.numFmt, header).toBe(format);
      }
    }
    expect([2, 3, 4].flatMap((r) => SUP_HEADERS.map((_, i) => ws.getCell(r, i + 1).value)).filter((v) => v === '')).toEqual([]);

    const snapshot = () => a.db.prepare(`SELECT * FROM supervisors WHERE deleted_at IS NULL ORDER BY id`).all()
      .map((r) => ({ ...(r as object), updated_at: undefined }));
    const before = snapshot();
    const p = await roster(a, 'excel.previewImport', 'supervisors', expBytes);
    expect(p.rows.map((r) => [r.action, r.errors])).toEqual([['update', []], ['update', []], ['update', []]]);
    expect(await roster(a, 'excel.commitImport', 'supervisors', expBytes)).toEqual({ inserted: 0, updated: 3, skipped: 0 });
    expect(snapshot()).toEqual(before);

    const schoolExp = await call(a, 'excel.exportRoster', { kind: 'schools' });
    expect(schoolExp.fileName).toMatch(/^学校名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const schoolBytes = await offeredBytes(a, schoolExp);
    const sws = (await load(schoolBytes)).worksheets[0];
    expect(sws.getRow(2).getCell(11).value).toBe('城西责任区');
    expect(sws.getRow(2).getCell(9).value).toBe(300);
    const sp = await roster(a, 'excel.previewImport', 'schools', schoolBytes);
    expect(sp.rows.map((r) => [r.action, r.errors])).toEqual([['update', []], ['update', []]]);
    expect(await roster(a, 'excel.commitImport', 'schools', schoolBytes)).toEqual({ inserted: 0, updated: 2, skipped: 0 });
    expect(a.db.prepare(`SELECT zone_id FROM schools WHERE full_name = '城西小学'`).get()).toEqual({ zone_id: zoneId });
  });
});
