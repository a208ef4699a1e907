import { describe, expect, it } from 'vitest';
import { addDays, dateInWords, monthLabel, nowText, shiftDate, thisMonth, todayText } from './dates';
import { chineseNumber, fileSizeText, percent, percentText } from './numbers';
import { issueLabel, noticeNumberText } from './labels';

describe('dates', () => {
  it('writes local dates and times as the archive stores them', () => {
    const d = new Date(2026, 0, 5, 7, 8, 9);
    expect(nowText(d)).toBe('2026-01-05 07:08:09');
    expect(todayText(d)).toBe('2026-01-05');
    expect(thisMonth(d)).toBe('2026-01');
  });
  it('adds days across months and years, and refuses a non-date', () => {
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('not a date', 1)).toBe('');
  });
  it('shifts whole years, 29 February to 28 February in a common year', () => {
    expect(shiftDate('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftDate('2025-09-01', 1)).toBe('2026-09-01');
  });
  it('writes months and dates in words without leading zeros', () => {
    expect(monthLabel('2025-09')).toBe('2025年9月');
    expect(dateInWords('2025-03-01')).toBe('2025年3月1日');
  });
});

describe('numbers and labels', () => {
  it('rounds percentages the way the office writes them', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(26, 37, 2)).toBe(70.27);
    expect(percent(5, 0)).toBe(0);
    expect(percentText(1, 8)).toBe('12.5%');
  });
  it('writes Chinese numerals and file sizes', () => {
    expect([1, 10, 11, 12, 20, 21].map(chineseNumber)).toEqual(['一', '十', '十一', '十二', '二十', '二十一']);
    expect(fileSizeText(200)).toBe('1 KB');
    expect(fileSizeText(3 * 1024 * 1024)).toBe('3.0 MB');
  });
  it('labels a briefing issue and a notice number', () => {
    expect(issueLabel(2025, 3, 15)).toBe('2025年第3期（总第15期）');
    expect(noticeNumberText(2025, 12)).toBe('〔2025〕第12号');
  });
});
