import { Route, Routes } from 'react-router-dom';
import { VisitList } from './visits/VisitList';
import { VisitForm } from './visits/VisitForm';
import { VisitDetail } from './visits/VisitDetail';

/**
 * 督导记录: the list (or a school's / a supervisor's timeline at ?schoolId= / ?supervisorId=),
 * the "三五七" form and one record.
 */
export function VisitsPage() {
  return (
    <Routes>
      <Route index element={<VisitList />} />
      <Route path="new" element={<VisitForm />} />
      <Route path=":id" element={<VisitDetail />} />
      <Route path=":id/edit" element={<VisitForm key="edit" />} />
    </Routes>
  );
}
