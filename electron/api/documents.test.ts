import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { offeredBytes } from '../testing/files';
import type { FileRef } from '../../shared/schemas/files';
import { call } from './index';
import { readDocx, paragraphs, textOf } from '../testing/read-docx';
import { expectRefused } from '../testing/refused';

let a: Awaited<ReturnType<typeof tempStore>>;
beforeAll(async () => { a = await tempStore({ init: 'empty' }); });
afterAll(() => a.dispose());

// Schools, supervisors, notices, problems and calendars are written with plain SQL, so these tests
// depend only on the export code.
const AT = '2025-01-01 00:00:00';
const run = (sql: string, ...p: unknown[]) => Number(a.db.prepare(sql).run(...p).lastInsertRowid);
const school = (name: string) =>
  run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES (?, '小学', '公办', ?, ?)`, name, AT, AT);
const supervisor = (name: string) =>
  run(`INSERT INTO supervisors (name, status, category, created_at, updated_at) VALUES (?, '在聘', '兼职督学', ?, ?)`, name, AT, AT);
const notice = (schoolId: number, number: number, requirement: string | null = null) =>
  run(`INSERT INTO notices (year, number, school_id, issued_date, deadline_days, deadline_date, requirement, created_at)
    VALUES (2025, ?, ?, '2025-04-10', 15, '2025-04-25', ?, ?)`, number, schoolId, requirement, AT);
const problem = (schoolId: number, description: string, raisedAt = '2025-04-08', noticeId: number | null = null, status = '待整改',
  from: { visitId?: number; complaintId?: number } = {}) =>
  run(`INSERT INTO problems (source, visit_id, complaint_id, school_id, category, description, actor, status, notice_id, raised_at, updated_at)
    VALUES ('督导记录', ?, ?, ?, '校务管理和制度执行情况', ?, '学校', ?, ?, ?, ?)`, from.visitId ?? null, from.complaintId ?? null,
  schoolId, description, status, noticeId, raisedAt, AT);
const visit = (schoolId: number, date: string, supervisorIds: number[], type = '经常性') => {
  const id = run(`INSERT INTO visits (school_id, date, type, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`, schoolId, date, type, AT, AT);
  for (const s of supervisorIds) run('INSERT INTO visit_supervisors (visit_id, supervisor_id) VALUES (?, ?)', id, s);
  return id;
};
const complaint = (schoolId: number, receivedAt: string, channel = '来电') =>
  run(`INSERT INTO complaints (received_at, channel, school_id, topic, content, status, created_at, updated_at)
    VALUES (?, ?, ?, '管理', '家长反映', '待处理', ?, ?)`, receivedAt, channel, schoolId, AT, AT);
const softDelete = (table: string, id: number) => a.db.prepare(`UPDATE ${table} SET deleted_at = ? WHERE id = ?`).run(AT, id);

async function docx(channel: Parameters<typeof call>[1], input: unknown) {
  const out = await call(a, channel, input) as FileRef;
  const d = await readDocx(await offeredBytes(a, out));
  return { fileName: out.fileName, d, texts: paragraphs(d.document).map(textOf) };
}

const refused = (channel: string, input: unknown, field: string | undefined, text: string, code = 'invalid') =>
  expectRefused(a, channel, input, { code, field, text });

describe('documents.notice', () => {
  it('writes the notice: number, school, each problem numbered, deadline, office and date, receipt', async () => {
    const s = school('城关第二小学');
    const n = notice(s, 12, '整改期间请暂停使用存在隐患的器材。');
    const v = visit(s, '2025-04-08', []);
    problem(s, '学生午休管理不到位', '2025-04-08', n, '待整改', { visitId: v });
    problem(s, '图书室图书借阅记录不完整', '2025-04-08', n, '待整改', { visitId: v });
    const gone = problem(s, '已删除的问题', '2025-04-08', n);
    softDelete('problems', gone);
    const { fileName, texts } = await docx('documents.notice', { id: n });
    expect(fileName).toBe('整改通知书〔2025〕第12号城关第二小学.docx');
    expect(texts).toContain('整改通知书');
    expect(texts).toContain('〔2025〕第12号');
    expect(texts).toContain('城关第二小学：');
    expect(texts).toContain('1.学生午休管理不到位');
    expect(texts).toContain('2.图书室图书借阅记录不完整');
    expect(texts.join('\n')).not.toContain('已删除的问题');
    expect(texts).toContain('整改期间请暂停使用存在隐患的器材。');
    expect(texts).toContain('整改期限：自本通知下发之日起15日内（2025年4月25日前）。');
    expect(texts.join('\n')).not.toContain('请高度重视');
    expect(texts).toContain('××区人民政府教育督导室');
    // The 回执 names the visit the school knows, not an internal label.
    expect(texts).toContain('我单位已收到〔2025〕第12号整改通知书，将对2025年4月8日经常性督导发现的问题按要求整改，并于2025年4月25日前将整改报告书面报送责任督学。');
    expect(texts).toContain('2025年4月10日');
    expect(texts).toContain('回　执');
    expect(texts.some((t) => t.includes('学校：城关第二小学（盖章）'))).toBe(true);
  });

  it('refuses an unknown or deleted notice', async () => {
    await refused('documents.notice', { id: 99999 }, 'id', '整改通知书不存在', 'not_found');
    const n = notice(school('已撤并小学'), 13);
    softDelete('notices', n);
    await refused('documents.notice', { id: n }, 'id', '不存在或已被删除', 'not_found');
    await refused('documents.notice', { id: 'x' }, 'id', '「编号」');
  });
});

describe('documents.referral', () => {
  it('writes a 协商函 to the section with the school and the problems in the order chosen, each with its own origin and date', async () => {
    const s = school('实验幼儿园');
    const v = visit(s, '2025-05-06', []);
    const p1 = problem(s, '园舍维修需教育局基建科协调', '2025-05-06', null, '待整改', { visitId: v });
    const p2 = problem(s, '保教人员编制不足', '2025-05-09', null, '待整改', { complaintId: complaint(s, '2025-05-09 10:30') });
    const p3 = problem(s, '厨房排烟设备老化', '2025-05-12');
    const { fileName, texts } = await docx('documents.referral', { problemIds: [p2, p1, p3], section: '人事科' });
    expect(fileName).toBe('协商函（人事科）实验幼儿园.docx');
    expect(texts).toContain('协商函');
    expect(texts).toContain('人事科：');
    expect(texts).toContain('我室在督导工作中发现实验幼儿园存在以下问题：');
    expect(texts).toContain('1.保教人员编制不足（2025年5月9日来电反映）。');
    expect(texts).toContain('2.园舍维修需教育局基建科协调（2025年5月6日责任督学经常性督导中发现）。');
    expect(texts).toContain('3.厨房排烟设备老化（2025年5月12日督导室登记）。');
    expect(texts).toContain('请贵科室予以支持、配合、协调解决。');
  });

  it('refuses problems of several schools, unknown problems and a missing section', async () => {
    const p1 = problem(school('甲校'), '问题甲');
    const p2 = problem(school('乙校'), '问题乙');
    await refused('documents.referral', { problemIds: [p1, p2], section: '基础教育科' }, 'problemIds', '协商函一次只写一所学校，所选问题来自2所学校（甲校、乙校）');
    await refused('documents.referral', { problemIds: [p1, 99999], section: '基础教育科' }, 'problemIds', '编号 99999', 'not_found');
    await refused('documents.referral', { problemIds: [], section: '基础教育科' }, 'problemIds', '「问题」请至少选择一个问题');
    await refused('documents.referral', { problemIds: [p1], section: ' ' }, 'section', '「科室」必须填写');
  });
});

describe('documents.calendar', () => {
  const calendar = () => {
    const c = run(`INSERT INTO calendars (title, period_kind, school_year, term, start_month, end_month, notes, created_at, updated_at)
      VALUES ('2025—2026学年第一学期督导工作行事历', '学期', 2025, 1, '2025-09', '2025-10', '各责任区可结合实际调整。', ?, ?)`, AT, AT);
    run(`INSERT INTO calendar_months (calendar_id, month, theme) VALUES (?, '2025-09', '开学工作专项督导')`, c);
    const item = (month: string, seq: number, number: string | null, content: string, status: string, note: string | null = null, timing: string | null = null) =>
      run(`INSERT INTO calendar_items (calendar_id, month, end_month, seq, number, content, category, owner, partners, timing, status, status_note,
        created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', '督导室', NULL, ?, ?, ?, ?, ?)`, c, month, month, seq, number, content, timing, status, note, AT, AT);
    item('2025-09', 1, '3.', '开学工作检查', '已完成', '已完成，覆盖全部学校', '第1周');
    item('2025-09', 2, null, '制定学年督导计划', '未开始');
    softDelete('calendar_items', item('2025-10', 1, null, '已删除的事项', '未开始'));
    return c;
  };

  it('prints the office\'s title and, by default, the columns the items fill (landscape for several); 完成情况 without doubling', async () => {
    const c = calendar();
    const { fileName, d, texts } = await docx('documents.calendar', { id: c });
    expect(fileName).toBe('××区人民政府教育督导室2025—2026学年第一学期督导工作行事历.docx');
    expect(texts[0]).toBe('××区人民政府教育督导室2025—2026学年第一学期督导工作行事历');
    expect(d.document).toContain('<w:tblHeader/>');
    for (const t of ['月份', '工作内容', '时间', '责任', '完成情况', '9月', '主题：开学工作专项督导', '3.开学工作检查', '第1周', '2.制定学年督导计划',
      '督导室', '已完成，覆盖全部学校', '10月', '备注：各责任区可结合实际调整。']) {
      expect(texts).toContain(t);
    }
    expect(texts).not.toContain('备注');
    expect(texts.join('\n')).not.toContain('已删除的事项');
    expect(texts.join('\n')).not.toContain('已完成（');
    // Three columns added: landscape, so 工作内容 keeps room.
    expect(d.sections[0]).toContain('w:orient="landscape"');
    const one = await docx('documents.calendar', { id: c, columns: ['timing'] });
    expect(one.d.sections[0]).not.toContain('w:orient="landscape"');
  });

  it('prints the columns chosen, landscape, an 附件 label and the office\'s name and date at the end', async () => {
    const c = calendar();
    const { d, texts } = await docx('documents.calendar', { id: c, columns: ['note'], landscape: true, attachment: '附件1', signatureDate: '2025-08-28' });
    expect(texts.slice(0, 2)).toEqual(['附件1', '××区人民政府教育督导室2025—2026学年第一学期督导工作行事历']);
    expect(texts).toContain('备注');
    expect(texts).not.toContain('完成情况');
    // Without a 时间 column the timing follows the item.
    expect(texts).toContain('3.开学工作检查（第1周）');
    expect(texts.slice(-2)).toEqual(['××区人民政府教育督导室', '2025年8月28日']);
    expect(d.sections[0]).toContain('w:orient="landscape"');
    const bare = await docx('documents.calendar', { id: c, columns: [] });
    expect(bare.texts.filter((t) => ['时间', '责任', '完成情况', '备注'].includes(t))).toEqual([]);
  });

  it('refuses bad options in Chinese', async () => {
    const c = calendar();
    await refused('documents.calendar', { id: c, columns: ['owner'] }, 'columns', '「列」应为以下列之一：时间、责任、完成情况、备注');
    await refused('documents.calendar', { id: c, attachment: '附件一二三四五六七八九十' }, 'attachment', '「附件标注」不能超过10个字');
    await refused('documents.calendar', { id: c, signatureDate: '2025-02-30' }, 'signatureDate', '「落款日期」不是日历上的日期');
  });

  it('refuses an unknown calendar', async () => {
    await refused('documents.calendar', { id: 99999 }, undefined, '该行事历不存在', 'not_found');
  });
});

describe('documents.statistics', () => {
  /** A chart's categories and values as cached in its part, in the order given (bar charts are given bottom up). */
  const chartData = (xml: string) => {
    const cats = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(xml)?.[1] ?? '';
    const vals = /<c:val>([\s\S]*?)<\/c:val>/.exec(xml)?.[1] ?? '';
    const pts = (x: string) => [...x.matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => m[1]);
    return pts(cats).map((c, i) => [c, Number(pts(vals)[i])] as const);
  };

  it('writes the year report: the year\'s figures, tables with a bold 合计, and native charts of the same rows', async () => {
    const s1 = school('统计一小');
    const zhang = supervisor('统计张');
    const li = supervisor('统计李');
    visit(s1, '2024-03-01', [zhang, li]);
    visit(s1, '2024-04-01', [zhang]);
    problem(s1, '二〇二四年的问题', '2024-03-01', null, '已销号');
    problem(s1, '另一个问题', '2024-03-02', null, '待整改');
    run(`INSERT INTO complaints (received_at, channel, school_id, topic, content, status, created_at, updated_at)
      VALUES ('2024-05-01 10:00', '来电', ?, '管理', '反映内容', '待处理', ?, ?)`, s1, AT, AT);
    const { fileName, d, texts } = await docx('documents.statistics', { year: 2024 });
    expect(fileName).toBe('××区人民政府教育督导室2024年度教育督导工作统计报告.docx');
    expect(texts[0]).toBe('××区人民政府教育督导室2024年度教育督导工作统计报告');
    const all = texts.join('\n');
    expect(all).toMatch(/2024年度，共开展督导2次，督导学校1所，占全部\d+所学校的/);
    expect(all).toContain('2024年度督导发现问题2个，其中已销号1个，整改率50%');
    expect(all).toContain('2024年度受理来访来电1件。');
    // Every caption states the report's period.
    const captions = texts.filter((t) => /^[表图]\d/.test(t));
    expect(captions).toEqual([
      '表1　2024年度问题按督导事项分布', '图1　2024年度问题按督导事项分布',
      '表2　2024年度来访来电按反映主题分布', '图2　2024年度来访来电按反映主题分布',
      '表3　2024年度各督学督导次数', '图3　2024年度各督学督导次数',
    ]);
    // The per-supervisor table: 序号 | 督学 | 督导次数, most visits first; numbers right-aligned; header repeated.
    const i = texts.indexOf('统计张');
    expect(texts.slice(i - 1, i + 5)).toEqual(['1', '统计张', '2', '2', '统计李', '1']);
    expect(d.document).toContain('<w:tblHeader/>');
    expect(paragraphs(d.document).find((p) => textOf(p) === '合计')).toContain('<w:b/>');
    expect(paragraphs(d.document).filter((p) => /^\d+$/.test(textOf(p))).every((p) => /<w:jc w:val="(right|end|center)"\/>/.test(p))).toBe(true);
    // Three native charts, drawn from the very rows of the tables.
    expect(d.charts).toHaveLength(3);
    expect(chartData(d.charts[0])).toEqual([['校务管理和制度执行情况', 2]]);
    expect(chartData(d.charts[1])).toEqual([['管理', 1]]);
    expect(chartData(d.charts[2]).reverse()).toEqual([['统计张', 2], ['统计李', 1]]);
  });

  it('writes a month\'s report: its title says the month, and every figure is the month\'s', async () => {
    const s1 = school('月报一小');
    const zhang = supervisor('月报张');
    visit(s1, '2026-11-05', [zhang]);
    visit(s1, '2026-10-20', [zhang]);
    problem(s1, '十一月的问题', '2026-11-05');
    const { fileName, texts, d } = await docx('documents.statistics', { year: 2026, month: 11 });
    expect(fileName).toBe('××区人民政府教育督导室2026年11月教育督导工作统计报告.docx');
    const all = texts.join('\n');
    expect(all).toMatch(/2026年11月，共开展督导1次，督导学校1所/);
    expect(all).toContain('2026年11月督导发现问题1个');
    const i = texts.indexOf('月报张');
    expect(texts[i + 1]).toBe('1');
    expect(chartData(d.charts.at(-1)!)).toEqual([['月报张', 1]]);
  });

  it('writes a report without records, and refuses a bad period', async () => {
    const { texts, d } = await docx('documents.statistics', { year: 2031 });
    expect(texts).toContain('本年没有督导记录。');
    expect(d.charts).toHaveLength(0);
    await refused('documents.statistics', { year: 1999 }, 'year', '「年份」应在2000至2100之间');
    await refused('documents.statistics', { year: 2031, month: 13 }, 'month', '「月份」应在1至12之间');
    await refused('documents.statistics', { year: 2031, zoneId: 99999 }, undefined, '责任区', 'not_found');
  });
});

describe('one definition of 销号 for a month', () => {
  it('gives the same figures on the home page, in the briefing draft and in the statistics report', async () => {
    const s1 = school('销号一小');
    const v = visit(s1, '2027-03-02', []);
    const close = (id: number, on: string) => a.db.prepare(`UPDATE problems SET status = '已销号', closed_at = ? WHERE id = ?`).run(on, id);
    close(problem(s1, '二月提出、三月销号', '2027-02-20'), '2027-03-10');
    close(problem(s1, '三月提出、三月销号', '2027-03-02', null, '待整改', { visitId: v }), '2027-03-20');
    problem(s1, '三月提出、未销号', '2027-03-02', null, '待整改', { visitId: v });
    const home = await call(a, 'dashboard.get', { year: 2027, month: 3 });
    expect(home.rectification).toMatchObject({ raised: 2, closed: 1, closedInPeriod: 2 });
    const [data] = await call(a, 'briefings.propose', { month: '2027-03' });
    const briefing = data.blocks.map((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : '')).join('');
    expect(briefing).toContain('督导中发现问题2个，其中已销号1个；本月销号2个');
    const { texts } = await docx('documents.statistics', { year: 2027, month: 3 });
    expect(texts.join('\n')).toContain('2027年3月督导发现问题2个，其中已销号1个，整改率50%，逾期未整改0个；本月销号2个');
  });
});
