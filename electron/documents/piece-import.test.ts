import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { readByline, readPieceDocx } from './piece-import';
import { caseDocx } from '../testing/case-docx';
import { samplePng } from '../testing/samples';
import { docxBomb, longDocx, pngHeaderOnly } from '../testing/hostile-files';

const refusal = async (name: string, bytes: Buffer) => {
  try {
    await readPieceDocx(name, bytes);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('not refused');
};

describe('reading a case from a .docx', () => {
  it('takes the title from the first heading, the byline under it, and the body as blocks', async () => {
    const bytes = await caseDocx({
      title: '让每一所乡村小学都亮起来', titleStyle: true, byline: ['清河区实验中学　王丽'],
      sections: [
        { heading: '一、基本情况', paragraphs: ['学校有**学生312人**，教师28人。'] },
        { heading: '二、主要做法', paragraphs: ['第一段。', '第二段。'] },
      ],
      list: ['建立台账', '定期回查'],
      table: [['项目', '数量'], ['教室', '12'], ['功能室', '5']],
      image: { width: 320, height: 200 },
    });
    const p = await readPieceDocx('C:\\案例\\乡村小学.docx', bytes);
    expect(p).toMatchObject({ fileName: '乡村小学.docx', title: '让每一所乡村小学都亮起来', author: '王丽', school: '清河区实验中学', notes: [] });
    const image = p.blocks.find((b) => b.type === 'imageBytes');
    expect(image).toMatchObject({ type: 'imageBytes', mime: 'image/png', width: 320, height: 200 });
    expect(p.blocks.map((b) => (b.type === 'imageBytes' ? { type: 'imageBytes' } : b))).toEqual([
      { type: 'heading', level: 1, text: '一、基本情况' },
      { type: 'paragraph', runs: [{ text: '学校有' }, { text: '学生312人', bold: true }, { text: '，教师28人。' }] },
      { type: 'heading', level: 1, text: '二、主要做法' },
      { type: 'paragraph', runs: [{ text: '第一段。' }] },
      { type: 'paragraph', runs: [{ text: '第二段。' }] },
      { type: 'list', ordered: true, items: ['建立台账', '定期回查'] },
      { type: 'table', header: true, rows: [['项目', '数量'], ['教室', '12'], ['功能室', '5']] },
      { type: 'imageBytes' },
    ]);
  });

  it('takes a plain first line as the title, and reads the usual bylines', async () => {
    const p = await readPieceDocx('a.docx', await caseDocx({ title: '“护学岗”里的家校合力', byline: ['作者：张明', '单位：清河区第一小学'] }));
    expect(p).toMatchObject({ title: '“护学岗”里的家校合力', author: '张明', school: '清河区第一小学' });
    expect(p.blocks[0]).toEqual({ type: 'heading', level: 1, text: '一、基本情况' });

    expect(readByline('文/李华')).toEqual({ author: '李华', school: null });
    expect(readByline('作者：清河区实验中学王丽')).toEqual({ author: '王丽', school: '清河区实验中学' });
    expect(readByline('（望江镇中心小学 陈刚 刘芳）')).toEqual({ author: '陈刚、刘芳', school: '望江镇中心小学' });
    expect(readByline('赵强（清河区督导室）')).toEqual({ author: '赵强', school: '清河区督导室' });
    expect(readByline('执笔人：周敏、吴静')).toEqual({ author: '周敏、吴静', school: null });
    // Sentences are not bylines.
    expect(readByline('本学期学校开展活动')).toBeNull();
    expect(readByline('学校开展了丰富多彩的活动。')).toBeNull();
  });

  it('without a byline or a short first line: the author is left to fill in, the title is the file name', async () => {
    const long = '本文记述了清河区在责任督学挂牌督导中，通过“一校一策”推动薄弱学校改进办学条件、规范办学行为的做法和成效，供各责任区参考借鉴。';
    const p = await readPieceDocx('薄弱学校改进纪实.docx', await caseDocx({ title: long }));
    expect(p).toMatchObject({ title: '薄弱学校改进纪实', author: null, school: null });
    expect(p.blocks[0]).toEqual({ type: 'paragraph', runs: [{ text: long, bold: true }] });
  });

  it('refuses what is not a readable .docx, saying what to do', async () => {
    expect(await refusal('旧案例.doc', Buffer.from('x'))).toBe('「旧案例.doc」是旧版 .doc 文件，请在 Word 或 WPS 中另存为 .docx 后再导入。');
    expect(await refusal('图.png', samplePng(2, 2))).toBe('「图.png」不是 Word 文档，只能导入 .docx 文件。');
    expect(await refusal('空.docx', Buffer.alloc(0))).toBe('「空.docx」是空文件，请重新选择。');
    expect(await refusal('坏.docx', Buffer.from('PK\u0003\u0004 not really a zip'))).toMatch(/^「坏\.docx」已损坏或不是有效的 Word 文档/);
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document><w:body><w:p>');
    expect(await refusal('半截.docx', await zip.generateAsync({ type: 'nodebuffer' }))).toMatch(/已损坏/);
  });


  it('refuses a .docx that would inflate past the limits before mammoth reads it, and leaves out a picture too large to decode', async () => {
    expect(await refusal('炸弹.docx', docxBomb(414))).toMatch(/^所选 Word 文档/);
    // Honest and within the zip limits, yet more XML than mammoth should build whole in memory.
    expect(await refusal('长文.docx', longDocx(6))).toMatch(/正文过长/);
    const p = await readPieceDocx('大图.docx', await caseDocx({ title: '大图', image: { width: 300, height: 300, data: pngHeaderOnly(60_000, 60_000) } }));
    expect(p.blocks.some((b) => b.type === 'imageBytes')).toBe(false);
    expect(p.notes.join()).toMatch(/60000×60000 像素/);
  });
});
