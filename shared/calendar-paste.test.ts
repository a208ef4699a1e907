import { describe, expect, it } from 'vitest';
import { parseCalendarText, type PasteScope } from './calendar-paste';

// 2026—2027学年第一学期: September 2026 to January 2027, week 1 from Monday 31 August.
const TERM: PasteScope = { months: ['2026-09', '2026-10', '2026-11', '2026-12', '2027-01'], weekOne: '2026-08-31' };

/** A term's calendar as an office has it in Word: a title, headings in three styles, numbers running on. */
const TEXT = `××区教育督导室2026—2027学年第一学期督导工作行事历
九月份（主题：新学期开学工作和招生入学情况）
1.第1周：开展秋季开学工作专项督导，重点检查开学准备、校园安全和收费情况（牵头：督导室；配合：各责任区）
2.召开全体督学工作会议，部署本学期督导工作（9月上旬）
3.9月中旬，检查招生入学和学籍管理工作；4.更新学校责任督学挂牌公示牌信息
5.9月下旬至10月上旬，开展国庆假期安全教育督查（牵头：督导室）

10月
主题：学生体质健康和大课间活动
6.开展学生体质健康和大课间活动专项督导（牵头：督导室，配合：体卫艺科、各责任区）
7.10月15日召开月度督学工作例会
2026年11月：（1）开展师德师风建设情况专项督导（第11—12周）；（2）组织督导业务培训（问题整改跟踪）
十二月
开展作业管理专项督导；开展督学年度考核（12月下旬至1月上旬）
`;

describe('parseCalendarText', () => {
  const r = parseCalendarText(TEXT, TERM);

  it('reads a term\'s items under their months, keeping their own numbers', () => {
    expect(r.problems).toEqual([]);
    expect(r.items.map((i) => [i.line, i.month, i.number, i.content])).toEqual([
      [3, '2026-09', '1.', '开展秋季开学工作专项督导，重点检查开学准备、校园安全和收费情况'],
      [4, '2026-09', '2.', '召开全体督学工作会议，部署本学期督导工作'],
      [5, '2026-09', '3.', '检查招生入学和学籍管理工作'],
      [5, '2026-09', '4.', '更新学校责任督学挂牌公示牌信息'],
      [6, '2026-09', '5.', '开展国庆假期安全教育督查'],
      [10, '2026-10', '6.', '开展学生体质健康和大课间活动专项督导'],
      [11, '2026-10', '7.', '召开月度督学工作例会'],
      [12, '2026-11', '（1）', '开展师德师风建设情况专项督导'],
      [12, '2026-11', '（2）', '组织督导业务培训（问题整改跟踪）'],
      [14, '2026-12', null, '开展作业管理专项督导'],
      [14, '2026-12', null, '开展督学年度考核'],
    ]);
  });

  it('reads themes from a heading and from the line after it; passes over the title', () => {
    expect(r.themes).toEqual([
      { month: '2026-09', theme: '新学期开学工作和招生入学情况', line: 2 },
      { month: '2026-10', theme: '学生体质健康和大课间活动', line: 9 },
    ]);
    expect(r.ignored).toEqual([{ line: 1, text: '××区教育督导室2026—2027学年第一学期督导工作行事历', message: '标题' }]);
  });

  it('reads timings at the front and in brackets, works out their days, and spans the months they run into', () => {
    const by = (n: string) => r.items.find((i) => i.number === n)!;
    expect(by('1.')).toMatchObject({ timing: '第1周', start: '2026-08-31', end: '2026-09-04', month: '2026-09', endMonth: '2026-09' });
    expect(by('2.')).toMatchObject({ timing: '9月上旬', start: '2026-09-01', end: '2026-09-10' });
    expect(by('3.')).toMatchObject({ timing: '9月中旬', start: '2026-09-11', end: '2026-09-20' });
    expect(by('4.')).toMatchObject({ timing: null, start: null, end: null });
    expect(by('5.')).toMatchObject({ timing: '9月下旬至10月上旬', month: '2026-09', endMonth: '2026-10' });
    expect(by('7.')).toMatchObject({ timing: '10月15日', start: '2026-10-15', end: '2026-10-15' });
    expect(by('（1）')).toMatchObject({ timing: '第11—12周', start: '2026-11-09', end: '2026-11-20' });
    // The new year: a December item running into January.
    expect(r.items[10]).toMatchObject({ timing: '12月下旬至1月上旬', month: '2026-12', endMonth: '2027-01', end: '2027-01-10' });
  });

  it('reads who leads and who helps', () => {
    expect(r.items[0]).toMatchObject({ lead: '督导室', partners: '各责任区' });
    expect(r.items[4]).toMatchObject({ lead: '督导室', partners: null });
    expect(r.items[5]).toMatchObject({ lead: '督导室', partners: '体卫艺科、各责任区' });
    expect(r.items[1]).toMatchObject({ lead: null, partners: null });
  });

  it('keeps a numbered item\'s "；" inside it, and a bracket that is not a timing in its content', () => {
    const one = parseCalendarText('9月\n1.检查食堂；检查宿舍（含消防通道）。\n2.召开例会', TERM);
    expect(one.items.map((i) => i.content)).toEqual(['检查食堂；检查宿舍（含消防通道）。', '召开例会']);
  });

  it('reads a month heading with items on the same line, a two-month heading, and 类别 in brackets', () => {
    const x = parseCalendarText('9月：1.开学检查；2.例会。3.【专项】安全检查\n12—1月：开展寒假安全教育（类别：专项）', TERM);
    expect(x.problems).toEqual([]);
    expect(x.items.map((i) => [i.month, i.endMonth, i.number, i.content, i.category])).toEqual([
      ['2026-09', '2026-09', '1.', '开学检查', null],
      ['2026-09', '2026-09', '2.', '例会。', null],
      ['2026-09', '2026-09', '3.', '安全检查', '专项'],
      ['2026-12', '2027-01', null, '开展寒假安全教育', '专项'],
    ]);
  });

  it('shows each bad line with its number and what to do', () => {
    const bad = parseCalendarText([
      '开展开学检查',
      '3月',
      '1.召开例会',
      '9月',
      '1.9月31日召开例会',
      '2.10月中旬开展安全检查',
      '3.（牵头：督导室）',
      '4.开展培训（时间：下周）',
      '5.开展培训（类别：日常）',
    ].join('\n'), TERM);
    expect(bad.problems.map((p) => [p.line, p.message])).toEqual([
      [1, '不知道这一项属于哪个月：请在它前面加一行月份（如“9月”），或在事项中写明时间'],
      [2, '3月不在行事历的周期（2026年9月至2027年1月）内：请改正月份，或先在「编辑」中调整行事历的周期'],
      [3, '不知道这一项属于哪个月：请在它前面加一行月份（如“9月”），或在事项中写明时间'],
      [6, '时间“10月中旬”不在事项的月份（9月）内：请把这一项移到10月下，或改正时间'],
      [7, '这一项没有工作内容：请补上内容，或删去这一行'],
      [8, '时间“下周”无法识别。可写：9月15日、9月1日—12日、9月上旬、下旬、第3周、第3—4周、9—10月、每周五、期末：请改正时间'],
      [9, '类别“日常”应为经常性、专项、综合、会议、培训、其他之一'],
    ]);
    // "9月31日" is not a day: not read as a timing, so it stays in the content for the user to see.
    expect(bad.items.map((i) => i.content)).toEqual(['9月31日召开例会']);
    expect(bad.problems[0].text).toBe('开展开学检查');
  });

  it('marks items the calendar already has', () => {
    const again = parseCalendarText('9月\n1.开学检查\n2.召开例会', { ...TERM, existing: [{ month: '2026-09', content: '开学检查' }] });
    expect(again.items.map((i) => i.existing)).toEqual([true, false]);
  });

  it('takes the month from an item\'s own timing when there is no heading; 第N周 needs the first week for that', () => {
    const x = parseCalendarText('10月15日召开例会\n第3周：开展安全检查', TERM);
    expect(x.problems).toEqual([]);
    expect(x.items.map((i) => [i.month, i.timing, i.start])).toEqual([['2026-10', '10月15日', '2026-10-15'], ['2026-09', '第3周', '2026-09-14']]);
    const unknown = parseCalendarText('10月\n第3周：开展安全检查\n11月\n1.第9周：召开例会', { ...TERM, weekOne: null });
    expect(unknown.problems).toEqual([]);
    expect(unknown.items.map((i) => [i.month, i.timing, i.start])).toEqual([['2026-10', '第3周', null], ['2026-11', '第9周', null]]);
    expect(parseCalendarText('第3周：开展安全检查', { ...TERM, weekOne: null }).problems[0].message).toContain('不知道这一项属于哪个月');
  });
});
