import { Route, Routes } from 'react-router-dom';
import { AssessmentList } from './assessments/AssessmentList';
import { AssessmentDetail } from './assessments/AssessmentDetail';
import { SchemeEditor } from './assessments/SchemeEditor';

/** 督学考核: the years assessed, one year's table (adjust, finish, export), and the office's 考核办法. */
export function AssessmentsPage() {
  return (
    <Routes>
      <Route index element={<AssessmentList />} />
      <Route path="scheme" element={<SchemeEditor />} />
      <Route path=":id" element={<AssessmentDetail />} />
    </Routes>
  );
}
