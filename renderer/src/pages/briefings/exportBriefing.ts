import { call } from '../../api';
import { saveFile } from '../../files';
import { notifyError } from '../../notify';
import { issueLabel } from '../../../../shared/labels';

/** Download a briefing's .docx: the stored file for an issued one, a fresh 第×期 draft otherwise. */
export async function downloadBriefing(id: number): Promise<void> {
  try {
    await saveFile(await call('briefings.export', { id }));
  } catch (e) {
    notifyError(e);
  }
}

export function numberLabel(b: { status: string; year: number | null; issueNo: number | null; totalNo: number | null }): string {
  return b.status === '已印发' ? issueLabel(b.year!, b.issueNo!, b.totalNo!) : '—';
}
