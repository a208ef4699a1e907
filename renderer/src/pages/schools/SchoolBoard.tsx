import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Anchor, Avatar, Box, Button, Card, Group, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { pictureUrl } from '../../files';
import { useApi } from '../../useApi';
import type { SchoolSupervisor } from '../../../../shared/schemas/school';

// Printing shows only the board: the app's header, navigation and buttons stay on screen.
const PRINT_CSS = `
@media print {
  .mantine-AppShell-header, .mantine-AppShell-navbar, .no-print { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; }
  .school-board { border: 2px solid #c92a2a !important; box-shadow: none !important; }
}`;

function Photo({ s }: { s: SchoolSupervisor }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!s.photo) return;
    let live = true;
    pictureUrl(s.photo).then((u) => { if (live) setSrc(u); }).catch(() => undefined);
    return () => { live = false; };
  }, [s.photo]);
  return (
    <Avatar src={src} alt={`${s.name}的照片`} size={96} radius="sm" color="red">
      {s.name.slice(0, 1)}
    </Avatar>
  );
}

/** The 公示牌 at the school gate: who supervises the school, what they check, whom to call. */
export function SchoolBoard() {
  const id = Number(useParams().id);
  const res = useApi('schools.board', { id });
  if (res.error) return <Alert color="red" title="无法生成公示牌">{res.error}</Alert>;
  if (!res.data) return <Loader />;
  const b = res.data;

  return (
    <Stack maw={900}>
      <style>{PRINT_CSS}</style>
      <Group justify="space-between" className="no-print">
        <Anchor component={Link} to={`/schools/${id}`}>← 返回学校</Anchor>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>打印公示牌</Button>
      </Group>

      <Card withBorder shadow="sm" padding="xl" className="school-board" style={{ borderColor: 'var(--mantine-color-red-8)', borderWidth: 2 }} aria-label="公示牌">
        <Stack gap="lg">
          <Box ta="center">
            <Title order={1} c="red.8">{b.school.fullName}</Title>
            <Title order={2} mt={4}>责任督学挂牌督导公示牌</Title>
          </Box>

          {b.supervisors.length === 0 ? (
            <Text c="dimmed" ta="center">这所学校还没有挂牌督学，请先在学校页面添加。</Text>
          ) : (
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="lg">
              {b.supervisors.map((s) => (
                <Group key={s.assignmentId} wrap="nowrap" align="flex-start" data-testid="board-supervisor">
                  <Photo s={s} />
                  <Stack gap={2}>
                    <Text fw={700} size="lg">{s.name}</Text>
                    <Text size="sm">{s.role}</Text>
                    <Text size="sm">电话：{s.mobile ?? '—'}</Text>
                  </Stack>
                </Group>
              ))}
            </SimpleGrid>
          )}

          <div>
            <Title order={4} mb="xs">督导事项</Title>
            <List type="ordered" spacing={4}>
              {b.items.map((item) => <List.Item key={item}>{item}</List.Item>)}
            </List>
          </div>

          <Group justify="space-between" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-4)' }}>
            <Text fw={600}>{b.officeName}</Text>
            <Text fw={600}>督导室电话：{b.officePhone ?? <span className="no-print">（未设置，请在「设置」中填写）</span>}</Text>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
