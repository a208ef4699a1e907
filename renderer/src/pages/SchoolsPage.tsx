import { Route, Routes } from 'react-router-dom';
import { SchoolList } from './schools/SchoolList';
import { SchoolDetail } from './schools/SchoolDetail';
import { SchoolBoard } from './schools/SchoolBoard';

/** 学校: the list, one school with its 挂牌, and its 公示牌. */
export function SchoolsPage() {
  return (
    <Routes>
      <Route index element={<SchoolList />} />
      <Route path=":id" element={<SchoolDetail />} />
      <Route path=":id/board" element={<SchoolBoard />} />
    </Routes>
  );
}
