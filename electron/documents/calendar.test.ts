import { describe, expect, it } from 'vitest';
import { buildCalendar, calendarTitle } from './calendar';
import { MARGIN, PAGE } from './profile';
import { attr, paragraphs, readDocx, styleOf, textOf } from '../testing/read-docx';
import { sampleCalendar, sampleContext } from '../testing/samples';

const rowsOf = (xml: string): string[] => xml.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
const cellsOf = (row: string): string[] => row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];

describe('buildCalendar', () => {
  it('titles the calendar by 学年度 and 学期', async () => {
    const d = await readDocx(buildCalendar(sampleCalendar(), sampleContext()));
    const title = paragraphs(d.document)[0];
    expect(textOf(title)).toBe('××区人民政府教育督导室2025—2026学年度（第一学期）教育督导工作行事历');
    expect(styleOf(title)).toBe('Title');
    expect(calendarTitle('××区', '2025—2026', null)).toBe('××区2025—2026学年度教育督导工作行事历');
  });

  it('has a header row 月份 | 工作内容 | 责任人 | 完成情况 repeated on every page', async () => {
    const d = await readDocx(buildCalendar(sampleCalendar(), sampleContext()));
    const rows = rowsOf(d.document);
    expect(rows[0]).toMatch(/<w:trPr>[\s\S]*<w:tblHeader\/>[\s\S]*<\/w:trPr>/);
    expect(rows.slice(1).some((r) => r.includes('tblHeader'))).toBe(false);
    expect(cellsOf(rows[0]).map(textOf)).toEqual(['月份', '工作内容', '责任人', '完成情况']);
  });

  it('writes one row per numbered item, the month merged down over its items', async () => {
    const d = await readDocx(buildCalendar(sampleCalendar(), sampleContext()));
    const rows = rowsOf(d.document).slice(1);
    expect(rows).toHaveLength(13);
    const first = cellsOf(rows[0]);
    expect(first.map(textOf)).toEqual(['9月开学工作', '1.开展春季开学专项督导，重点检查开学准备、校园安全和收费情况。', '各责任区', '已完成']);
    expect(first[0]).toContain('<w:vMerge w:val="restart"/>');
    expect(cellsOf(rows[1]).map(textOf).slice(1)).toEqual(['2.召开全体督学工作会议，部署本学期督导工作。', '督导室', '']);
    // A month's rows stay together: every row but its last keeps with the next.
    expect(rows[0]).toContain('<w:keepNext/>');
    expect(rows[2]).not.toContain('<w:keepNext/>');
  });

  it('can be landscape, the table filling the wider type area', async () => {
    const d = await readDocx(buildCalendar(sampleCalendar(true), sampleContext()));
    expect(attr(d.sections[0], 'w:pgSz', 'w:w')).toBe('16838');
    expect(attr(d.sections[0], 'w:pgSz', 'w:h')).toBe('11906');
    expect(attr(d.sections[0], 'w:pgSz', 'w:orient')).toBe('landscape');
    const cols = [...d.document.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols.reduce((a, b) => a + b, 0)).toBe(PAGE.height - MARGIN.left - MARGIN.right);
  });
});
