import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { transfers } from '../transfer/transfers';
import { answerFiles, chooseInput, receiveChosen, saveInput, saveOffered } from './file-core';
import { START_URL } from './security';
import { samplePng } from '../testing/samples';
import { pngHeaderOnly } from '../testing/hostile-files';

// Electron's file transport without Electron: what the page may ask (no paths, ever), saving an offered
// file where the save dialog said, and receiving what the open dialog chose.

let a: Awaited<ReturnType<typeof tempStore>>;
let outside: string;
beforeEach(async () => {
  a = await tempStore();
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-user-'));
});
afterEach(() => {
  a.dispose();
  fs.rmSync(outside, { recursive: true, force: true });
});

const offer = (text: string, name = '问题整改台账.xlsx') => transfers(a).offerBytes({ fileName: name, bytes: Buffer.from(text) });

describe('what the page may send', () => {
  it('answers only our own page, and refuses any input naming a path', async () => {
    const run = async () => 'ran';
    expect(await answerFiles(START_URL, chooseInput, { kind: 'photo' }, run)).toEqual({ ok: true, data: 'ran' });
    for (const sender of [undefined, 'https://evil.example/', 'file:///C:/x.html']) {
      expect(await answerFiles(sender, chooseInput, { kind: 'photo' }, run)).toMatchObject({ ok: false, error: { message: '拒绝来自非本程序页面的请求。' } });
    }
    for (const input of [{ kind: 'photo', path: '/etc/passwd' }, { kind: 'photo', defaultPath: 'C:\\' }, { kind: '../x' }, {}, null, 'photo']) {
      const res = await answerFiles(START_URL, chooseInput, input, run);
      expect(res.ok, JSON.stringify(input)).toBe(false);
      if (!res.ok) expect(res.error.message).toMatch(/^文件请求无效/);
    }
    for (const input of [{ fileId: '../../archive.db' }, { fileId: 'a'.repeat(32), path: '/tmp/x' }, { fileId: 'A'.repeat(32) }]) {
      expect((await answerFiles(START_URL, saveInput, input, run)).ok, JSON.stringify(input)).toBe(false);
    }
  });
});

describe('saveOffered', () => {
  it('writes the file where the dialog says and removes the temporary one; the id is then used up', async () => {
    const ref = offer('台账内容');
    let asked = '';
    const dest = path.join(outside, '台账.xlsx');
    expect(await saveOffered(transfers(a), ref.fileId, async (name) => { asked = name; return dest; })).toEqual({ saved: true, path: dest });
    expect(asked).toBe('问题整改台账.xlsx');
    expect(fs.readFileSync(dest, 'utf8')).toBe('台账内容');
    expect(fs.readdirSync(a.transferDir)).toEqual([]);
    expect(fs.readdirSync(outside)).toEqual(['台账.xlsx']);
    await expect(saveOffered(transfers(a), ref.fileId, async () => dest)).rejects.toThrow('已经保存过一次');
  });

  it('keeps the offer when the dialog is canceled, and leaves no partial file when the place cannot be written', async () => {
    const ref = offer('内容');
    expect(await saveOffered(transfers(a), ref.fileId, async () => undefined)).toEqual({ saved: false });
    const nowhere = path.join(outside, '没有这个文件夹', '台账.xlsx');
    await expect(saveOffered(transfers(a), ref.fileId, async () => nowhere)).rejects.toThrow(/无法保存到.*请换一个文件夹/);
    expect(fs.readdirSync(outside)).toEqual([]);
    await expect(saveOffered(transfers(a), 'f'.repeat(32), async () => path.join(outside, 'x'))).rejects.toThrow('没有这个文件');
  });
});

describe('receiveChosen', () => {
  it('receives the chosen files as they are, or pictures shrunk, and refuses what is too large or no picture', async () => {
    const doc = path.join(outside, '整改报告.pdf');
    fs.writeFileSync(doc, '%PDF-1.4 报告');
    const photo = path.join(outside, '现场.PNG');
    const png = samplePng(64, 48);
    fs.writeFileSync(photo, png);
    const shrunk: [string, number][] = [];
    const shrink = (file: string, max: number) => { shrunk.push([path.basename(file), max]); return Buffer.from('jpeg'); };
    const got = await receiveChosen(transfers(a), 'attachment', [doc, photo], shrink);
    expect(got.map((u) => [u.fileName, u.size, u.mime])).toEqual([['整改报告.pdf', 15, 'application/pdf'], ['现场.jpg', 4, 'image/jpeg']]);
    expect(shrunk).toEqual([['现场.PNG', 1600]]);
    // A file kind keeps pictures as they are.
    expect((await receiveChosen(transfers(a), 'file', [photo], shrink))[0]).toMatchObject({ fileName: '现场.PNG', size: png.length });
    await expect(receiveChosen(transfers(a), 'photo', [photo], () => null)).rejects.toThrow('不是可识别的图片');
    // Judged by its bytes before the decoder sees it: no picture, or one declaring too many pixels.
    const fake = path.join(outside, '假.jpg');
    fs.writeFileSync(fake, 'jpeg bytes');
    await expect(receiveChosen(transfers(a), 'photo', [fake], shrink)).rejects.toThrow('「假.jpg」不是可识别的图片');
    const bomb = path.join(outside, '合影.png');
    fs.writeFileSync(bomb, pngHeaderOnly(40_000, 40_000));
    for (const kind of ['photo', 'picture', 'attachment'] as const) {
      await expect(receiveChosen(transfers(a), kind, [bomb], shrink)).rejects.toThrow('「合影.png」的尺寸为 40000×40000 像素');
    }
    expect(shrunk).toEqual([['现场.PNG', 1600]]); // the decoder never saw either
    const big = path.join(outside, '大.zip');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 20 * 1024 * 1024 + 1);
    await expect(receiveChosen(transfers(a), 'legacy', [big], shrink)).rejects.toThrow('超过20MB');
    expect(fs.readdirSync(a.transferDir).filter((n) => n.endsWith('.part'))).toEqual([]);
  });
});
