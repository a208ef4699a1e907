import { useEffect, useState } from 'react';
import { Avatar, Button, Group, Stack, Text } from '@mantine/core';
import { IconUpload, IconUser } from '@tabler/icons-react';
import { call } from '../../api';
import { pictureUrl } from '../../files';
import { ChooseFile } from '../../components/ChooseFile';
import type { Uploaded } from '../../../../shared/schemas/files';

/** The 照片: shrunk to 480 px, stored by content hash, shown from the archive. */
export function PhotoField({ hash, onChange, error }: { hash: string | null; onChange(hash: string | null): void; error?: string }) {
  const [src, setSrc] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    if (!hash) { setSrc(null); return; }
    pictureUrl(hash)
      .then((u) => { if (live) setSrc(u); })
      .catch(() => { if (live) setSrc(null); });
    return () => { live = false; };
  }, [hash]);

  async function store([photo]: Uploaded[]) {
    onChange((await call('attachments.put', { uploadId: photo.uploadId })).hash);
  }

  return (
    <Stack gap={6} align="center" w={130}>
      <Avatar src={src} alt="督学照片" size={112} radius="sm" color="gray">
        <IconUser size={56} stroke={1.2} />
      </Avatar>
      <Group gap={4} justify="center">
        <ChooseFile kind="photo" label="选择照片文件" onChosen={store}>
          {(open, busy) => (
            <Button size="compact-xs" variant="light" leftSection={<IconUpload size={12} />} loading={busy}
              onClick={open}>{hash ? '更换照片' : '上传照片'}</Button>
          )}
        </ChooseFile>
        {hash && <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onChange(null)}>移除</Button>}
      </Group>
      {error && <Text size="xs" c="red">{error}</Text>}
    </Stack>
  );
}
