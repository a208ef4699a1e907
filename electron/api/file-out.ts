/**
 * The edge between files and the contract: a GeneratedFile (name and bytes, as electron/documents
 * makes them) or a file the archive keeps becomes a FileRef, an id the shell fetches once (see
 * electron/transfer/transfers.ts). No file content ever goes into a channel's answer.
 */
import type { Store } from '../store/store';
import type { GeneratedFile } from '../documents/pack';
import type { FileRef } from '../../shared/schemas/files';
import { transfers } from '../transfer/transfers';

/** A generated file, offered for one fetch (written into the temporary folder, removed once delivered). */
export async function fileOut(a: Store, file: GeneratedFile | Promise<GeneratedFile>): Promise<FileRef> {
  return transfers(a).offerBytes(await file);
}

/** A file the archive keeps (an attachment, a year package), offered for one fetch; it stays where it is. */
export function keptFileOut(a: Store, file: { path: string; fileName: string; mime?: string }): FileRef {
  return transfers(a).offer(file.path, file.fileName, { temp: false, mime: file.mime });
}
