import { Route, Routes } from 'react-router-dom';
import { VisitList } from './visits/VisitList';
import { VisitForm } from './visits/VisitForm';
import { VisitDetail } from './visits/VisitDetail';
import { VisitForms } from './visits/VisitForms';

/**
 * 督导记录: the list (or a school's / a supervisor's timeline at ?schoolId= / ?supervisorId=),
 * the "三五七" form and one record; the 督导记录表 sent to supervisors and filed back (forms).
 */
export function VisitsPage() {
  return (
    <Routes>
      <Route index element={<VisitList />} />
      <Route path="new" element={<VisitForm />} />
      <Route path="forms" element={<VisitForms />} />
      <Route path=":id" element={<VisitDetail />} />
      <Route path=":id/edit" element={<VisitForm key="edit" />} />
    </Routes>
  );
}
