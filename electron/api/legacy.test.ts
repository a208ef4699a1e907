import JSZip from 'jszip';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { finished, offeredBytes, uploaded } from '../testing/files';
import { call } from './index';
import { expectRefused } from '../testing/refused';
import { samplePng } from '../testing/samples';
import { docxBomb, pngHeaderOnly } from '../testing/hostile-files';

// Each test has its own archive and files what it needs.
let a: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => { a = await tempStore({ init: 'empty' }); });
afterEach(() => a.dispose());

async function realDocx(lines: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: lines.map((t) => new Paragraph({ children: [new TextRun(t)] })) }] }));
}

const refused = (channel: string, input: unknown, code: string, text: string, field?: string) =>
  expectRefused(a, channel, input, field ? { code, text, field } : { code, text });

/** legacy.add's input for a file received as the page sends it. */
const add = async (fileName: string, data: Buffer | string, over: Record<string, unknown> = {}) =>
  ({ year: 2019, title: '2019年控辍保学工作总结', kind: '工作总结', uploadId: await uploaded(a, 'legacy', fileName, data), ...over });

/** A 2019 work summary as a real .docx. */
async function addDocx() {
  const bytes = await realDocx(['二〇一九年控辍保学专项督导工作总结', '全县义务教育巩固率达到百分之九十九点二。']);
  const file = await call(a, 'legacy.add', await add('总结.docx', bytes));
  return { id: file.id, bytes, file };
}

/** A 2019 report (.pdf), a 2018 photo (.png, returned) and a 2019 ledger (.xlsx). */
async function addOthers() {
  await call(a, 'legacy.add', await add('报告.pdf', '%PDF-1.4\n%...', { title: '2019年督导报告', kind: '督导报告' }));
  const png = samplePng(64, 48);
  const img = await call(a, 'legacy.add', await add('挂牌.png', png, { year: 2018, title: '挂牌仪式照片', kind: '照片' }));
  const zip = new JSZip();
  zip.file('xl/workbook.xml', '<workbook/>');
  await call(a, 'legacy.add', await add('台账.xlsx', await zip.generateAsync({ type: 'nodebuffer' }), { title: '2019年整改台账', kind: '整改台账' }));
  return img;
}

describe('legacy: files from before the app', () => {
  it('files a .docx with its text extracted, and the global search finds it by that text', async () => {
    const { bytes: docxBytes, file: f } = await addDocx();
    expect(f).toMatchObject({ year: 2019, title: '2019年控辍保学工作总结', kind: '工作总结', fileName: '总结.docx', searchable: true, size: docxBytes.length });
    const hit = await call(a, 'search.global', { q: '巩固率达到' });
    const group = hit.groups.find((g) => g.kind === 'legacyFile');
    expect(group).toMatchObject({ label: '历年档案', total: 1 });
    expect(group!.hits[0]).toMatchObject({ id: f.id, title: '2019年控辍保学工作总结' });
    expect(group!.hits[0].detail).toContain('2019年 · 工作总结');
    // Two characters fall back to LIKE over the same text.
    expect((await call(a, 'search.global', { q: '巩固' })).groups.some((g) => g.kind === 'legacyFile')).toBe(true);
  });

  it('files .pdf, .xlsx and images (not searchable by content), lists by year, downloads the same bytes', async () => {
    const { id: docxId, bytes: docxBytes } = await addDocx();
    const img = await addOthers();
    expect(img).toMatchObject({ mime: 'image/png', searchable: false });

    expect((await call(a, 'legacy.list', {})).total).toBe(4);
    const y19 = await call(a, 'legacy.list', { year: 2019 });
    expect(y19.total).toBe(3);
    expect(y19.rows.every((r) => r.year === 2019)).toBe(true);
    const dl = await call(a, 'legacy.download', { id: docxId });
    const dlBytes = await offeredBytes(a, dl);
    expect(dl.fileName).toBe('总结.docx');
    expect(dlBytes.equals(docxBytes)).toBe(true);
  });

  it('refuses damaged files and other types with a clear message', async () => {
    const { bytes: docxBytes } = await addDocx();
    await addOthers();
    await refused('legacy.add', await add('坏文件.docx', 'this is not a word file'), 'invalid', '坏文件.docx 已损坏或不是有效的Word 文档（.docx）', 'uploadId');
    const notWord = new JSZip();
    notWord.file('hello.txt', 'hi');
    await refused('legacy.add', await add('空壳.docx', await notWord.generateAsync({ type: 'nodebuffer' })), 'invalid', '已损坏', 'uploadId');
    // A real .docx cut short.
    await refused('legacy.add', await add('截断.docx', docxBytes.subarray(0, docxBytes.length / 2)), 'invalid', '已损坏', 'uploadId');
    await refused('legacy.add', await add('旧版.doc', 'x'), 'invalid', '另存为 .docx', 'uploadId');
    await refused('legacy.add', await add('程序.exe', 'MZ'), 'invalid', '只能上传 Word（.docx）、PDF、Excel（.xlsx）和图片', 'uploadId');
    await refused('legacy.add', await add('假图.jpg', 'not an image'), 'invalid', '不是有效的图片', 'uploadId');
    await refused('legacy.add', await add('假.pdf', 'hello'), 'invalid', '不是有效的PDF', 'uploadId');
    // Hostile ones, refused before anything inflates or decodes them (safe-zip.ts, image-check.ts).
    await refused('legacy.add', await add('总结.docx', docxBomb(100)), 'invalid', '超过单个部分 50.0 MB 的上限', 'uploadId');
    await refused('legacy.add', await add('合影.png', pngHeaderOnly(30_000, 30_000)), 'invalid', '「合影.png」的尺寸为 30000×30000 像素', 'uploadId');
    await refused('legacy.add', await add('a.docx', docxBytes, { title: '' }), 'invalid', '「题名」必须填写', 'title');
    await refused('legacy.add', await add('a.docx', docxBytes, { kind: '杂项' }), 'invalid', '「类别」应为以下之一', 'kind');
    await refused('legacy.add', await add('a.docx', docxBytes, { year: 1990 }), 'invalid', '「年份」应在2000至2100之间', 'year');
    expect((await call(a, 'legacy.list', {})).total).toBe(4);
  });

  it('refuses unknown ids', async () => {
    await refused('legacy.download', { id: 9999 }, 'not_found', '该历年档案文件不存在');
    await refused('legacy.delete', { id: 9999 }, 'not_found', '该历年档案文件不存在');
  });

  it('deletes to the recycle bin (hidden from list and search) and restores', async () => {
    const { id: docxId } = await addDocx();
    await addOthers();
    const { recycleId } = await call(a, 'legacy.delete', { id: docxId });
    expect((await call(a, 'legacy.list', { year: 2019 })).total).toBe(2);
    expect((await call(a, 'search.global', { q: '巩固率达到' })).groups).toEqual([]);
    const bin = await call(a, 'recycle.list', {});
    expect(bin[0]).toMatchObject({ kind: 'legacyFile', title: '2019年 2019年控辍保学工作总结' });
    await call(a, 'recycle.restore', { id: recycleId });
    expect((await call(a, 'search.global', { q: '巩固率达到' })).groups[0].kind).toBe('legacyFile');
  });

  it('an archived year takes no more files, and its files go into the year package', async () => {
    const { id: docxId } = await addDocx();
    await addOthers();
    const year = await finished(a, call(a, 'yearClose.close', { year: 2019 }));
    const legacy = year.catalogue.filter((e) => e.kind === '历年档案');
    expect(legacy.map((e) => e.title).sort()).toEqual(['2019年控辍保学工作总结（工作总结）', '2019年整改台账（整改台账）', '2019年督导报告（督导报告）']);
    await refused('legacy.add', await add('又一份.pdf', '%PDF-1.4'), 'readonly', '2019年度已归档');
    await refused('legacy.delete', { id: docxId }, 'readonly', '2019年度已归档');
    expect((await call(a, 'legacy.add', await add('次年.pdf', '%PDF-1.4', { year: 2020 }))).year).toBe(2020);
  });
});
