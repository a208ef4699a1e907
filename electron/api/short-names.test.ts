import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { call } from './index';
import type { SearchResult } from '../../shared/schemas/dashboard';

// Names as people type them (issue 16): a school by full name, short name (简称) or pinyin initials
// in every picker's search and in the global search, which also finds the school's records by its
// short name and shows the snippet that matched.

let a: Awaited<ReturnType<typeof tempStore>>;
const ids: Record<string, number> = {};
beforeAll(async () => {
  a = await tempStore({ init: 'empty' });
  const school = async (fullName: string, shortName: string | null) =>
    (await call(a, 'schools.save', { fields: { fullName, shortName, type: '小学' } })).id;
  ids.yixiao = await school('清河区第一小学', '清河一小');
  ids.shixiao = await school('清河区实验小学', '清河实小');
  ids.baisha = await school('白沙镇中心小学', null);
  ids.gone = await school('清河区第九小学', '清河九小');
  ids.zhang = (await call(a, 'supervisors.save', { fields: { name: '张明', category: '兼职督学' } })).id;
  ids.shan = (await call(a, 'supervisors.save', { fields: { name: '单雄信', category: '兼职督学' } })).id;
  const visit = async (schoolId: number, narrative: string) => (await call(a, 'visits.save', { fields: {
    schoolId, date: '2025-04-10', supervisorIds: [ids.zhang], type: '经常性', narrative,
  } })).id;
  ids.visitYixiao = await visit(ids.yixiao, '检查了食堂后厨，食品留样不足125克，已要求整改。');
  ids.visitShixiao = await visit(ids.shixiao, '巡视校园，消防通道畅通。');
  ids.visitGone = await visit(ids.gone, '巡视校园。');
  ids.problem = (await call(a, 'problems.save', { fields: { source: '督导记录', schoolId: ids.yixiao, category: '其他', description: '档案柜未上锁' } })).id;
  ids.complaint = (await call(a, 'complaints.save', { fields: {
    receivedAt: '2025-04-11 09:30', channel: '来电', topic: '管理', schoolId: ids.yixiao, content: '家长反映午休管理不到位',
  } })).id;
  await call(a, 'schools.delete', { id: ids.gone });
});
afterAll(() => a.dispose());

const group = (r: SearchResult, kind: string) => r.groups.find((g) => g.kind === kind);
const hitIds = (r: SearchResult, kind: string) => group(r, kind)?.hits.map((h) => h.id) ?? [];

describe('a school found by short name and pinyin initials', () => {
  it('in the pickers\' search (schools.list q): full name, short name, initials in any case', async () => {
    const names = async (q: string) => (await call(a, 'schools.list', { q })).rows.map((s) => s.fullName);
    expect(await names('清河区第一小学')).toEqual(['清河区第一小学']);
    expect(await names('清河一小')).toEqual(['清河区第一小学']);
    expect(await names('qhyx')).toEqual(['清河区第一小学']);
    expect(await names('QHQDYXX')).toEqual(['清河区第一小学']);
    expect(await names('qh')).toEqual(['清河区第一小学', '清河区实验小学']); // 清河区第九小学 is in the 回收站
    expect(await names('bszz')).toEqual(['白沙镇中心小学']); // bai sha zhen zhong xin …
    expect(await names('dyxx')).toEqual([]); // initials are typed from the start of a name, not from its middle
    // The pickers that list every school search on the page: each school carries its initials.
    const all = (await call(a, 'schools.list', { limit: 500 })).rows;
    expect(all.find((s) => s.id === ids.yixiao)).toMatchObject({ shortName: '清河一小', initials: 'qhqdyxx qhyx' });
  });

  it('a person by name or initials, polyphonic surnames as surnames', async () => {
    const names = async (q: string) => (await call(a, 'supervisors.list', { q })).rows.map((s) => s.name);
    expect(await names('zm')).toEqual(['张明']);
    expect(await names('sxx')).toEqual(['单雄信']); // 单 read as the surname shan, not dan
    expect(await names('dxx')).toEqual([]);
  });
});

describe('the global search', () => {
  it('finds the school and its records by its short name, with the match as the snippet', async () => {
    const r = await call(a, 'search.global', { q: '清河一小', limit: 8 });
    expect(hitIds(r, 'school')).toEqual([ids.yixiao]);
    expect(hitIds(r, 'visit')).toEqual([ids.visitYixiao]);
    expect(hitIds(r, 'problem')).toEqual([ids.problem]);
    expect(hitIds(r, 'complaint')).toEqual([ids.complaint]);
    expect(group(r, 'school')!.hits[0].snippet).toEqual({ before: '清河区第一小学 ', match: '清河一小', after: '' });
    // The visit's text does not name the school: the snippet is the school's name.
    expect(group(r, 'visit')!.hits[0].snippet).toEqual({ before: '清河区第一小学（', match: '清河一小', after: '）' });
    expect(group(r, 'visit')!.total).toBe(1);
  });

  it('finds them by pinyin initials too, and a person by initials', async () => {
    const r = await call(a, 'search.global', { q: 'qhyx', limit: 8 });
    expect(hitIds(r, 'school')).toEqual([ids.yixiao]);
    expect(hitIds(r, 'visit')).toEqual([ids.visitYixiao]);
    expect(group(r, 'school')!.hits[0].snippet).toMatchObject({ match: 'qhyx' });
    const p = await call(a, 'search.global', { q: 'sxx', limit: 8 });
    expect(hitIds(p, 'supervisor')).toEqual([ids.shan]);
    expect(group(p, 'supervisor')!.hits[0].snippet).toEqual({ before: '单雄信（', match: 'sxx', after: '）' });
  });

  it('shows where the record\'s own text matched, with the text around it', async () => {
    const r = await call(a, 'search.global', { q: '留样', limit: 8 });
    expect(hitIds(r, 'visit')).toEqual([ids.visitYixiao]);
    expect(group(r, 'visit')!.hits[0].snippet).toEqual({ before: '检查了食堂后厨，食品', match: '留样', after: '不足125克，已要求整改。' });
  });

  it('leaves out records of a school in the 回收站, and a 1-character query does not list every school\'s records', async () => {
    expect(hitIds(await call(a, 'search.global', { q: '清河九小', limit: 8 }), 'visit')).toEqual([]);
    expect(hitIds(await call(a, 'search.global', { q: '清', limit: 8 }), 'visit')).toEqual([]);
  });
});
