/**
 * The 大事记 candidates of issue 14's records, for store/chronicle.ts to propose with the rest: each
 * campaign's start and its report, each 约谈 and 通报, each evaluation round completed.
 */
import type { Store } from '../store';
import type { ChronicleCandidate } from '../../../shared/schemas/chronicle';
import { listEscalations } from '../escalations';
import { listRounds } from '../evaluations/rounds';
import { listCampaigns } from './repository';

/** A dated candidate of the 专项督导、约谈通报与评估 group (accepted or ignored together on the page). */
const cand = (year: number, date: string, text: string, sourceKind: string, sourceId: number, sourceLabel: string): ChronicleCandidate =>
  ({ year, precision: 'day', date, text, sourceKind, sourceId, sourceLabel, group: 'campaign' });

export function campaignCandidates(a: Store, year: number): ChronicleCandidate[] {
  const inYear = (d: string | null): d is string => !!d && d.startsWith(String(year));
  const out: ChronicleCandidate[] = [];
  for (const c of listCampaigns(a, { year })) {
    if (inYear(c.startDate)) {
      out.push(cand(year, c.startDate, `启动“${c.name.replace(/专项督导$/, '')}”专项督导，对${c.scopeLabel === '选定学校' ? '' : c.scopeLabel}${c.progress.schoolsPlanned}所学校开展督导`,
        'campaign', c.id, '专项督导'));
    }
    if (c.status === '已完成' && inYear(c.closedAt)) {
      out.push(cand(year, c.closedAt, `完成“${c.name.replace(/专项督导$/, '')}”专项督导，督导学校${c.progress.schoolsChecked}所，发现问题${c.progress.problemsRaised}个`,
        'campaignDone', c.id, '专项督导'));
    }
  }
  for (const e of listEscalations(a, { year })) {
    const owners = [...new Set(e.problems.map((p) => p.ownerName))];
    const about = `${owners.slice(0, 3).join('、')}${owners.length > 3 ? `等${owners.length}个单位` : ''}`;
    out.push(cand(year, e.date, e.kind === '约谈'
      ? `约谈${e.target}，就${about}${e.problems.length}个问题整改不力提出要求`
      : `通报${about}${e.problems.length}个问题的整改情况${e.hosts ? `（${e.hosts}）` : ''}`, 'escalation', e.id, e.kind));
  }
  for (const r of listRounds(a)) {
    if (r.closedAt && inYear(r.closedAt)) {
      out.push(cand(year, r.closedAt, `完成${r.name}，${r.assessed}所学校中达标${r.passed}所，达标率${r.passRate}%`,
        'evaluation', r.id, r.kind));
    }
  }
  return out;
}
