import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { visitFormWorkbook, type VisitFormTemplateInput } from './visit-form-file';
import { readVisitForm } from './read-visit-form';
import { fillVisitForm } from './fill-visit-form';
import { samplePng } from '../../testing/samples';
import { VISIT_FORM_COLUMNS, VISIT_FORM_MARK, VISIT_FORM_SHEETS } from '../../../shared/visit-form';
import { EIGHT_ITEMS, VISIT_METHODS, VISIT_TYPES } from '../../../shared/vocab';

const INPUT: VisitFormTemplateInput = {
  office: '清河区人民政府教育督导室',
  supervisor: { id: 7, name: '张明', certNo: 'DX-0007' },
  from: '2026-09-01', to: '2027-01-31',
  lists: { schools: ['城关第一小学', '白沙镇中心小学'], types: [...VISIT_TYPES], methods: [...VISIT_METHODS], items: [...EIGHT_ITEMS, '其他'] },
};

async function template(): Promise<Buffer> {
  return (await visitFormWorkbook(INPUT, '督导记录表-张明.xlsx')).bytes;
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('the 督导记录表 workbook', () => {
  it('opens on the records sheet: title, who and when, the header; the lists and the 档案信息 hidden', async () => {
    const wb = await load(await template());
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['督导记录', 'visible'], ['填写说明', 'visible'], ['选项', 'hidden'], ['档案信息', 'hidden'],
    ]);
    const ws = wb.getWorksheet('督导记录')!;
    expect(ws.getCell('A1').value).toBe('清河区人民政府教育督导室责任督学督导记录表');
    expect(String(ws.getCell('A2').value)).toContain('督学：张明（督学证编号 DX-0007）');
    expect(String(ws.getCell('A2').value)).toContain('填报期间：2026年9月1日至2027年1月31日');
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(VISIT_FORM_COLUMNS.map((c) => c.header));
    const info = wb.getWorksheet('档案信息')!;
    expect(info.getRow(1).values).toEqual([undefined, '标识', VISIT_FORM_MARK]);
    expect(info.getRow(3).values).toEqual([undefined, '督学编号', 7]);
    expect(info.getRow(5).values).toEqual([undefined, '填报开始', '2026-09-01']);
  });

  it('offers the supervisor\'s schools, the types, methods and eight items as drop-down lists from the hidden sheet', async () => {
    const wb = await load(await template());
    const ws = wb.getWorksheet('督导记录')!;
    const lists = wb.getWorksheet('选项')!;
    const col = (header: string) => ws.getColumn(VISIT_FORM_COLUMNS.findIndex((c) => c.header === header) + 1).letter;
    // Every data row of the column, the first and the last.
    const rule = (header: string) => {
      const [first, last] = [ws.getCell(`${col(header)}4`).dataValidation, ws.getCell(`${col(header)}123`).dataValidation];
      expect(last).toEqual(first);
      return first;
    };
    expect(rule('学校')).toMatchObject({ type: 'list', formulae: ["'选项'!$A$2:$A$3"] });
    expect(rule('督导类型')).toMatchObject({ type: 'list', formulae: ["'选项'!$B$2:$B$7"] });
    expect(rule('督导方式二')).toMatchObject({ type: 'list', formulae: ["'选项'!$C$2:$C$9"] });
    expect(rule('督导事项三')).toMatchObject({ type: 'list', formulae: ["'选项'!$D$2:$D$10"] });
    expect(rule('问题类别')).toMatchObject({ type: 'list', formulae: ["'选项'!$D$2:$D$10"] });
    expect(rule('督导纪实')).toBeUndefined();
    expect(ws.getCell(`${col('学校')}124`).dataValidation).toBeUndefined();
    expect(lists.getColumn(1).values.slice(1)).toEqual(['学校', '城关第一小学', '白沙镇中心小学']);
    expect(lists.getColumn(4).values.slice(2)).toEqual([...EIGHT_ITEMS, '其他']);
  });

  it('is read back as filled: typed text and dates, several methods in a cell, photos by the row they sit on', async () => {
    const photo = samplePng(40, 30);
    const filled = await fillVisitForm(await template(), [
      { values: { 督导日期: new Date(Date.UTC(2026, 8, 15)), 学校: '城关第一小学', 督导方式一: '巡视校园', 督导方式二: '查阅资料、随机听课',
        督导事项一: EIGHT_ITEMS[6], 督导纪实: '检查食堂后厨。', 问题: '留样不足', 问题类别: EIGHT_ITEMS[6], 整改期限: '2026年10月15日' },
        photos: [{ bytes: photo, extension: 'png' }, { bytes: photo, extension: 'png' }] },
      { skip: 2, values: { 督导日期: '2026/10/8', 学校: '白沙镇中心小学', 督导纪实: '听课两节。' } },
      { values: { 督导纪实: '' }, photos: [{ bytes: photo, extension: 'png' }] },
    ]);
    const form = await readVisitForm(filled);
    expect(form.info).toEqual({ mark: VISIT_FORM_MARK, version: 1, supervisorId: 7, supervisorName: '张明', from: '2026-09-01', to: '2027-01-31' });
    expect(form.rows.map((r) => [r.rowNumber, r.cells.date, r.cells.school, r.photos.length])).toEqual([
      [4, '2026-09-15', '城关第一小学', 2], [7, '2026-10-08', '白沙镇中心小学', 0], [8, '', '', 1],
    ]);
    expect(form.rows[0].cells).toMatchObject({ method1: '巡视校园', method2: '查阅资料、随机听课', item1: EIGHT_ITEMS[6],
      narrative: '检查食堂后厨。', problem: '留样不足', deadline: '2026-10-15', type: '' });
    expect(Buffer.from(form.rows[0].photos[0].bytes).equals(photo)).toBe(true);
    expect(form.rows[0].photos[0].info).toMatchObject({ type: 'png', mime: 'image/png' });
  });

  it('counts pictures WPS embeds in a cell (=DISPIMG), which it cannot read', async () => {
    const wb = await load(await template());
    const ws = wb.getWorksheet('督导记录')!;
    ws.getCell('A4').value = '2026-09-20';
    ws.getCell('Q4').value = { formula: 'DISPIMG("ID_8F2C",1)', result: '' } as ExcelJS.CellFormulaValue;
    const form = await readVisitForm(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(form.rows[0]).toMatchObject({ rowNumber: 4, cellPictures: 1, photos: [] });
  });

  it('refuses a workbook that is not one of its forms, or whose header was removed, saying what to do', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('督导记录').addRow(['督导日期', '学校', '督导纪实']);
    await expect(readVisitForm(Buffer.from(await other.xlsx.writeBuffer()))).rejects.toThrow(/不是督导档案生成的督导记录表.*请使用督导室下发的督导记录表/);
    const wb = await load(await template());
    wb.getWorksheet('督导记录')!.spliceRows(3, 1);
    await expect(readVisitForm(Buffer.from(await wb.xlsx.writeBuffer()))).rejects.toThrow(/没有找到督导记录的表头/);
    await expect(readVisitForm(Buffer.from('not a workbook'))).rejects.toThrow(/不是有效的 Excel/);
    expect(VISIT_FORM_SHEETS.records).toBe('督导记录');
  });
});
