import { describe, expect, it } from 'vitest';
import { datesText, itemSpan, numberOf, parseTiming, spanText, type Timing, type TimingScope } from './calendar-timing';

// A 第一学期 crossing the new year: September 2026 to January 2027, week 1 starting Monday 31 August.
const TERM: TimingScope = { months: ['2026-09', '2026-10', '2026-11', '2026-12', '2027-01'], month: '2026-09', weekOne: '2026-09-02' };
const read = (text: string, scope: Partial<TimingScope> = {}): Timing => {
  const r = parseTiming(text, { ...TERM, ...scope });
  if (!r.ok) throw new Error(r.error);
  return r.timing;
};
const days = (text: string, scope: Partial<TimingScope> = {}) => { const t = read(text, scope); return [t.start, t.end]; };
const months = (text: string, scope: Partial<TimingScope> = {}) => { const t = read(text, scope); return [t.fromMonth, t.toMonth]; };
const error = (text: string, scope: Partial<TimingScope> = {}) => {
  const r = parseTiming(text, { ...TERM, ...scope });
  return r.ok ? null : r.error;
};

describe('parseTiming', () => {
  it('reads dates as offices write them, the year from the calendar', () => {
    expect(days('9月15日')).toEqual(['2026-09-15', '2026-09-15']);
    expect(days('9月1日—12日')).toEqual(['2026-09-01', '2026-09-12']);
    expect(days('9月1日-9月12日')).toEqual(['2026-09-01', '2026-09-12']);
    expect(days('9月28日至10月8日')).toEqual(['2026-09-28', '2026-10-08']);
    expect(days('9.28—10.8')).toEqual(['2026-09-28', '2026-10-08']);
    expect(days('９月１５号')).toEqual(['2026-09-15', '2026-09-15']);
    expect(days('九月十五日')).toEqual(['2026-09-15', '2026-09-15']);
    expect(days('15日', { month: '2026-11' })).toEqual(['2026-11-15', '2026-11-15']);
    expect(days('15—20日', { month: '2026-11' })).toEqual(['2026-11-15', '2026-11-20']);
    // January is the calendar's, in the next year.
    expect(days('1月10日')).toEqual(['2027-01-10', '2027-01-10']);
    expect(days('2026年12月28日—2027年1月3日')).toEqual(['2026-12-28', '2027-01-03']);
    expect(days('12月28日—1月3日')).toEqual(['2026-12-28', '2027-01-03']);
  });

  it('reads parts of a month: 上旬, 中旬, 下旬, 月初, 月底, and ranges of them', () => {
    expect(days('9月上旬')).toEqual(['2026-09-01', '2026-09-10']);
    expect(days('中旬', { month: '2026-10' })).toEqual(['2026-10-11', '2026-10-20']);
    expect(days('下旬', { month: '2026-11' })).toEqual(['2026-11-21', '2026-11-30']);
    expect(days('9月中下旬')).toEqual(['2026-09-11', '2026-09-30']);
    expect(days('9月下旬至10月上旬')).toEqual(['2026-09-21', '2026-10-10']);
    expect(days('12月底')).toEqual(['2026-12-21', '2026-12-31']);
    expect(days('月初', { month: '2026-10' })).toEqual(['2026-10-01', '2026-10-10']);
  });

  it('reads weeks of the term from the calendar\'s first week, Monday to Friday', () => {
    expect(days('第1周')).toEqual(['2026-08-31', '2026-09-04']);
    expect(days('第3周')).toEqual(['2026-09-14', '2026-09-18']);
    expect(days('第三周')).toEqual(['2026-09-14', '2026-09-18']);
    expect(days('第3—4周')).toEqual(['2026-09-14', '2026-09-25']);
    expect(days('第3、4周')).toEqual(['2026-09-14', '2026-09-25']);
    expect(months('第5周')).toEqual(['2026-09', '2026-10']);
    // Without a first week the week is kept, with no days and no months to check.
    const unknown = read('第3周', { weekOne: null });
    expect(unknown).toMatchObject({ start: null, end: null, fromMonth: null, toMonth: null, weekUnknown: true });
  });

  it('reads months, deadlines and the timings that name no day', () => {
    expect(read('9—10月')).toMatchObject({ start: null, end: null, fromMonth: '2026-09', toMonth: '2026-10' });
    expect(read('11月份')).toMatchObject({ start: null, fromMonth: '2026-11', toMonth: '2026-11' });
    expect(read('12月、1月')).toMatchObject({ fromMonth: '2026-12', toMonth: '2027-01' });
    expect(read('9月15日前')).toMatchObject({ start: null, end: '2026-09-15', fromMonth: '2026-09', toMonth: '2026-09' });
    expect(read('10月底前')).toMatchObject({ start: null, end: '2026-10-31', fromMonth: '2026-10' });
    for (const t of ['每周五下午', '每月', '全学期', '开学初', '期末', '长期']) {
      expect(read(t), t).toMatchObject({ text: t, start: null, end: null, fromMonth: null, toMonth: null });
    }
  });

  it('says what it did not understand, and refuses days and months that do not exist or lie outside the calendar', () => {
    expect(error('下周')).toContain('时间“下周”无法识别。可写：9月15日');
    expect(error('9月31日')).toBe('时间“9月31日”：9月没有31日');
    expect(error('3月上旬')).toBe('时间“3月上旬”：3月不在行事历的周期（2026年9月至2027年1月）内');
    expect(error('2025年9月1日')).toContain('2025年9月不在行事历的周期');
    expect(error('9月12日—1日')).toBe('时间“9月12日—1日”：结束（9月1日）早于开始（9月12日）');
    expect(error('10月—9月')).toBe('时间“10月—9月”：结束早于开始');
    expect(error('第3周—9月5日')).toContain('不能把周次和日期混写');
    expect(error('第40周')).toContain('第40周超出一个学期');
    expect(error('12')).toContain('请写明是几月、几日还是第几周');
    expect(error('13月')).toContain('没有13月');
  });

  it('reads Chinese numerals', () => {
    expect([numberOf('十'), numberOf('十二'), numberOf('二十五'), numberOf('三十一'), numberOf('九'), numberOf('元'), numberOf('十十')])
      .toEqual([10, 12, 25, 31, 9, 1, null]);
  });
});

describe('itemSpan', () => {
  const t = (text: string) => read(text);
  it('keeps the item\'s months when its timing lies inside them, or names none', () => {
    expect(itemSpan('2026-09', null, t('9月上旬'))).toEqual({ ok: true, month: '2026-09', endMonth: '2026-09' });
    expect(itemSpan('2026-09', '2026-10', null)).toEqual({ ok: true, month: '2026-09', endMonth: '2026-10' });
    expect(itemSpan('2026-09', null, t('每周五'))).toEqual({ ok: true, month: '2026-09', endMonth: '2026-09' });
  });

  it('stretches the months to a timing that runs on from them', () => {
    expect(itemSpan('2026-09', null, t('9月下旬至10月上旬'))).toEqual({ ok: true, month: '2026-09', endMonth: '2026-10' });
    expect(itemSpan('2026-12', null, t('12月28日—1月3日'))).toEqual({ ok: true, month: '2026-12', endMonth: '2027-01' });
    expect(itemSpan('2026-10', null, t('9月下旬—10月上旬'))).toEqual({ ok: true, month: '2026-09', endMonth: '2026-10' });
  });

  it('refuses a timing wholly outside the item\'s months', () => {
    expect(itemSpan('2026-09', null, t('10月中旬'))).toEqual({ ok: false, error: '时间“10月中旬”不在事项的月份（9月）内' });
    expect(itemSpan('2026-09', '2026-10', t('12月'))).toEqual({ ok: false, error: '时间“12月”不在事项的月份（9—10月）内' });
  });

  it('writes dates and spans back as text', () => {
    expect(datesText('2026-09-01', '2026-09-12')).toBe('9月1日—12日');
    expect(datesText('2026-09-28', '2026-10-08')).toBe('9月28日—10月8日');
    expect(datesText('2026-09-15', null)).toBe('9月15日');
    expect(datesText(null, null)).toBeNull();
    expect(spanText('2026-09', '2026-09')).toBe('9月');
    expect(spanText('2026-07', '2026-08')).toBe('7—8月');
    expect(spanText('2026-12', '2027-01')).toBe('12月—1月');
  });
});
