import { Route, Routes } from 'react-router-dom';
import { BriefingList } from './briefings/BriefingList';
import { BriefingEditor } from './briefings/BriefingEditor';

/** 督导工作简报: the list of drafts and issued briefings, and one briefing's drafting workspace. */
export function BriefingsPage() {
  return (
    <Routes>
      <Route index element={<BriefingList />} />
      <Route path=":id" element={<BriefingEditor />} />
    </Routes>
  );
}
