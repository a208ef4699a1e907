import { Route, Routes } from 'react-router-dom';
import { ProblemLedger } from './problems/ProblemLedger';
import { ProblemDetail } from './problems/ProblemDetail';
import { NoticeList } from './problems/NoticeList';
import { NoticeDetail } from './problems/NoticeDetail';

/** 问题整改: the 台账, one problem with its history, and the 整改通知书 with report and 回查. */
export function ProblemsPage() {
  return (
    <Routes>
      <Route index element={<ProblemLedger />} />
      <Route path="notices" element={<NoticeList />} />
      <Route path="notices/:id" element={<NoticeDetail />} />
      <Route path=":id" element={<ProblemDetail />} />
    </Routes>
  );
}
