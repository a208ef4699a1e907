import { lazy, Suspense, useEffect, useState } from 'react';
import { AppShell, Collapse, Group, Loader, NavLink, ScrollArea, Text, Title, Center, Alert, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useSaveShortcut } from './lib/shortcuts';
import { NavLink as RouterLink, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useApi } from './useApi';
import { prefetch } from './prefetch';
import { dashboardQuery } from './pages/dashboard/query';
import { GlobalSearch } from './components/GlobalSearch';
import { BackupWarning } from './components/BackupWarning';
import { JobProgress } from './components/JobProgress';
import { OperatorBadge } from './components/Operator';

// The first screen's data is asked for at once, alongside loading the code: the archive's status, then
// (once it is open) the header's backup status and, when the app opens on 首页概览, its numbers.
void prefetch('dataFolder.status', {}).then((s) => {
  if (!s.initialized) return;
  prefetch('backups.status', {});
  const [route, search = ''] = window.location.hash.replace(/^#/, '').split('?');
  if (route === '' || route === '/' || route === '/dashboard') {
    prefetch('zones.list', {});
    prefetch('dashboard.get', dashboardQuery(new URLSearchParams(search)));
  }
}, () => undefined);

// Each page is its own chunk (recharts, tiptap, … load with the pages that use them). The dashboard, the
// first screen, starts loading with the app, alongside dataFolder.status, rather than after it.
const dashboardChunk = import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage }));
const WelcomePage = lazy(() => import('./pages/WelcomePage').then((m) => ({ default: m.WelcomePage })));
const SupervisorsPage = lazy(() => import('./pages/SupervisorsPage').then((m) => ({ default: m.SupervisorsPage })));
const SchoolsPage = lazy(() => import('./pages/SchoolsPage').then((m) => ({ default: m.SchoolsPage })));
const ZonesPage = lazy(() => import('./pages/ZonesPage').then((m) => ({ default: m.ZonesPage })));
const ExcelPage = lazy(() => import('./pages/ExcelPage').then((m) => ({ default: m.ExcelPage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const RecyclePage = lazy(() => import('./pages/RecyclePage').then((m) => ({ default: m.RecyclePage })));
const AuditPage = lazy(() => import('./pages/AuditPage').then((m) => ({ default: m.AuditPage })));
const DashboardPage = lazy(() => dashboardChunk);
const CalendarPage = lazy(() => import('./pages/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const ComplaintsPage = lazy(() => import('./pages/ComplaintsPage').then((m) => ({ default: m.ComplaintsPage })));
const BackupsPage = lazy(() => import('./pages/BackupsPage').then((m) => ({ default: m.BackupsPage })));
const PiecesPage = lazy(() => import('./pages/PiecesPage').then((m) => ({ default: m.PiecesPage })));
const BriefingsPage = lazy(() => import('./pages/BriefingsPage').then((m) => ({ default: m.BriefingsPage })));
const ChroniclePage = lazy(() => import('./pages/ChroniclePage').then((m) => ({ default: m.ChroniclePage })));
const VisitsPage = lazy(() => import('./pages/VisitsPage').then((m) => ({ default: m.VisitsPage })));
const ProblemsPage = lazy(() => import('./pages/ProblemsPage').then((m) => ({ default: m.ProblemsPage })));
const YearClosePage = lazy(() => import('./pages/YearClosePage').then((m) => ({ default: m.YearClosePage })));
const CampaignsPage = lazy(() => import('./pages/CampaignsPage').then((m) => ({ default: m.CampaignsPage })));
const EvaluationsPage = lazy(() => import('./pages/EvaluationsPage').then((m) => ({ default: m.EvaluationsPage })));
const TrainingsPage = lazy(() => import('./pages/TrainingsPage').then((m) => ({ default: m.TrainingsPage })));
const AssessmentsPage = lazy(() => import('./pages/AssessmentsPage').then((m) => ({ default: m.AssessmentsPage })));

interface NavItem { path: string; label: string }

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
  { path: '/campaigns', label: '专项督导' },
  { path: '/evaluations', label: '评估监测' },
  { path: '/complaints', label: '应访督导' },
  { path: '/briefings', label: '督导简报' },
  { path: '/chronicle', label: '大事记' },
  { path: '/pieces', label: '案例集' },
  { path: '/trainings', label: '培训会议' },
  { path: '/assessments', label: '督学考核' },
  { path: '/year-close', label: '年度归档' },
];
const SYSTEM: NavItem[] = [
  { path: '/settings', label: '设置' },
  { path: '/recycle', label: '回收站' },
  { path: '/audit', label: '操作日志' },
  { path: '/backups', label: '备份与恢复' },
];

const COLLAPSED_KEY = 'dudao.nav.collapsed';

/** Which sidebar groups the user folded away (kept between sessions). */
function useCollapsed(): [Set<string>, (title: string) => void] {
  const [collapsed, setCollapsed] = useState<Set<string>>(() => {
    try { return new Set(JSON.parse(localStorage.getItem(COLLAPSED_KEY) ?? '[]') as string[]); } catch { return new Set(); }
  });
  useEffect(() => { try { localStorage.setItem(COLLAPSED_KEY, JSON.stringify([...collapsed])); } catch { /* private mode */ } }, [collapsed]);
  const toggle = (title: string) => setCollapsed((old) => {
    const next = new Set(old);
    if (!next.delete(title)) next.add(title);
    return next;
  });
  return [collapsed, toggle];
}

/**
 * A sidebar group: compact links, so all three groups fit a 1366×768 screen unscrolled, and a title
 * that folds the group away (the group of the page shown stays open).
 */
function Section({ title, items, collapsed, onToggle }: { title: string; items: NavItem[]; collapsed: boolean; onToggle: () => void }) {
  const location = useLocation();
  const here = items.some((it) => location.pathname.startsWith(it.path));
  const open = !collapsed || here;
  return (
    <>
      <UnstyledButton onClick={onToggle} mt={10} mb={2} px="sm" aria-expanded={open} aria-label={`${open ? '收起' : '展开'}${title}`}>
        <Group gap={4}>
          {open ? <IconChevronDown size={12} color="var(--mantine-color-dimmed)" /> : <IconChevronRight size={12} color="var(--mantine-color-dimmed)" />}
          <Text size="xs" c="dimmed" fw={700}>{title}</Text>
        </Group>
      </UnstyledButton>
      <Collapse expanded={open}>
        {items.map((it) => (
          <NavLink
            key={it.path}
            component={RouterLink}
            to={it.path}
            label={it.label}
            active={location.pathname.startsWith(it.path)}
            py={3}
            // A tight line (24 px a link, as Explorer's own list): the 23 pages and their 3 titles fit 768 px.
            styles={{ root: { fontSize: 'var(--mantine-font-size-sm)', lineHeight: 1.3 } }}
          />
        ))}
      </Collapse>
    </>
  );
}

const pageLoader = <Center h={200}><Loader /></Center>;

export function App() {
  const status = useApi('dataFolder.status', {});
  const [collapsed, toggle] = useCollapsed();
  useSaveShortcut();
  if (status.loading && !status.data) return <Center h="100vh"><Loader /></Center>;
  if (status.error) return <Center h="100vh"><Alert color="red" title="无法打开档案">{status.error}</Alert></Center>;
  if (status.data && !status.data.initialized) return <Suspense fallback={pageLoader}><WelcomePage onDone={status.reload} account={status.data.operator.account} /></Suspense>;

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={3} c="red.8">督导档案</Title>
          <GlobalSearch />
          <Group gap="sm" wrap="nowrap" miw={0}>
            <BackupWarning />
            {status.data && <OperatorBadge initial={status.data.operator} />}
            <Text size="sm" c="dimmed" truncate="start" maw={320} title={status.data?.folder}>档案文件夹：{status.data?.folder}</Text>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          {([['名册', REGISTERS], ['督导工作', WORK], ['系统', SYSTEM]] as const).map(([title, items]) => (
            <Section key={title} title={title} items={items} collapsed={collapsed.has(title)} onToggle={() => toggle(title)} />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={pageLoader}>
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
            <Route path="/pieces/*" element={<PiecesPage />} />
            <Route path="/briefings/*" element={<BriefingsPage />} />
            <Route path="/chronicle" element={<ChroniclePage />} />
            <Route path="/visits/*" element={<VisitsPage />} />
            <Route path="/problems/*" element={<ProblemsPage />} />
            <Route path="/year-close" element={<YearClosePage />} />
            <Route path="/campaigns/*" element={<CampaignsPage />} />
            <Route path="/evaluations/*" element={<EvaluationsPage />} />
            <Route path="/trainings/*" element={<TrainingsPage />} />
            <Route path="/assessments/*" element={<AssessmentsPage />} />
            <Route path="*" element={<Navigate to="/supervisors" replace />} />
          </Routes>
        </Suspense>
        <JobProgress />
      </AppShell.Main>
    </AppShell>
  );
}
