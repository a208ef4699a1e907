import { useEffect, useState } from 'react';
import { Image, List, Stack, Table, Text, Title } from '@mantine/core';
import { pictureUrl } from '../../files';
import type { Block } from '../../../../shared/schemas/blocks';

function Picture({ hash, caption }: { hash: string; caption: string | null }) {
  const [src, setSrc] = useState<string | null | false>(null);
  useEffect(() => {
    let live = true;
    pictureUrl(hash).then((u) => { if (live) setSrc(u); }, () => { if (live) setSrc(false); });
    return () => { live = false; };
  }, [hash]);
  return (
    <Stack gap={2} align="center">
      {src ? <Image src={src} alt={caption ?? '图片'} maw="100%" w="auto" mah={360} fit="contain" />
        : <Text size="sm" c="dimmed">{src === false ? '〔图片无法读取〕' : '〔图片〕'}</Text>}
      {caption && <Text size="sm" c="dimmed">{caption}</Text>}
    </Stack>
  );
}

/** An issued article's body as it prints: not editable, so a plain rendering rather than an idle editor. */
export function ArticleView({ blocks, label }: { blocks: Block[]; label: string }) {
  return (
    <Stack gap="xs" aria-label={label} role="article">
      {blocks.length === 0 && <Text c="dimmed" size="sm">（无正文）</Text>}
      {blocks.map((b, i) => {
        switch (b.type) {
          case 'heading': return <Title key={i} order={Math.min(6, b.level + 3) as 4 | 5 | 6}>{b.text}</Title>;
          case 'paragraph': return (
            <Text key={i} style={{ whiteSpace: 'pre-wrap' }}>
              {b.runs.map((r, j) => (r.bold ? <strong key={j}>{r.text}</strong> : <span key={j}>{r.text}</span>))}
            </Text>
          );
          case 'list': return (
            <List key={i} type={b.ordered ? 'ordered' : 'unordered'} withPadding>
              {b.items.map((it, j) => <List.Item key={j} style={{ whiteSpace: 'pre-wrap' }}>{it}</List.Item>)}
            </List>
          );
          case 'image': return <Picture key={i} hash={b.hash} caption={b.caption} />;
          case 'table': return (
            <Table key={i} withTableBorder withColumnBorders>
              <Table.Tbody>
                {b.rows.map((row, r) => (
                  <Table.Tr key={r} fw={b.header && r === 0 ? 700 : undefined}>
                    {row.map((c, k) => <Table.Td key={k}>{c}</Table.Td>)}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          );
        }
      })}
    </Stack>
  );
}
