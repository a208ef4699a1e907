import { call } from '../../api';
import { downloadBase64 } from '../../files';
import { notifyError } from '../../notify';
import { issueLabel } from '../../../../shared/labels';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Download a briefing's .docx: the stored file for an issued one, a fresh 第×期 draft otherwise. */
export async function downloadBriefing(id: number): Promise<void> {
  try {
    const f = await call('briefings.export', { id });
    downloadBase64(f.fileName, f.data, DOCX_MIME);
  } catch (e) {
    notifyError(e);
  }
}

export function numberLabel(b: { status: string; year: number | null; issueNo: number | null; totalNo: number | null }): string {
  return b.status === '已印发' ? issueLabel(b.year!, b.issueNo!, b.totalNo!) : '—';
}
