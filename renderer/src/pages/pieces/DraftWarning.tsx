import { useState, type ReactNode } from 'react';
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { Collection } from '../../../../shared/schemas/piece';

type Pieces = Pick<Collection, 'title' | 'pieces'>;

/**
 * Before a collection is compiled into Word: if any of its pieces are still drafts, name them and ask.
 * `confirm(c)` resolves true to go on (no drafts, or the user said so); render `modal` once.
 */
export function useDraftWarning(): { confirm(c: Pieces): Promise<boolean>; modal: ReactNode } {
  const [asking, setAsking] = useState<{ c: Pieces; answer(go: boolean): void } | null>(null);
  const answer = (go: boolean) => { asking?.answer(go); setAsking(null); };
  const drafts = asking?.c.pieces.filter((p) => p.status === '草稿') ?? [];
  return {
    confirm: (c) => (c.pieces.some((p) => p.status === '草稿')
      ? new Promise<boolean>((resolve) => setAsking({ c, answer: resolve }))
      : Promise.resolve(true)),
    modal: (
      <Modal opened={!!asking} onClose={() => answer(false)} title="汇编中有草稿">
        <Stack>
          <Text size="sm">「{asking?.c.title}」收录的文章中有 {drafts.length} 篇仍是草稿，可能还没有写完或没有作者：</Text>
          <List size="sm" spacing={2} aria-label="草稿文章">{drafts.map((p) => <List.Item key={p.id}>《{p.title}》{p.authorDisplay ? `（${p.authorDisplay}）` : '（无作者）'}</List.Item>)}</List>
          <Text size="sm">可先打开这些文章修改后定稿；也可以仍然导出（例如先打印征求意见）。</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => answer(false)}>返回修改</Button>
            <Button color="orange" onClick={() => answer(true)}>仍然导出</Button>
          </Group>
        </Stack>
      </Modal>
    ),
  };
}
