import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { call } from './index';
import { readDocx, paragraphs, textOf } from '../testing/read-docx';
import { samplePng } from '../testing/samples';
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
const problem = (schoolId: number, description: string, raisedAt = '2025-04-08', noticeId: number | null = null, status = '待整改') =>
  run(`INSERT INTO problems (source, school_id, category, description, actor, status, notice_id, raised_at, updated_at)
    VALUES ('经常性督导', ?, '校务管理和制度执行情况', ?, '学校', ?, ?, ?, ?)`, schoolId, description, status, noticeId, raisedAt, AT);
const visit = (schoolId: number, date: string, supervisorIds: number[]) => {
  const id = run(`INSERT INTO visits (school_id, date, type, created_at, updated_at) VALUES (?, ?, '经常性督导', ?, ?)`, schoolId, date, AT, AT);
  for (const s of supervisorIds) run('INSERT INTO visit_supervisors (visit_id, supervisor_id) VALUES (?, ?)', id, s);
};
const softDelete = (table: string, id: number) => a.db.prepare(`UPDATE ${table} SET deleted_at = ? WHERE id = ?`).run(AT, id);

async function docx(channel: Parameters<typeof call>[1], input: unknown) {
  const out = await call(a, channel, input) as { fileName: string; data: string };
  const d = await readDocx(Buffer.from(out.data, 'base64'));
  return { fileName: out.fileName, d, texts: paragraphs(d.document).map(textOf) };
}

const refused = (channel: string, input: unknown, field: string | undefined, text: string, code = 'invalid') =>
  expectRefused(a, channel, input, { code, field, text });

describe('documents.notice', () => {
  it('writes the notice: number, school, each problem numbered, deadline, office and date, receipt', async () => {
    const s = school('城关第二小学');
    const n = notice(s, 12, '整改期间请暂停使用存在隐患的器材。');
    problem(s, '学生午休管理不到位', '2025-04-08', n);
    problem(s, '图书室图书借阅记录不完整', '2025-04-08', n);
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
    expect(texts).toContain('请高度重视，立即整改，并于本通知下发之日起15日内将整改报告书面报送责任督学。');
    expect(texts).toContain('××区人民政府教育督导室');
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
  it('writes a 协商函 to the section with the school, the visit date and the problems in the order chosen', async () => {
    const s = school('实验幼儿园');
    const p1 = problem(s, '园舍维修需教育局基建科协调', '2025-05-06');
    const p2 = problem(s, '保教人员编制不足', '2025-05-09');
    const { fileName, texts } = await docx('documents.referral', { problemIds: [p2, p1], section: '人事科' });
    expect(fileName).toBe('协商函（人事科）实验幼儿园.docx');
    expect(texts).toContain('协商函');
    expect(texts).toContain('人事科：');
    expect(texts).toContain('我室责任督学于2025年5月9日对实验幼儿园进行了督导，发现以下问题：');
    expect(texts).toContain('1.保教人员编制不足');
    expect(texts).toContain('2.园舍维修需教育局基建科协调');
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
  it('writes the year report: numbers from the archive, per-supervisor table, and the charts as pictures', async () => {
    const s1 = school('统计一小');
    const zhang = supervisor('统计张');
    const li = supervisor('统计李');
    visit(s1, '2024-03-01', [zhang, li]);
    visit(s1, '2024-04-01', [zhang]);
    problem(s1, '二〇二四年的问题', '2024-03-01', null, '已销号');
    problem(s1, '另一个问题', '2024-03-02', null, '待整改');
    run(`INSERT INTO complaints (received_at, channel, school_id, topic, content, status, created_at, updated_at)
      VALUES ('2024-05-01 10:00', '来电', ?, '管理', '反映内容', '待处理', ?, ?)`, s1, AT, AT);
    const png = samplePng(400, 240).toString('base64');
    const { fileName, d, texts } = await docx('documents.statistics', {
      year: 2024, charts: [{ title: '各督导事项问题数', png, width: 400, height: 240 }, { title: '督学督导次数', png: `data:image/png;base64,${png}`, width: 400, height: 240 }],
    });
    expect(fileName).toBe('××区人民政府教育督导室2024年度教育督导工作统计报告.docx');
    expect(texts[0]).toBe('××区人民政府教育督导室2024年度教育督导工作统计报告');
    const all = texts.join('\n');
    expect(all).toMatch(/全年共开展督导2次，督导学校1所，占全部\d+所学校的/);
    expect(all).toContain('全年督导发现问题2个，已整改销号1个，整改率50%');
    expect(all).toContain('全年受理来访来电1件。');
    // The per-supervisor table: 序号 | 督学 | 督导次数, most visits first.
    const i = texts.indexOf('统计张');
    expect(texts.slice(i - 1, i + 5)).toEqual(['1', '统计张', '2', '2', '统计李', '1']);
    expect(d.document).toContain('<w:tblHeader/>');
    expect(texts).toContain('图1　各督导事项问题数');
    expect(texts).toContain('图2　督学督导次数');
    expect(d.document.match(/<w:drawing>/g)?.length).toBe(2);
    expect(d.files.filter((f) => f.startsWith('word/media/')).length).toBeGreaterThanOrEqual(1);
  });

  it('writes a report without charts, and refuses a picture that is not a PNG or a bad year', async () => {
    const { texts } = await docx('documents.statistics', { year: 2031 });
    expect(texts).toContain('本年度没有督导记录。');
    expect(texts).not.toContain('五、统计图表');
    await refused('documents.statistics', { year: 2031, charts: [{ title: '图', png: Buffer.from('not a png').toString('base64'), width: 10, height: 10 }] },
      'charts', '「图表」第1张图（图）不是 PNG 图片');
    await refused('documents.statistics', { year: 1999 }, 'year', '「年份」应在2000至2100之间');
  });
});
