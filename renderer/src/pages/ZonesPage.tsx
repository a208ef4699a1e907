import { Route, Routes } from 'react-router-dom';
import { ZoneList } from './zones/ZoneList';
import { ZoneDetail } from './zones/ZoneDetail';

/** 责任区: the zones, and one zone's schools (/zones/none: the schools in no zone). */
export function ZonesPage() {
  return (
    <Routes>
      <Route index element={<ZoneList />} />
      <Route path=":id" element={<ZoneDetail />} />
    </Routes>
  );
}
