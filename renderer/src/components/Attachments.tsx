import { useEffect, useState } from 'react';
import { ActionIcon, Anchor, Button, Group, Image, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFile, IconPaperclip, IconX } from '@tabler/icons-react';
import { call } from '../api';
import { pictureUrl, saveStored } from '../files';
import { notifyError } from '../notify';
import { ChooseFile } from './ChooseFile';
import type { Uploaded } from '../../../shared/schemas/files';

export interface StoredFile { hash: string; fileName: string; kind?: 'photo' | 'file' }

function useDataUrl(hash: string): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    pictureUrl(hash).then((u) => { if (live) setSrc(u); }).catch(() => { if (live) setSrc(null); });
    return () => { live = false; };
  }, [hash]);
  return src;
}

function Photo({ file }: { file: StoredFile }) {
  const src = useDataUrl(file.hash);
  return (
    <Stack gap={2}>
      <Image src={src} alt={file.fileName} h={120} fit="cover" radius="sm" bg="gray.1" />
      <Text size="xs" c="dimmed" truncate>{file.fileName}</Text>
    </Stack>
  );
}

/** Save a stored file to the user's disk (a save dialog in Electron, downloads in a browser). */
async function download(file: StoredFile) {
  try {
    await saveStored(file.hash);
  } catch (e) {
    notifyError(e);
  }
}

/**
 * Photos and files of a record. Photos are shrunk (1600 px) before they are stored by content hash;
 * other files are stored as they are. Read-only without `onChange`.
 */
export function Attachments({ files, onChange, photos = true, label = '照片和附件' }: {
  files: StoredFile[];
  onChange?: (files: StoredFile[]) => void;
  /** Images become photos (shown as thumbnails); otherwise everything is a file. */
  photos?: boolean;
  label?: string;
}) {
  async function store(list: Uploaded[]) {
    if (!onChange) return;
    const added: StoredFile[] = [];
    try {
      for (const f of list) {
        const { hash } = await call('attachments.put', { uploadId: f.uploadId });
        added.push({ hash, fileName: f.fileName, kind: photos && f.mime.startsWith('image/') ? 'photo' : 'file' });
      }
    } finally {
      onChange([...files, ...added]);
    }
  }

  const pics = files.filter((f) => f.kind === 'photo');
  const docs = files.filter((f) => f.kind !== 'photo');
  const remove = (f: StoredFile) => onChange?.(files.filter((x) => x !== f));
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600} size="sm">{label}</Text>
        {onChange && (
          <ChooseFile kind={photos ? 'attachment' : 'file'} label={`选择${label}文件`} onChosen={store}>
            {(open, busy) => (
              <Button size="xs" variant="light" leftSection={<IconPaperclip size={14} />} loading={busy} onClick={open}>
                添加{photos ? '照片或文件' : '文件'}
              </Button>
            )}
          </ChooseFile>
        )}
      </Group>
      {files.length === 0 && <Text size="sm" c="dimmed">无</Text>}
      {pics.length > 0 && (
        <SimpleGrid cols={{ base: 3, md: 5 }} spacing="xs">
          {pics.map((f) => (
            <Paper key={f.hash + f.fileName} pos="relative">
              <Photo file={f} />
              {onChange && (
                <ActionIcon size="sm" color="red" variant="filled" pos="absolute" top={4} right={4} aria-label={`移除 ${f.fileName}`} onClick={() => remove(f)}>
                  <IconX size={12} />
                </ActionIcon>
              )}
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {docs.map((f) => (
        <Group key={f.hash + f.fileName} gap="xs">
          <IconFile size={16} />
          <Anchor size="sm" component="button" type="button" onClick={() => void download(f)}>{f.fileName}</Anchor>
          {onChange && (
            <ActionIcon size="sm" color="red" variant="subtle" aria-label={`移除 ${f.fileName}`} onClick={() => remove(f)}><IconX size={12} /></ActionIcon>
          )}
        </Group>
      ))}
    </Stack>
  );
}
