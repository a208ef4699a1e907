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

/** The number an issued (or re-opened) briefing carries; '—' for a draft. */
export function numberLabel(b: { year: number | null; issueNo: number | null; totalNo: number | null }): string {
  return b.issueNo != null ? issueLabel(b.year!, b.issueNo, b.totalNo!) : '—';
}

export const statusColor = (status: string) => ({ 已印发: 'green', 更正中: 'orange' } as Record<string, string>)[status] ?? 'gray';
