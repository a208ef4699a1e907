import { Route, Routes } from 'react-router-dom';
import { EvaluationHome } from './evaluations/EvaluationHome';
import { IndicatorSetEditor } from './evaluations/IndicatorSetEditor';
import { RoundDetail } from './evaluations/RoundDetail';

/** 评估监测: rounds (综合督导评估, 达标监测, 办学质量考评 …) and the indicator library. */
export function EvaluationsPage() {
  return (
    <Routes>
      <Route index element={<EvaluationHome />} />
      <Route path="library/:id" element={<IndicatorSetEditor />} />
      <Route path=":id" element={<RoundDetail />} />
    </Routes>
  );
}
