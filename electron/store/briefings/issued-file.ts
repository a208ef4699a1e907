/** An issued briefing's .docx, kept as an attachment so a re-export is the same file, byte for byte. */
import type { Store } from '../store';
import { putAttachment, readAttachment } from '../attachments';
import { briefingRow } from './repository';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Keep the issued file (by content hash); returns its hash. Call inside the transaction. */
export function keepIssuedDocx(a: Store, file: { fileName: string; bytes: Buffer }): string {
  return putAttachment(a, file.bytes, file.fileName, DOCX_MIME);
}

/** The kept .docx of an issued briefing; null for a draft (which is built afresh each time). */
export function issuedDocx(a: Store, id: number): Buffer | null {
  const r = briefingRow(a, id);
  return r.status === '已印发' && r.docxHash ? readAttachment(a, r.docxHash).bytes : null;
}
