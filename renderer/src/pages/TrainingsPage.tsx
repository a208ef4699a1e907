import { Route, Routes } from 'react-router-dom';
import { TrainingList } from './trainings/TrainingList';
import { TrainingForm } from './trainings/TrainingForm';
import { HoursView } from './trainings/HoursView';
import { PlanList } from './trainings/PlanList';
import { PlanEditor } from './trainings/PlanEditor';

/** 培训会议: the year's events, one event with its attendance, each supervisor's 学时, the training plans. */
export function TrainingsPage() {
  return (
    <Routes>
      <Route index element={<TrainingList />} />
      <Route path="new" element={<TrainingForm key="new" />} />
      <Route path="hours" element={<HoursView />} />
      <Route path="plans" element={<PlanList />} />
      <Route path="plans/new" element={<PlanEditor key="new" />} />
      <Route path="plans/:id" element={<PlanEditor key="edit" />} />
      <Route path=":id" element={<TrainingForm key="edit" />} />
    </Routes>
  );
}
