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

interface NavItem { path: string; label: string; soon?: string }

const REGISTERS: NavItem[] = [
  { path: '/supervisors', label: '督学' },
  { path: '/schools', label: '学校' },
  { path: '/zones', label: '责任区' },
  { path: '/excel', label: '导入导出' },
];
const WORK: NavItem[] = [
  { path: '/dashboard', label: '首页概览', soon: '本月督导覆盖率、各督学督导次数、问题整改率与逾期数、来访来电统计。' },
  { path: '/calendar', label: '行事历', soon: '按学年规划每月主题与工作事项，跟踪完成情况。' },
  { path: '/visits', label: '督导记录', soon: '“三五七”督导记录：亮点、问题、反馈，照片与附件。' },
  { path: '/problems', label: '问题整改', soon: '问题台账、整改通知书、整改报告与回查销号。' },
  { path: '/complaints', label: '应访督导', soon: '来访、来电、信件和网络反映的登记与处理。' },
  { path: '/briefings', label: '督导简报', soon: '按月起草《督导工作简报》，一键生成符合公文格式的 Word 文档。' },
  { path: '/chronicle', label: '大事记', soon: '汇编年度《教育督导大事记》。' },
  { path: '/cases', label: '案例集', soon: '收集督导案例、学习心得与论文，编印案例集。' },
  { path: '/yearly', label: '年度归档', soon: '年终将全年文件归档为只读，并生成归档目录。' },
];
const SYSTEM: NavItem[] = [
  { path: '/settings', label: '设置' },
  { path: '/recycle', label: '回收站' },
  { path: '/audit', label: '操作日志' },
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
          <Text size="sm" c="dimmed">档案文件夹：{status.data?.folder}</Text>
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
          <Route path="/" element={<Navigate to="/supervisors" replace />} />
          <Route path="/supervisors/*" element={<SupervisorsPage />} />
          <Route path="/schools/*" element={<SchoolsPage />} />
          <Route path="/zones/*" element={<ZonesPage />} />
          <Route path="/excel" element={<ExcelPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="/recycle" element={<RecyclePage />} />
          <Route path="/audit" element={<AuditPage />} />
          {WORK.map((it) => (
            <Route key={it.path} path={it.path} element={<ComingSoon title={it.label} description={it.soon ?? ''} />} />
          ))}
          <Route path="*" element={<Navigate to="/supervisors" replace />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}
