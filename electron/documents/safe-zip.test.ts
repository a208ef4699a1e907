import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { checkDocx, checkXlsx, DOCX_ZIP, ZipFileReader, ZipRefused, zipHas, type SheetLimits } from './safe-zip';
import { deflated, docxBomb, manyRowsXlsx, rawZip, repeatedEntry } from '../testing/hostile-files';

const MB = 1024 * 1024;
const LIMITS: SheetLimits = { maxRows: 10_010, tooManyRows: '行数过多', maxCells: 500_000 };

/** The refusal `run` throws (a ZipRefused), or fail. */
async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(ZipRefused);
    return (e as Error).message;
  }
  throw new Error('not refused');
}

const sheetXml = (rows: string) => `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
/** An .xlsx (enough of one for the checks) with this sheet XML. */
const workbookWith = (sheet: string) => rawZip([
  deflated('xl/workbook.xml', '<workbook/>'),
  deflated('xl/worksheets/sheet1.xml', sheet),
]);
const rowsOf = (n: number, row = (r: number) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`) => Array.from({ length: n }, (_, i) => row(i + 1)).join('');

describe('the directory, read before anything inflates', () => {
  it('refuses the issue\'s .docx (1.3 MB, document.xml of 415 MB) at once, inflating nothing', async () => {
    const bomb = docxBomb();
    expect(bomb.length).toBeLessThan(1.5 * MB);
    const rss = process.memoryUsage().rss;
    const t0 = Date.now();
    const message = await refusal(() => checkDocx(bomb));
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(50 * MB);
    expect(message).toMatch(/所选 Word 文档中的「word\/document\.xml」解压后有 415\.0 MB，超过单个部分 50\.0 MB 的上限.*压缩炸弹/);
    // zipHas, which only tells a .docx from other files, refuses it just the same.
    await expect(zipHas(bomb, 'word/document.xml')).rejects.toBeInstanceOf(ZipRefused);
  });

  it('refuses an entry that inflates at a ratio no document reaches, even under the size limit', async () => {
    const zip = rawZip([repeatedEntry('word/document.xml', '<w:document>', ' ', 20 * MB, '</w:document>')]);
    expect(await refusal(() => checkDocx(zip))).toMatch(/压缩比异常（\d+∶1，正常文件不超过 200∶1）/);
  });

  it('refuses too many entries, and a total past the limit', async () => {
    const many = rawZip(Array.from({ length: DOCX_ZIP.maxEntries + 1 }, (_, i) => deflated(`word/media/${i}.xml`, 'x')));
    expect(await refusal(() => checkDocx(many))).toContain(`包含的文件超过 ${DOCX_ZIP.maxEntries} 个`);
    const parts = rawZip([deflated('a.bin', Buffer.alloc(600_000, 1)), deflated('b.bin', Buffer.alloc(600_000, 2))]);
    expect(await refusal(() => ZipFileReader.open(parts, { ...DOCX_ZIP, maxTotalBytes: MB }))).toContain('解压后超过 1.0 MB 的上限');
  });
});

describe('sizes checked while streaming', () => {
  it('refuses an entry whose directory says less than it inflates to, at the first byte too many', async () => {
    const real = repeatedEntry('word/document.xml', '<w:document>', '<w:p/>', 5 * MB, '</w:document>');
    const lying = rawZip([{ ...real, size: 1000 }]);
    const rss = process.memoryUsage().rss;
    expect(await refusal(() => checkDocx(lying))).toContain('实际解压出的内容与压缩包目录记载的大小不符');
    expect(process.memoryUsage().rss - rss).toBeLessThan(20 * MB);
  });

  it('takes real Word and Excel files, and tells other files apart', async () => {
    const docx = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('督导')] }] })));
    expect(await checkDocx(docx)).toBeInstanceOf(Map);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名册').addRows([['姓名', '性别'], ['王丽', '女']]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await checkXlsx(xlsx, LIMITS)).toBe(true);
    expect(await checkDocx(xlsx)).toBe(false);
    expect(await checkXlsx(docx, LIMITS)).toBe(false);
    expect(await checkDocx(Buffer.from('PK not really a zip'))).toBe(false);
    expect(await checkXlsx(Buffer.from('姓名,性别'), LIMITS)).toBe(false);
  });
});

describe('rows counted while the sheet streams', () => {
  it('refuses a million rows (a 5 MB file, a 35 MB sheet under the entry limit) after reading the first ten thousand', async () => {
    const file = manyRowsXlsx(1_000_000);
    const t0 = Date.now();
    expect(await refusal(() => checkXlsx(file, LIMITS))).toBe('行数过多');
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('counts exactly, across chunk boundaries and namespace prefixes; rows without a value do not count', async () => {
    const limits = { ...LIMITS, maxRows: 20_000 };
    const exact = workbookWith(sheetXml(rowsOf(20_000)));
    expect(await checkXlsx(exact, limits)).toBe(true);
    expect(await refusal(() => checkXlsx(exact, { ...limits, maxRows: 19_999 }))).toBe('行数过多');
    const prefixed = workbookWith(sheetXml(rowsOf(3, (r) => `<x:row r="${r}"><x:c t="inlineStr"><x:is><x:t>名${r}</x:t></x:is></x:c></x:row>`)));
    expect(await refusal(() => checkXlsx(prefixed, { ...limits, maxRows: 2 }))).toBe('行数过多');
    // Formatted but empty rows (Excel and WPS write them) are no data.
    const formatted = workbookWith(sheetXml(rowsOf(5) + rowsOf(30_000, (r) => `<row r="${r + 5}" s="1" customFormat="1"><c r="A${r + 5}" s="1"/></row>`)));
    expect(await checkXlsx(formatted, { ...limits, maxRows: 5 })).toBe(true);
  });

  it('refuses more cells than a reader may load', async () => {
    const wide = workbookWith(sheetXml(rowsOf(100, (r) => `<row r="${r}">${'<c><v>1</v></c>'.repeat(60)}</row>`)));
    expect(await refusal(() => checkXlsx(wide, { ...LIMITS, maxCells: 5_999 }))).toContain('单元格超过');
    expect(await checkXlsx(wide, { ...LIMITS, maxCells: 6_000 })).toBe(true);
  });
});
