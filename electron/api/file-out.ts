/**
 * The one edge between files and the contract. Inside the main process a file is a GeneratedFile
 * (name and bytes); the contract's FileOut carries the bytes as base64, and uploads arrive as base64.
 * Nothing else in electron/ encodes or decodes file content, so a change of transport is made here.
 */
import type { GeneratedFile } from '../documents/pack';
import type { FileOut } from '../../shared/schemas/admin';

/** A file for the contract's answer. */
export async function fileOut(file: GeneratedFile | Promise<GeneratedFile>): Promise<FileOut> {
  const { fileName, bytes } = await file;
  return { fileName, data: bytes.toString('base64') };
}

/** The bytes of an uploaded file's content. */
export function bytesIn(data: string): Buffer {
  return Buffer.from(data, 'base64');
}

/** A stored picture or file for display in the page (attachments.get). */
export function dataUrlOut(mime: string, bytes: Buffer): string {
  return `data:${mime};base64,${bytes.toString('base64')}`;
}
