import { useState } from 'react';
import { Button, type ButtonProps } from '@mantine/core';
import { IconFileTypeDocx } from '@tabler/icons-react';
import { call } from '../api';
import { saveFile } from '../files';
import { followJob } from '../jobs';
import { notifyCanceled, notifyError, notifyOk } from '../notify';
import type { Input } from '../../../shared/contract';
import type { FileRef, JobStarted } from '../../../shared/schemas/files';

type DocChannel = 'documents.notice' | 'documents.referral' | 'documents.calendar' | 'documents.statistics' | 'collections.export';

/**
 * A button that builds a Word document on the archive side and saves it, e.g.
 * `<ExportButton channel="documents.notice" input={{ id }} label="导出整改通知书" />`.
 * `input` may be a function, called on click (to draw charts into PNG only when needed). A long one
 * (a collection) runs as a job, with progress and 取消.
 */
export function ExportButton<C extends DocChannel>({ channel, input, label, before, ...button }: {
  channel: C;
  input: Input<C> | (() => Input<C> | Promise<Input<C>>);
  label: string;
  /** Asked first (e.g. a warning to confirm); false stops the export. */
  before?: () => Promise<boolean>;
} & Omit<ButtonProps, 'children' | 'onClick'>) {
  const [busy, setBusy] = useState(false);
  async function run() {
    if (before && !(await before())) return;
    setBusy(true);
    try {
      const value = typeof input === 'function' ? await (input as () => Input<C> | Promise<Input<C>>)() : input;
      const out = await call(channel, value) as FileRef | JobStarted<FileRef>;
      const file = 'jobId' in out ? await followJob(Promise.resolve(out)) : out;
      if (!file) notifyCanceled('没有生成文件。');
      else if (await saveFile(file)) notifyOk(`已生成「${file.fileName}」`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button variant="light" leftSection={<IconFileTypeDocx size={16} />} loading={busy} onClick={run} {...button}>{label}</Button>
  );
}
