import { describe, expect, it } from 'vitest';
import { buildCalendar, completionText, filledColumns, type CalendarInput } from './calendar';
import { LANDSCAPE_TYPE_WIDTH, TYPE_WIDTH } from './profile';
import { attr, paragraphs, readDocx, styleOf, textOf } from '../testing/read-docx';
import { sampleCalendar, sampleContext } from '../testing/samples';

const rowsOf = (xml: string): string[] => xml.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
const cellsOf = (row: string): string[] => row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
const gridCols = (xml: string) => [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
const read = (c: CalendarInput) => readDocx(buildCalendar(c, sampleContext()));

describe('buildCalendar', () => {
  it('titles the calendar by the office and the calendar\'s 学年/学期, with an 附件 label above when asked', async () => {
    const d = await read(sampleCalendar({ attachment: '附件1' }));
    const [label, title] = paragraphs(d.document);
    expect(textOf(label)).toBe('附件1');
    expect(label).toContain('w:eastAsia="黑体"');
    expect(textOf(title)).toBe('××区人民政府教育督导室2025—2026学年第一学期督导工作行事历');
    expect(styleOf(title)).toBe('Title');
    // A title that already names the office is not given it twice.
    const own = await read({ ...sampleCalendar(), title: '××区人民政府教育督导室2025年督导工作行事历' });
    expect(textOf(paragraphs(own.document)[0])).toBe('××区人民政府教育督导室2025年督导工作行事历');
  });

  it('prints 月份 and 工作内容 and the chosen columns, with the header row repeated on every page', async () => {
    const d = await read(sampleCalendar({ columns: ['status', 'timing', 'responsibility', 'note'] }));
    const rows = rowsOf(d.document);
    expect(rows[0]).toMatch(/<w:trPr>[\s\S]*<w:tblHeader\/>[\s\S]*<\/w:trPr>/);
    expect(rows.slice(1).some((r) => r.includes('tblHeader'))).toBe(false);
    expect(cellsOf(rows[0]).map(textOf)).toEqual(['月份', '工作内容', '时间', '责任', '完成情况', '备注']);
    const bare = await read(sampleCalendar({ columns: [] }));
    expect(cellsOf(rowsOf(bare.document)[0]).map(textOf)).toEqual(['月份', '工作内容']);
  });

  it('writes each month as its theme with its label, then its items with their own numbers; the month merged down over them', async () => {
    const d = await read(sampleCalendar());
    const rows = rowsOf(d.document).slice(1);
    // 5 months, each a theme row and 5 items.
    expect(rows).toHaveLength(30);
    // Rows under the first carry the merged month cell's continuation first.
    const [theme, first, second] = rows.map(cellsOf).map((r, k) => (k === 0 ? r : r.slice(1)));
    expect(theme.map(textOf)).toEqual(['9月', '主题：新学期开学工作和招生入学情况']);
    expect(theme[0]).toContain('<w:vMerge w:val="restart"/>');
    expect(cellsOf(rows[1])[0]).toContain('<w:vMerge w:val="continue"/>');
    expect(theme[1]).toContain('<w:gridSpan w:val="4"/>');
    expect(theme[1]).toContain('<w:b/>');
    expect(first.map(textOf)).toEqual([
      '1.开展秋季开学工作专项督导，重点检查开学准备、校舍安全、收费公示和课程开设情况', '第1周', '督导室配合：各责任区', '已完成，形成督导报告',
    ]);
    // 责任: the leading unit, then those helping.
    expect(paragraphs(first[2]).map(textOf)).toEqual(['督导室', '配合：各责任区']);
    expect(second.map(textOf).slice(0, 2)).toEqual(['2.召开全体督学工作会议，部署本学期督导工作', '9月上旬']);
    // Numbers run on through the term, as published.
    expect(textOf(cellsOf(rows[7])[1])).toMatch(/^6\.开展学生体质健康/);
  });

  it('puts the timing after the item when there is no 时间 column, and a run into the next month with it', async () => {
    const d = await read(sampleCalendar({ columns: [] }));
    const texts = rowsOf(d.document).slice(1).map((r) => cellsOf(r).map(textOf).filter((t) => /^\d+\./.test(t))).flat();
    expect(texts[0]).toBe('1.开展秋季开学工作专项督导，重点检查开学准备、校舍安全、收费公示和课程开设情况（第1周）');
    expect(texts[3]).toBe('4.更新学校责任督学挂牌公示牌信息');
    expect(texts).toContain('18.开展期末及寒假安全教育督查（12月下旬至1月上旬）');
  });

  it('never doubles the status: a note that repeats it stands alone, a plan not started is blank', () => {
    expect(completionText('已完成', '已完成，形成督导报告')).toEqual(['已完成，形成督导报告']);
    expect(completionText('已完成', '按计划完成')).toEqual(['已完成', '按计划完成']);
    expect(completionText('进行中', null)).toEqual(['进行中']);
    expect(completionText('未开始', null)).toEqual([]);
  });

  it('leaves out by default the columns nobody wrote in', () => {
    const c = sampleCalendar();
    expect(filledColumns(c.months)).toEqual(['timing', 'responsibility', 'status']);
    const plain = c.months.map((m) => ({ ...m, items: m.items.map((i) => ({ ...i, lead: null, partners: null, status: '未开始', statusNote: null })) }));
    expect(filledColumns(plain)).toEqual(['timing']);
  });

  it('sizes the columns by their content: 工作内容 takes the rest, at least half when the columns allow', async () => {
    const twips = (chars: number) => chars * (280 - 5) + 256;
    // Portrait with three columns: they give way to their floors (时间 5 characters, 责任 4, 完成情况 its header).
    const d = await read(sampleCalendar());
    const [month, content, timing, duty, status] = gridCols(d.document);
    expect(month + content + timing + duty + status).toBe(TYPE_WIDTH);
    expect(timing).toBeCloseTo(twips(5), -1);
    expect(duty).toBeCloseTo(twips(4), -1);
    expect(status).toBeCloseTo(twips(4), -1);
    expect(content / TYPE_WIDTH).toBeGreaterThan(0.4);
    // Landscape: they want more than half the width, and the widest give way first, to a common width.
    const wide = gridCols((await read(sampleCalendar({ landscape: true }))).document);
    expect(wide[1] / LANDSCAPE_TYPE_WIDTH).toBeGreaterThanOrEqual(0.499);
    expect(wide[2]).toBe(wide[3]);
    expect(Math.abs(wide[4] - wide[3])).toBeLessThanOrEqual(1);
    // With room to spare a column is as wide as its longest line, up to seven characters for 时间 and 完成情况.
    const short = sampleCalendar({ columns: ['timing'] });
    short.months = short.months.map((m) => ({ ...m, items: m.items.map((i) => ({ ...i, timing: '第1周' })) }));
    expect(gridCols((await read(short)).document)[2]).toBeCloseTo(twips(2.5), -1);
    expect(gridCols((await read(sampleCalendar({ columns: ['status'] }))).document)[2]).toBeCloseTo(twips(7), -1);
    // With only 时间, 工作内容 gets the room the other two took.
    const two = gridCols((await read(sampleCalendar({ columns: ['timing'] }))).document);
    expect(two[1]).toBeGreaterThan(content + duty);
  });

  it('keeps a month\'s rows together when they fit in what is left of the page, and lets a longer one run on', async () => {
    const d = await read(sampleCalendar({ landscape: true }));
    const rows = rowsOf(d.document).slice(1);
    const kept = (r: string) => r.includes('<w:keepNext/>');
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    // September fits on the first page under the title: kept whole.
    expect(rows.slice(0, 6).map(kept)).toEqual([true, true, true, true, true, false]);
    // October does not fit in what is left: it runs on, its theme kept with its first item, its last item not alone.
    expect(rows.slice(6, 12).map(kept)).toEqual([true, false, false, false, true, false]);
    const long = sampleCalendar();
    long.months[1].items = Array.from({ length: 40 }, (_, k) => ({ ...long.months[1].items[0], number: `${k + 1}.` }));
    const l = rowsOf((await read(long)).document).slice(1).slice(6, 47).map(kept);
    expect(l.filter(Boolean)).toHaveLength(2);
    expect([l[0], l[39]]).toEqual([true, true]);
  });

  it('prints months that only carry the month before on as one ("7—8月")', async () => {
    const summer: CalendarInput = {
      ...sampleCalendar({ columns: [] }),
      months: [
        { month: '2026-07', theme: null, items: [
          { number: '1.', content: '开展暑期安全和校外培训机构治理', month: '2026-07', endMonth: '2026-08' },
          { number: '2.', content: '整理上半年督导档案', month: '2026-07', endMonth: '2026-08' },
        ] },
        { month: '2026-08', theme: null, items: [] },
      ],
    };
    const rows = rowsOf((await read(summer)).document).slice(1);
    expect(rows).toHaveLength(2);
    expect(cellsOf(rows[0]).map(textOf)).toEqual(['7—8月', '1.开展暑期安全和校外培训机构治理（7—8月）']);
    expect(cellsOf(rows[1]).map(textOf)).toEqual(['', '2.整理上半年督导档案（7—8月）']);
  });

  it('prints the calendar\'s 备注 under the table and, when asked, the office and date at the end', async () => {
    const d = await read(sampleCalendar({ signatureDate: '2025-08-28' }));
    const after = paragraphs(d.document.slice(d.document.lastIndexOf('</w:tbl>'))).map(textOf).filter(Boolean);
    expect(after).toEqual(['备注：各责任区可结合实际调整具体时间，调整情况报督导室备案。', '××区人民政府教育督导室', '2025年8月28日']);
    const none = await read(sampleCalendar());
    expect(paragraphs(none.document.slice(none.document.lastIndexOf('</w:tbl>'))).map(textOf).filter(Boolean)).toHaveLength(1);
  });

  it('can be landscape, the table filling the wider type area', async () => {
    const d = await read(sampleCalendar({ landscape: true }));
    expect(attr(d.sections[0], 'w:pgSz', 'w:w')).toBe('16838');
    expect(attr(d.sections[0], 'w:pgSz', 'w:h')).toBe('11906');
    expect(attr(d.sections[0], 'w:pgSz', 'w:orient')).toBe('landscape');
    expect(gridCols(d.document).reduce((a, b) => a + b, 0)).toBe(LANDSCAPE_TYPE_WIDTH);
  });
});
