import { Route, Routes } from 'react-router-dom';
import { ComplaintList } from './complaints/ComplaintList';
import { ComplaintDetail } from './complaints/ComplaintDetail';

/** 应访督导: the log of 来访、来电、信件、网络 and one entry with the problems raised from it. */
export function ComplaintsPage() {
  return (
    <Routes>
      <Route index element={<ComplaintList />} />
      <Route path=":id" element={<ComplaintDetail />} />
    </Routes>
  );
}
