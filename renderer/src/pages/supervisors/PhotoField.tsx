import { useEffect, useRef, useState } from 'react';
import { Avatar, Button, Group, Stack, Text } from '@mantine/core';
import { IconUpload, IconUser } from '@tabler/icons-react';
import { call } from '../../api';
import { resizeImage } from '../../files';
import { notifyError } from '../../notify';

/** The 照片: shrunk in the browser, stored by content hash, shown from the archive. */
export function PhotoField({ hash, onChange, error }: { hash: string | null; onChange(hash: string | null): void; error?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [src, setSrc] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    if (!hash) { setSrc(null); return; }
    call('attachments.get', { hash })
      .then((r) => { if (live) setSrc(r.dataUrl); })
      .catch(() => { if (live) setSrc(null); });
    return () => { live = false; };
  }, [hash]);

  async function upload(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    try {
      const data = await resizeImage(file);
      const name = `${file.name.replace(/\.[^.]*$/, '') || '照片'}.jpg`;
      const { hash: h } = await call('attachments.put', { fileName: name, mime: 'image/jpeg', data });
      onChange(h);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <Stack gap={6} align="center" w={130}>
      <Avatar src={src} alt="督学照片" size={112} radius="sm" color="gray">
        <IconUser size={56} stroke={1.2} />
      </Avatar>
      <input
        ref={input} type="file" accept="image/png,image/jpeg,image/webp,image/bmp" hidden
        aria-label="选择照片文件" onChange={(e) => void upload(e.currentTarget.files?.[0])}
      />
      <Group gap={4} justify="center">
        <Button size="compact-xs" variant="light" leftSection={<IconUpload size={12} />} loading={busy}
          onClick={() => input.current?.click()}>{hash ? '更换照片' : '上传照片'}</Button>
        {hash && <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onChange(null)}>移除</Button>}
      </Group>
      {error && <Text size="xs" c="red">{error}</Text>}
    </Stack>
  );
}
