import { useState } from 'react';
import { Button, Card, Center, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { call } from '../api';
import { notifyError } from '../notify';

/** First start: an empty archive, or the demo county to look around in. */
export function WelcomePage({ onDone, account }: { onDone: () => void; account: string }) {
  const [busy, setBusy] = useState<'empty' | 'demo' | null>(null);
  // Asked once: the name the 操作日志 records (the computer's account if left as it is).
  const [operator, setOperator] = useState(account);
  async function start(mode: 'empty' | 'demo') {
    setBusy(mode);
    try {
      await call('dataFolder.initialize', { mode, operator: operator.trim() || account });
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }
  return (
    <Center h="100vh" bg="gray.0">
      <Card shadow="sm" padding="xl" radius="md" w={620} withBorder>
        <Stack>
          <Title order={2} c="red.8">欢迎使用督导档案</Title>
          <Text>督导档案为教育督导室保管督学、学校、责任区与挂牌信息，记录督导工作，并按公文格式生成 Word 文档。所有数据保存在本机的档案文件夹中。</Text>
          <TextInput label="您的姓名" description="操作日志以此姓名记录每一次修改；以后可在“设置”中修改。" w={300} maxLength={20}
            value={operator} onChange={(e) => setOperator(e.currentTarget.value)} />
          <Text fw={600}>请选择如何开始：</Text>
          <Group grow align="stretch">
            <Card withBorder padding="md">
              <Stack gap="xs" h="100%" justify="space-between">
                <Text size="sm">从空白档案开始，录入或从 Excel 导入本单位的督学和学校名册。</Text>
                <Button onClick={() => start('empty')} loading={busy === 'empty'} disabled={busy !== null}>创建空档案</Button>
              </Stack>
            </Card>
            <Card withBorder padding="md">
              <Stack gap="xs" h="100%" justify="space-between">
                <Text size="sm">载入一个虚构县区的示例档案（约30所学校、25名督学），先熟悉各项功能。</Text>
                <Button variant="light" onClick={() => start('demo')} loading={busy === 'demo'} disabled={busy !== null}>载入示例档案</Button>
              </Stack>
            </Card>
          </Group>
        </Stack>
      </Card>
    </Center>
  );
}
