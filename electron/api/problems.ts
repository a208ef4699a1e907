import type { HandlerMap } from './types';
import { getProblem, listProblems, problemHistory } from '../store/problems/queries';
import { changeStatus, deleteProblem, raiseProblem, updateProblem } from '../store/problems/workflow';
import { ledgerFileName } from '../documents/ledger';
import { transfers } from '../transfer/transfers';
import { writeLedger } from './files';
import { startJob } from './jobs';
import { getNotice, issueNotice, listNotices, recheckNotice, reportNotice } from '../store/notices';
import { listEscalations } from '../store/escalations';
import { listFollowups } from '../store/followups';

export const problemHandlers: HandlerMap<'problems.list' | 'problems.get' | 'problems.save' | 'problems.transition' | 'problems.delete' | 'problems.exportLedger' | 'notices.list' | 'notices.get' | 'notices.issue' | 'notices.report' | 'notices.recheck'> = {
  'problems.list': (a, query) => listProblems(a, query),
  'problems.get': (a, { id }) => ({
    problem: getProblem(a, id), history: problemHistory(a, id),
    followups: listFollowups(a, { problemId: id, dueBy: null }), escalations: listEscalations(a, { problemId: id }),
  }),
  'problems.save': (a, { id, fields }) => {
    if (id) {
      updateProblem(a, id, fields);
      return getProblem(a, id);
    }
    return getProblem(a, raiseProblem(a, fields));
  },
  'problems.transition': (a, { id, to, note }) => {
    changeStatus(a, id, to, note);
    return getProblem(a, id);
  },
  'problems.delete': (a, { id }) => ({ recycleId: deleteProblem(a, id) }),
  'problems.exportLedger': (a, query) => startJob(a, query.owner === 'unit' ? '导出督政问题台账' : '导出问题整改台账', async (job) => {
    const out = transfers(a).tempPath('.xlsx');
    job.stage('写入台账', 0, 100);
    const rows = await writeLedger(a, query, out, job);
    return { file: transfers(a).offer(out, ledgerFileName(query.owner), { temp: true }), rows };
  }),
  'notices.list': (a, query) => listNotices(a, query),
  'notices.get': (a, { id }) => getNotice(a, id),
  'notices.issue': (a, input) => getNotice(a, issueNotice(a, input)),
  'notices.report': (a, input) => {
    reportNotice(a, input);
    return getNotice(a, input.id);
  },
  'notices.recheck': (a, input) => {
    recheckNotice(a, input);
    return getNotice(a, input.noticeId);
  },
};
