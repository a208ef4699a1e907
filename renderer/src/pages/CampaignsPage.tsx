import { Route, Routes } from 'react-router-dom';
import { CampaignList } from './campaigns/CampaignList';
import { CampaignDetail } from './campaigns/CampaignDetail';
import { FourListsPage } from './campaigns/FourListsView';

/** 专项督导: the campaigns, one campaign (schools, problems, report, 四清单, 回头看), the year's 四清单. */
export function CampaignsPage() {
  return (
    <Routes>
      <Route index element={<CampaignList />} />
      <Route path="four-lists" element={<FourListsPage />} />
      <Route path=":id" element={<CampaignDetail />} />
    </Routes>
  );
}
