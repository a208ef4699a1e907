import { describe, expect, it } from 'vitest';
import { buildChronicle, chronicleTitle, entryLine, sentence, sortEntries } from './chronicle';
import { paragraphs, readDocx, styleOf, textOf } from '../testing/read-docx';
import { sampleChronicle, sampleContext } from '../testing/samples';

describe('buildChronicle', () => {
  it('titles the chronicle and sets it in the Title style', async () => {
    const d = await readDocx(buildChronicle(sampleChronicle(), sampleContext()));
    const first = paragraphs(d.document)[0];
    expect(textOf(first)).toBe('××区2025年教育督导大事记');
    expect(styleOf(first)).toBe('Title');
    expect(chronicleTitle('××区人民政府教育督导室', 2024)).toBe('××区人民政府教育督导室2024年教育督导大事记');
  });

  it('orders entries by date under month headings, 是月 closing its month and 是年 closing the year', async () => {
    const d = await readDocx(buildChronicle(sampleChronicle(), sampleContext()));
    const ps = paragraphs(d.document).slice(2);
    expect(ps.map((p) => [styleOf(p), textOf(p)])).toEqual([
      ['Heading1', '一月'],
      ['Normal', '1月8日，区教育督导室开展寒假前校园安全专项督导。'],
      ['Normal', '1月20日，区政府教育督导委员会召开全体成员会议，部署“双减”。'],
      ['Normal', '是月，完成2024年度责任督学考核，评出优秀责任督学12名。'],
      ['Heading1', '三月'],
      ['Normal', '3月3日，各责任区督学开展春季开学专项督导（覆盖学校56所）。'],
      ['Normal', '3月12日，区教育督导室召开2025年第一次全体督学工作会议，部署全年经常性督导工作。'],
      ['Normal', '是月，区教育督导室编印《教育督导案例集》第二册。'],
      ['Heading1', '十二月'],
      ['Normal', '12月30日，区教育督导室编印《督导工作简报》2025年第12期。'],
      ['Normal', '是年，全区共开展经常性督导1126所次，下发整改通知书42份。'],
    ]);
  });

  it('keeps the input order of entries on the same date and adds no second full stop', () => {
    const sorted = sortEntries([{ month: 5, day: 1, text: '乙' }, { month: 4, day: null, text: '丙' }, { month: 5, day: 1, text: '甲' }]);
    expect(sorted.map((e) => e.text)).toEqual(['丙', '乙', '甲']);
    expect(entryLine({ month: 5, day: 1, text: '召开会议。' })).toBe('5月1日，召开会议。');
    expect(entryLine({ month: 5, day: null, text: '召开会议' })).toBe('是月，召开会议。');
    // After a closing bracket or quote too; a trailing comma becomes the full stop; a quoted sentence keeps its own.
    expect(sentence('开展春季开学专项督导（覆盖学校56所）')).toBe('开展春季开学专项督导（覆盖学校56所）。');
    expect(sentence('部署“双减”')).toBe('部署“双减”。');
    expect(sentence('召开会议，')).toBe('召开会议。');
    expect(sentence('会议提出“督导要长牙齿。”')).toBe('会议提出“督导要长牙齿。”');
  });

  it('writes the table form 日期 | 事件 with a repeated header row', async () => {
    const d = await readDocx(buildChronicle(sampleChronicle('table'), sampleContext()));
    const rows = d.document.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows[0]).toContain('<w:tblHeader/>');
    const cells = rows.map((r) => (r.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(textOf));
    expect(cells[0]).toEqual(['日期', '事件']);
    expect(cells.slice(1).map((c) => c[0])).toEqual(['1月8日', '1月20日', '1月', '3月3日', '3月12日', '3月', '12月30日', '2025年']);
    // The date column carries the date; the event column the event only, ending in 。.
    expect(cells[3][1]).toBe('完成2024年度责任督学考核，评出优秀责任督学12名。');
    expect(cells[8][1]).toBe('全区共开展经常性督导1126所次，下发整改通知书42份。');
    expect(cells.slice(1).every((c) => c[1].endsWith('。') && !/^是[月年]/.test(c[1]))).toBe(true);
  });
});
