import { Tabs } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router-dom';

const TABS = [
  ['ledger', '/problems', '问题台账'], ['notices', '/problems/notices', '整改通知书'], ['units', '/problems/units', '督政问题'],
  ['followups', '/problems/followups', '回头看'], ['escalations', '/problems/escalations', '约谈通报'],
] as const;

/** The lists of 问题整改: the schools' 台账, 整改通知书, 督政 (units' problems), 回头看, 约谈 and 通报. */
export function ProblemTabs() {
  const navigate = useNavigate();
  const path = useLocation().pathname;
  const current = TABS.slice(1).find(([, to]) => path.startsWith(to))?.[0] ?? 'ledger';
  return (
    <Tabs value={current} onChange={(v) => navigate(TABS.find(([k]) => k === v)?.[1] ?? '/problems')}>
      <Tabs.List>{TABS.map(([k, , label]) => <Tabs.Tab key={k} value={k}>{label}</Tabs.Tab>)}</Tabs.List>
    </Tabs>
  );
}
