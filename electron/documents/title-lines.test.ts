import { describe, expect, it } from 'vitest';
import { breakPositions, textUnits, titleLines } from './title-lines';

/** 2号 on the 156 mm type area: 20 characters a line; 小初 on the cover: 12. */
const TITLE = { width: 8845, char: 435 };
const COVER = { width: 8845, char: 715 };
const SCHOOLS = ['清河区实验小学', '清河区第一中学', '城关镇中心幼儿园', '清河区人民政府教育督导室'];

const at = (title: string, lines: string[]) => lines.map((l) => title.indexOf(l));

describe('titleLines', () => {
  it('keeps a title that fits on one line', () => {
    expect(titleLines('协商函', TITLE)).toEqual(['协商函']);
    expect(titleLines('整改通知书', TITLE)).toEqual(['整改通知书']);
  });

  it('never breaks inside the office\'s words, names or numbers with units', () => {
    const cases: [string, typeof TITLE][] = [
      ['清河区人民政府教育督导室2026年教育督导大事记', TITLE],
      ['清河区实验小学优秀督导案例集', COVER],
      ['清河区教育督导室督学学习心得与论文汇编', COVER],
      ['清河区人民政府教育督导室2026年度教育督导工作统计报告', TITLE],
      ['清河区人民政府教育督导室2025—2026学年第一学期督导工作行事历', TITLE],
      ['关于清河区第一中学课后服务专项督导的整改通知书', TITLE],
      ['城关镇中心幼儿园食品安全专项督导情况的报告', TITLE],
      ['清河区教育督导优秀案例集（第二册）', COVER],
    ];
    const whole = ['督导', '整改', '大事记', '课后服务', '案例集', '优秀', '学习', '心得', '论文', '2026年度', '2026年',
      '第一学期', '2025—2026学年', '行事历', '统计报告', '食品安全', '第二册', ...SCHOOLS];
    for (const [title, m] of cases) {
      const lines = titleLines(title, m, SCHOOLS);
      expect(lines.join(''), title).toBe(title);
      expect(lines.length, title).toBeGreaterThan(1);
      for (const line of lines) expect(textUnits(line) * m.char, line).toBeLessThanOrEqual(m.width);
      // No word of the vocabulary is cut: each occurrence lies within one line.
      const starts = at(title, lines);
      for (const w of whole) {
        for (let i = title.indexOf(w); i >= 0; i = title.indexOf(w, i + 1)) {
          const line = starts.filter((s) => s <= i).length - 1;
          expect(i + w.length, `${title}: ${w} cut in ${lines.join(' / ')}`).toBeLessThanOrEqual(starts[line] + lines[line].length);
        }
      }
    }
  });

  it('has no line of one or two characters, so "大事记" never stands alone', () => {
    for (const title of ['清河区人民政府教育督导室二〇二六年教育督导大事记', '清河区人民政府教育督导室2026年教育督导大事记']) {
      const lines = titleLines(title, TITLE);
      for (const l of lines) expect(textUnits(l), lines.join(' / ')).toBeGreaterThan(3);
      expect(lines.at(-1)).not.toBe('大事记');
    }
  });

  it('chooses the most even arrangement, in a trapezoid or a diamond', () => {
    const lines = titleLines('清河区人民政府教育督导室2026年教育督导大事记', TITLE);
    expect(lines).toEqual(['清河区人民政府教育督导室', '2026年教育督导大事记']);
    const three = titleLines('关于进一步加强全区中小学校课后服务和校园安全管理及食品安全工作专项督导情况的通报', TITLE);
    expect(three).toHaveLength(3);
    const u = three.map(textUnits);
    expect(Math.max(...u) - Math.min(...u)).toBeLessThanOrEqual(6);
    // Not an hourglass: the middle line is not the shortest of three.
    expect(u[1] >= Math.min(u[0], u[2])).toBe(true);
  });

  it('keeps brackets with their words: no line ends with an opening bracket or starts with a closing one', () => {
    for (const title of ['清河区教育督导室关于印发《督学考核办法（试行）》的通知', '教育督导案例集（第二册）', '督导工作简报（2026年第3期）汇编']) {
      for (const m of [TITLE, COVER]) {
        const lines = titleLines(title, m);
        for (const l of lines) {
          expect(l, lines.join(' / ')).not.toMatch(/[（《“〔【]$/);
          expect(l, lines.join(' / ')).not.toMatch(/^[）》”〕】，。、]/);
        }
      }
    }
  });

  it('takes the archive\'s own names as words that never break', () => {
    const title = '关于城关镇中心幼儿园挂牌督导发现问题的协商函';
    expect(breakPositions(title, ['城关镇中心幼儿园'])).not.toContain(title.indexOf('中心'));
    const lines = titleLines(title, TITLE, ['城关镇中心幼儿园']);
    expect(lines.some((l) => l.includes('城关镇中心幼儿园'))).toBe(true);
  });

  it('returns a title with no allowed break whole, for the reader to wrap', () => {
    expect(titleLines('清河区人民政府教育督导室清河区人民政府教育督导室', COVER, ['清河区人民政府教育督导室清河区人民政府教育督导室']))
      .toEqual(['清河区人民政府教育督导室清河区人民政府教育督导室']);
  });
});
