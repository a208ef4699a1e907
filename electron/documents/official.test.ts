import { describe, expect, it } from 'vitest';
import { titleLines } from './official';

describe('titleLines (GB/T 9704 7.3.3)', () => {
  it('keeps a title that fits on one line', () => {
    expect(titleLines('关于全区小学食品安全专项督导情况的报告')).toEqual(['关于全区小学食品安全专项督导情况的报告']);
  });

  it('breaks a long title at a word boundary into two even lines, never leaving one or two characters', () => {
    const lines = titleLines('2026年义务教育学校办学条件达标监测评估报告');
    expect(lines.join('')).toBe('2026年义务教育学校办学条件达标监测评估报告');
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => [...l].length >= 3 && [...l].length <= 20)).toBe(true);
    expect(Math.abs([...lines[0]].length - [...lines[1]].length)).toBeLessThanOrEqual(4);
    expect(lines[1]).not.toBe('报告');
    const report = titleLines('关于全区义务教育阶段学校课后服务和作业管理专项督导情况的报告');
    expect(report.map((l) => [...l].length).every((n) => n >= 3 && n <= 20)).toBe(true);
    expect(report[0].endsWith('课') || report[1].startsWith('后')).toBe(false); // 课后服务 kept whole
  });
});
