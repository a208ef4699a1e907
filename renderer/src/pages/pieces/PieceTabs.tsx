import { Tabs } from '@mantine/core';
import { useNavigate } from 'react-router-dom';

/** The two lists of the area: the pieces and the collections. */
export function PieceTabs({ active }: { active: 'pieces' | 'collections' }) {
  const navigate = useNavigate();
  return (
    <Tabs value={active} onChange={(v) => navigate(v === 'collections' ? '/pieces/collections' : '/pieces')}>
      <Tabs.List>
        <Tabs.Tab value="pieces">文章</Tabs.Tab>
        <Tabs.Tab value="collections">汇编</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}

export function years(): string[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 10 }, (_, i) => String(now + 1 - i));
}
