import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { expectRefused } from '../testing/refused';
import { dispatch } from '.';
import { CHANNEL_NAMES } from '../../shared/contract/names';
import { globalSearch } from '../store/global-search';
import { COMPLAINT_CHANNELS, COMPLAINT_TOPICS, PROBLEM_SOURCES, SUPERVISOR_CATEGORIES, VISIT_TYPES } from '../../shared/vocab';

// Edge inputs through the full dispatch path: control characters in any text or query, and dates
// that are not on the calendar. Each is refused as `invalid` with a Chinese message naming the field.

let a: Awaited<ReturnType<typeof tempStore>>;
beforeAll(async () => { a = await tempStore({ init: 'demo' }); }, 60_000);
afterAll(() => a.dispose());

/** The channels that search by `q`. */
const SEARCHING = ['supervisors.list', 'schools.list', 'visits.list', 'problems.list', 'problems.exportLedger',
  'notices.list', 'complaints.list', 'pieces.list', 'search.global'] as const;

// Control characters: NUL (which made FTS5 fail), other C0 controls, DEL, C1 controls.
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0085', '\u009f'];

describe('control characters', () => {
  it.each(SEARCHING)('%s: a query with a control character is refused as invalid naming 搜索词, at every query length', async (channel) => {
    for (const c of CONTROLS) {
      // 1, 2 and 3+ characters: the LIKE, vocabulary and trigram paths of the search.
      for (const q of [c, `城${c}`, `${c}城关`, `城关${c}小学`, `城关小学${c}`]) {
        await expectRefused(a, channel, { q }, { text: '控制字符', field: 'q' });
      }
    }
    // A query is one line: no tab or line break inside it either.
    for (const q of ['城\n关', '城\t关小', '城关\r\n小学']) await expectRefused(a, channel, { q }, { text: '控制字符', field: 'q' });
    const res = await dispatch(a, channel, { q: '城关' });
    expect(res.ok, JSON.stringify(res)).toBe(true);
  });

  it('names the field in a record\'s text, however deep, and accepts tab and line breaks in text that allows them', async () => {
    const fields = { name: '张三', category: SUPERVISOR_CATEGORIES[0] };
    await expectRefused(a, 'supervisors.save', { fields: { ...fields, name: '张\u0000三' } }, { text: '「姓名」含有不可见的控制字符（NUL）', field: 'fields.name' });
    await expectRefused(a, 'supervisors.save', { fields: { ...fields, notes: '第一行\u001b[31m' } }, { text: '「备注」含有不可见的控制字符（U+001B）', field: 'fields.notes' });
    await expectRefused(a, 'schools.save', { fields: { fullName: '城关\u0007小学', type: '小学', nature: '公办' } }, { text: '「学校全称」', field: 'fields.fullName' });
    await expectRefused(a, 'complaints.save', { fields: { receivedAt: '2025-03-01 09:00', channel: COMPLAINT_CHANNELS[0], topic: COMPLAINT_TOPICS[0], content: '反映\u0000内容' } },
      { text: '「反映内容」含有不可见的控制字符（NUL）', field: 'fields.content' });
    // A rich-text paragraph deep inside a briefing: the field is named by its own label.
    const article = { kind: '其他', title: '标题', blocks: [{ type: 'paragraph', text: '正文\u0000' }] };
    await expectRefused(a, 'briefings.save', { fields: { month: '2025-03', articles: [article] } }, { text: '含有不可见的控制字符（NUL）' });
    // Tab and line breaks are text.
    const ok = await dispatch(a, 'supervisors.save', { fields: { ...fields, name: '李四', notes: '第一行\r\n第二行\t缩进' } });
    expect(ok.ok, JSON.stringify(ok)).toBe(true);
  });

  it('is checked for every channel before its schema, so no channel lets one through', async () => {
    for (const channel of CHANNEL_NAMES) {
      await expectRefused(a, channel, { id: 1, q: '城\u0000', fields: { x: '\u0000' } }, { text: '控制字符' });
    }
  });

  it('a NUL reaching the search layer by another way is read as a space, never an FTS5 error', () => {
    for (const q of ['\u0000', '城\u0000', '城关\u0000', '\u0000城关小', '城关\u0000小学']) {
      expect(() => globalSearch(a, q, 5)).not.toThrow();
    }
  });
});

describe('dates that are not on the calendar', () => {
  const IMPOSSIBLE = ['2024-02-31', '2025-02-29', '2026-13-01', '2024-04-31', '2025-00-10', '2025-01-00', '2025-12-32'];
  const cases: [string, (d: string) => unknown, string][] = [
    ['supervisors.save', (d) => ({ fields: { name: '张三', category: SUPERVISOR_CATEGORIES[0], termStart: d } }), 'fields.termStart'],
    ['supervisors.save', (d) => ({ fields: { name: '张三', category: SUPERVISOR_CATEGORIES[0], termEnd: d } }), 'fields.termEnd'],
    ['visits.save', (d) => ({ fields: { schoolId: 1, date: d, supervisorIds: [1], type: VISIT_TYPES[0] } }), 'fields.date'],
    ['visits.save', (d) => ({ fields: { schoolId: 1, date: '2025-03-03', supervisorIds: [1], type: VISIT_TYPES[0] },
      newProblems: [{ category: '安全', description: '问题', deadline: d }] }), 'newProblems.deadline'],
    ['problems.save', (d) => ({ fields: { source: PROBLEM_SOURCES[0], schoolId: 1, category: '安全', description: '问题', deadline: d } }), 'fields.deadline'],
    ['notices.issue', (d) => ({ schoolId: 1, problemIds: [1], issuedDate: d, deadlineDays: 30 }), 'issuedDate'],
    ['notices.report', (d) => ({ id: 1, reportDate: d, reportText: '已整改' }), 'reportDate'],
    ['notices.recheck', (d) => ({ noticeId: 1, date: d, supervisorId: 1, result: '通过' }), 'date'],
    ['calendarItems.save', (d) => ({ fields: { calendarId: 1, month: '2025-03', content: '工作', category: '其他', startDate: d } }), 'fields.startDate'],
    ['briefings.issue', (d) => ({ id: 1, issueDate: d }), 'issueDate'],
    ['briefings.save', (d) => ({ fields: { month: '2025-03', issueDate: d, articles: [] } }), 'fields.issueDate'],
    ['complaints.save', (d) => ({ fields: { receivedAt: `${d} 09:30`, channel: COMPLAINT_CHANNELS[0], topic: COMPLAINT_TOPICS[0], content: '内容' } }), 'fields.receivedAt'],
    ['chronicle.save', (d) => ({ fields: { year: Number(d.slice(0, 4)), precision: 'day', date: d, text: '事件' } }), 'fields.date'],
  ];

  it.each(cases)('%s refuses impossible dates in %#, naming the field', async (channel, input, field) => {
    for (const d of IMPOSSIBLE) await expectRefused(a, channel, input(d), { text: '不是日历上的日期', field });
    // 29 February of a leap year is a day: whatever else the call says, it is not about that field.
    const res = await dispatch(a, channel, input('2024-02-29'));
    if (!res.ok) expect(res.error.field, `${channel}: ${res.error.message}`).not.toBe(field);
  });

  it('refuses impossible months and times the same way', async () => {
    await expectRefused(a, 'supervisors.save', { fields: { name: '张三', category: SUPERVISOR_CATEGORIES[0], birthMonth: '1980-13' } }, { text: '应为年月', field: 'fields.birthMonth' });
    await expectRefused(a, 'chronicle.save', { fields: { year: 2025, precision: 'month', date: '2025-13', text: '事件' } }, { text: '不是日历上的日期', field: 'fields.date' });
    await expectRefused(a, 'visits.list', { month: '2025-00' }, { text: '应为年月', field: 'month' });
    const complaint = (receivedAt: string) => ({ fields: { receivedAt, channel: COMPLAINT_CHANNELS[0], topic: COMPLAINT_TOPICS[0], content: '内容' } });
    await expectRefused(a, 'complaints.save', complaint('2025-03-01 24:00'), { text: '00:00 至 23:59', field: 'fields.receivedAt' });
    await expectRefused(a, 'complaints.save', complaint('2025-03-01 09:60'), { text: '00:00 至 23:59', field: 'fields.receivedAt' });
    expect((await dispatch(a, 'complaints.save', complaint('2024-02-29T23:59'))).ok).toBe(true);
  });
});
