import JSZip from 'jszip';
import { test, expect } from './fixtures';

import type { AppServer } from './fixtures';
import type { FileRef } from '../shared/schemas/files';

/** The .docx's document.xml text, after checking the file is a Word zip fetched as the page does. */
async function documentXml(app: AppServer, out: FileRef): Promise<string> {
  expect(out.fileName).toMatch(/\.docx$/);
  const bytes = await app.download(out);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  const zip = await JSZip.loadAsync(bytes);
  expect(zip.file('[Content_Types].xml')).not.toBeNull();
  return zip.file('word/document.xml')!.async('string');
}

// The Word exports of records kept by other areas, over the app's HTTP API (what the ExportButton on the
// problems, calendar and dashboard pages calls), with records set up through those areas' own channels.
test('notice, referral, calendar and statistics exports are Word files with their content', async ({ app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  const school = (fullName: string) => app.api<{ id: number }>('schools.save', { fields: { fullName, type: '小学', nature: '公办' } });
  const problem = (schoolId: number, description: string) => app.api<{ id: number }>('problems.save', { fields: {
    source: '专项督导', campaign: '校园安全', schoolId, category: '校务管理和制度执行情况', description, actor: '学校',
  } });
  const s1 = await school('城关第一小学');
  const s2 = await school('实验中学');
  const p1 = await problem(s1.id, '校门口护栏破损未及时维修');
  const p2 = await problem(s1.id, '消防通道堆放杂物');
  const p3 = await problem(s2.id, '食堂留样记录不完整');

  const n = await app.api<{ id: number; numberText: string }>('notices.issue', {
    schoolId: s1.id, problemIds: [p1.id, p2.id], issuedDate: '2025-04-10', deadlineDays: 15,
  });
  const noticeXml = await documentXml(app, await app.api<FileRef>('documents.notice', { id: n.id }));
  expect(noticeXml).toContain(n.numberText);
  expect(noticeXml).toContain('城关第一小学：');
  expect(noticeXml).toContain('1.校门口护栏破损未及时维修');
  expect(noticeXml).toContain('2.消防通道堆放杂物');
  expect(noticeXml).toContain('15日内');

  const referralXml = await documentXml(app, await app.api<FileRef>('documents.referral', { problemIds: [p2.id, p1.id], section: '基础教育科' }));
  expect(referralXml).toContain('基础教育科：');
  expect(referralXml).toContain('我室在督导工作中发现城关第一小学存在以下问题：');
  // Each problem with its own origin: entered from the 校园安全 campaign, no visit date made up.
  expect(referralXml).toMatch(/1\.消防通道堆放杂物（\d{4}年\d{1,2}月\d{1,2}日“校园安全”专项督导中发现）。/);
  expect(referralXml).toContain('请贵科室予以支持、配合、协调解决。');
  await expect(app.api('documents.referral', { problemIds: [p1.id, p3.id], section: '基础教育科' }))
    .rejects.toThrow('协商函一次只写一所学校');

  const cal = await app.api<{ id: number }>('calendars.save', { fields: {
    title: '××区2025—2026学年度教育督导工作行事历', periodKind: '学年', startMonth: '2025-09', endMonth: '2026-01',
  } });
  await app.api('calendarItems.save', { fields: { calendarId: cal.id, month: '2025-09', content: '开学工作专项督导', category: '专项', lead: '张明', status: '已完成' } });
  await app.api('calendarItems.save', { fields: { calendarId: cal.id, month: '2025-09', content: '制定学年督导计划', category: '其他', lead: '李华' } });
  const calendarXml = await documentXml(app, await app.api<FileRef>('documents.calendar', { id: cal.id }));
  expect(calendarXml).toContain('××区2025—2026学年度教育督导工作行事历');
  expect(calendarXml).toContain('<w:tblHeader/>');
  expect(calendarXml).toContain('1.开学工作专项督导');
  expect(calendarXml).toContain('2.制定学年督导计划');
  expect(calendarXml).toContain('已完成');

  const year = new Date().getFullYear();
  const stats = await app.api<FileRef>('documents.statistics', { year });
  expect(stats.fileName).toContain(`${year}年度教育督导工作统计报告`);
  const statsXml = await documentXml(app, stats);
  expect(statsXml).toContain(`${year}年度督导发现问题3个`);
  expect(statsXml).toContain(`图1\u3000${year}年度问题按督导事项分布`);
  expect(statsXml).toContain('<c:chart ');

  await expect(app.api('documents.notice', { id: 999999 })).rejects.toThrow('整改通知书不存在');
});
