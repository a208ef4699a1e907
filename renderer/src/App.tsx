import { AppShell, Group, Loader, NavLink, ScrollArea, Text, Title, Badge, Center, Alert } from '@mantine/core';
import { NavLink as RouterLink, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useApi } from './useApi';
import { WelcomePage } from './pages/WelcomePage';
import { SupervisorsPage } from './pages/SupervisorsPage';
import { SchoolsPage } from './pages/SchoolsPage';
import { ZonesPage } from './pages/ZonesPage';
import { ExcelPage } from './pages/ExcelPage';
import { SettingsPage } from './pages/SettingsPage';
import { RecyclePage } from './pages/RecyclePage';
import { AuditPage } from './pages/AuditPage';
import { ComingSoon } from './components/ComingSoon';
import { DashboardPage } from './pages/DashboardPage';
import { CalendarPage } from './pages/CalendarPage';
import { ComplaintsPage } from './pages/ComplaintsPage';
import { GlobalSearch } from './components/GlobalSearch';
import { BackupsPage } from './pages/BackupsPage';
import { BackupWarning } from './components/BackupWarning';
import { CasesPage } from './pages/CasesPage';
import { BriefingsPage } from './pages/BriefingsPage';
import { ChroniclePage } from './pages/ChroniclePage';
import { VisitsPage } from './pages/VisitsPage';
import { ProblemsPage } from './pages/ProblemsPage';
import { YearlyPage } from './pages/YearlyPage';

interface NavItem { path: string; label: string; soon?: string }

const REGISTERS: NavItem[] = [
  { path: '/supervisors', label: '督学' },
  { path: '/schools', label: '学校' },
  { path: '/zones', label: '责任区' },
  { path: '/excel', label: '导入导出' },
];
const WORK: NavItem[] = [
  { path: '/dashboard', label: '首页概览' },
  { path: '/calendar', label: '行事历' },
  { path: '/visits', label: '督导记录' },
  { path: '/problems', label: '问题整改' },
  { path: '/complaints', label: '应访督导' },
  { path: '/briefings', label: '督导简报' },
  { path: '/chronicle', label: '大事记' },
  { path: '/cases', label: '案例集' },
  { path: '/yearly', label: '年度归档' },
];
const SYSTEM: NavItem[] = [
  { path: '/settings', label: '设置' },
  { path: '/recycle', label: '回收站' },
  { path: '/audit', label: '操作日志' },
  { path: '/backups', label: '备份与恢复' },
];

function Section({ title, items }: { title: string; items: NavItem[] }) {
  const location = useLocation();
  return (
    <>
      <Text size="xs" c="dimmed" fw={700} mt="md" mb={4} px="sm">{title}</Text>
      {items.map((it) => (
        <NavLink
          key={it.path}
          component={RouterLink}
          to={it.path}
          label={it.label}
          active={location.pathname.startsWith(it.path)}
          rightSection={it.soon ? <Badge size="xs" color="gray" variant="light">即将推出</Badge> : null}
        />
      ))}
    </>
  );
}

export function App() {
  const status = useApi('archive.status', {});
  if (status.loading && !status.data) return <Center h="100vh"><Loader /></Center>;
  if (status.error) return <Center h="100vh"><Alert color="red" title="无法打开档案">{status.error}</Alert></Center>;
  if (status.data && !status.data.initialized) return <WelcomePage onDone={status.reload} />;

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={3} c="red.8">督导档案</Title>
          <GlobalSearch />
          <Group gap="sm"><BackupWarning /><Text size="sm" c="dimmed">档案文件夹：{status.data?.folder}</Text></Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          <Section title="名册" items={REGISTERS} />
          <Section title="督导工作" items={WORK} />
          <Section title="系统" items={SYSTEM} />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Routes>
          <Route path="/" element={<Navigate to="/dashboard" replace />} />
          <Route path="/supervisors/*" element={<SupervisorsPage />} />
          <Route path="/schools/*" element={<SchoolsPage />} />
          <Route path="/zones/*" element={<ZonesPage />} />
          <Route path="/excel" element={<ExcelPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="/recycle" element={<RecyclePage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="/backups" element={<BackupsPage />} />
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/calendar" element={<CalendarPage />} />
          <Route path="/complaints/*" element={<ComplaintsPage />} />
          <Route path="/cases/*" element={<CasesPage />} />
          <Route path="/briefings/*" element={<BriefingsPage />} />
          <Route path="/chronicle" element={<ChroniclePage />} />
          <Route path="/visits/*" element={<VisitsPage />} />
          <Route path="/problems/*" element={<ProblemsPage />} />
          <Route path="/yearly" element={<YearlyPage />} />
          {WORK.filter((it) => it.soon).map((it) => (
            <Route key={it.path} path={it.path} element={<ComingSoon title={it.label} description={it.soon ?? ''} />} />
          ))}
          <Route path="*" element={<Navigate to="/supervisors" replace />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}
