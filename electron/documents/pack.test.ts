import { describe, expect, it } from 'vitest';
import { buildNotice } from './notice';
import { docxFileName, toDocx } from './pack';
import { sampleContext, sampleNotice } from '../testing/samples';

describe('pack', () => {
  it('writes a .docx (a zip) from a Document', async () => {
    const bytes = await toDocx(buildNotice(sampleNotice(), sampleContext()));
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });
  it('makes a file name Windows accepts', () => {
    expect(docxFileName('督导工作简报2025年第3期')).toBe('督导工作简报2025年第3期.docx');
    expect(docxFileName('a/b:c*d?"e<f>g|h. ')).toBe('a－b：c＊d？＂e＜f＞g｜h.docx');
    expect(docxFileName('  ')).toBe('文档.docx');
    expect(docxFileName('长'.repeat(100))).toHaveLength(85);
  });
});
