import { useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeDocx } from '@tabler/icons-react';
import { call } from '../api';
import { downloadBase64 } from '../files';
import { DOCX_MIME, XLSX_MIME } from '../lib/mime';
import { notifyError, notifyOk } from '../notify';
import type { Input } from '../../../shared/contract';

type DocChannel = 'documents.notice' | 'documents.referral' | 'documents.calendar' | 'documents.statistics' | 'collections.export'
  | 'campaigns.exportReport' | 'campaigns.exportOpinion' | 'documents.unitLetter' | 'evaluations.exportReport';
type SheetChannel = 'fourLists.export' | 'evaluations.exportScores';

/**
 * A button that builds a Word document (or an Excel sheet) on the archive side and saves it, e.g.
 * `<ExportButton channel="documents.notice" input={{ id }} label="导出整改通知书" />`.
 * `input` may be a function, called on click (to draw charts into PNG only when needed).
 */
export function ExportButton<C extends DocChannel | SheetChannel>({ channel, input, label, ...button }: {
  channel: C;
  input: Input<C> | (() => Input<C> | Promise<Input<C>>);
  label: string;
} & Omit<ButtonProps, 'children' | 'onClick'>) {
  const sheet = channel === 'fourLists.export' || channel === 'evaluations.exportScores';
  const icon: ReactNode = sheet ? <IconFileSpreadsheet size={16} /> : <IconFileTypeDocx size={16} />;
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      const value = typeof input === 'function' ? await (input as () => Input<C> | Promise<Input<C>>)() : input;
      const out = await call(channel, value) as { fileName: string; data: string };
      downloadBase64(out.fileName, out.data, sheet ? XLSX_MIME : DOCX_MIME);
      notifyOk(`已生成「${out.fileName}」`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button variant="light" leftSection={icon} loading={busy} onClick={run} {...button}>{label}</Button>
  );
}
