import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, TabStopType, TextRun } from 'docx';
import { docxText } from './docx-text';
import { checkDocx, ZipRefused } from './safe-zip';
import { docxBomb, longDocx } from '../testing/hostile-files';

const MB = 1024 * 1024;

describe('docxText: the text of a .docx, streamed', () => {
  it('reads runs, tabs, line breaks, entities and Chinese, a line per paragraph', async () => {
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph({ children: [new TextRun('关于城关第一小学'), new TextRun({ text: '食堂 & 宿舍 <整改>', bold: true })] }),
          new Paragraph({ tabStops: [{ type: TabStopType.LEFT, position: 2000 }], children: [new TextRun('一、'), new TextRun({ text: '\t督导意见', break: 1 })] }),
          new Paragraph('「引号」"quote" \'apos\' 😀'),
        ],
      }],
    });
    const text = await docxText(Buffer.from(await Packer.toBuffer(doc)), 10_000);
    expect(text).toBe('关于城关第一小学食堂 & 宿舍 <整改>\n一、\n\t督导意见\n「引号」"quote" \'apos\' 😀');
  });

  it('answers null for what is no .docx, and refuses a bomb at its directory', async () => {
    expect(await docxText(Buffer.from('not a zip'), 100)).toBeNull();
    await expect(docxText(docxBomb(), 100)).rejects.toBeInstanceOf(ZipRefused);
  });

  it('reads a 40 MB document.xml in flat memory, stopping once it has enough', async () => {
    const file = longDocx(40);
    const rss = process.memoryUsage().rss;
    const t0 = Date.now();
    const text = (await docxText(file, 500_000))!;
    expect(text.length).toBe(500_000);
    expect(text.startsWith('第0段：督导工作记录 0 & 整改\t0号\n第1段')).toBe(true);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(60 * MB);
  });
});

describe('checkDocx: before a DOM reader (mammoth)', () => {
  it('refuses XML parts a DOM reader would need hundreds of megabytes for', async () => {
    await expect(checkDocx(longDocx(5))).rejects.toThrow(/正文过长（内容部分解压后共 5\.\d MB，一次最多读取 4\.0 MB）/);
    expect(await checkDocx(longDocx(1))).toBeInstanceOf(Map);
  });
});
