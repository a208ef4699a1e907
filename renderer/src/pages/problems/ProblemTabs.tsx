import { Tabs } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router-dom';

/** 问题台账 | 整改通知书: the two lists of 问题整改. */
export function ProblemTabs() {
  const navigate = useNavigate();
  const notices = useLocation().pathname.startsWith('/problems/notices');
  return (
    <Tabs value={notices ? 'notices' : 'ledger'} onChange={(v) => navigate(v === 'notices' ? '/problems/notices' : '/problems')}>
      <Tabs.List>
        <Tabs.Tab value="ledger">问题台账</Tabs.Tab>
        <Tabs.Tab value="notices">整改通知书</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
