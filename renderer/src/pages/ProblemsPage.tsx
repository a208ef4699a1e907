import { Route, Routes } from 'react-router-dom';
import { ProblemLedger } from './problems/ProblemLedger';
import { ProblemDetail } from './problems/ProblemDetail';
import { NoticeList } from './problems/NoticeList';
import { NoticeDetail } from './problems/NoticeDetail';
import { UnitProblems } from './problems/UnitProblems';
import { FollowupsPage } from './problems/FollowupList';
import { EscalationsPage } from './problems/EscalationList';

/** 问题整改: the 台账, one problem with its history, the 整改通知书 with report and 回查, 督政, 回头看, 约谈通报. */
export function ProblemsPage() {
  return (
    <Routes>
      <Route index element={<ProblemLedger />} />
      <Route path="notices" element={<NoticeList />} />
      <Route path="notices/:id" element={<NoticeDetail />} />
      <Route path="units" element={<UnitProblems />} />
      <Route path="followups" element={<FollowupsPage />} />
      <Route path="escalations" element={<EscalationsPage />} />
      <Route path=":id" element={<ProblemDetail />} />
    </Routes>
  );
}
