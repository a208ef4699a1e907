import { describe, expect, it } from 'vitest';
import { briefingMonth, isCalendarDate, normalizeDate, normalizeMonth, parseDateText, parseMonthText } from './dates';

// One parser for dates as people type them: the date fields of every form and the Excel importer.
describe('typed dates', () => {
  it('reads the forms an office writes a date in', () => {
    for (const typed of ['2026-12-04', '2026-12-4', '2026.12.4', '2026/12/4', '20261204', '2026年12月4日', '2026年12月4号',
      ' 2026 年 12 月 4 日 ', '２０２６．１２．４', '2026-12-04 09:30', '2026-12-04T09:30']) {
      expect(parseDateText(typed), typed).toBe('2026-12-04');
    }
  });

  it('refuses what is not a day of the calendar, and leaves it as typed for a message to quote', () => {
    for (const typed of ['2026-02-30', '2026-13-01', '2026-12', '12/4/2026', '明天', '', '2026124']) {
      expect(parseDateText(typed), typed).toBeNull();
    }
    expect(normalizeDate('12/4/2026')).toBe('12/4/2026');
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
  });

  it('reads months: 2026-12, 2026.12, 2026/12, 202612, 2026年12月, or a whole date', () => {
    for (const typed of ['2026-12', '2026.12', '2026/12', '202612', '2026年12月', '2026年12月4日', '２０２６年１２月']) {
      expect(parseMonthText(typed), typed).toBe('2026-12');
    }
    expect(parseMonthText('2026-9')).toBe('2026-09');
    for (const typed of ['2026-13', '2026', '十二月', '']) expect(parseMonthText(typed), typed).toBeNull();
    expect(normalizeMonth('十二月')).toBe('十二月');
  });
});

describe('the month a briefing is drafted for', () => {
  it('is the month just ended before the 10th, and the current one from the 10th', () => {
    expect(briefingMonth('2026-12-04')).toBe('2026-11');
    expect(briefingMonth('2026-12-09')).toBe('2026-11');
    expect(briefingMonth('2026-12-10')).toBe('2026-12');
    expect(briefingMonth('2026-11-28')).toBe('2026-11');
    expect(briefingMonth('2027-01-05')).toBe('2026-12');
  });
});
