/** Writing a built Document: the bytes of the .docx, and a file name Windows accepts. */
import { Packer, type Document } from 'docx';

export async function toDocx(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}

/** A file name from a title: characters Windows forbids become full-width or go, at most 80 characters. */
export function docxFileName(title: string): string {
  const safe = title
    .replace(/[\\/]/g, '－').replace(/:/g, '：').replace(/\*/g, '＊').replace(/\?/g, '？')
    .replace(/"/g, '＂').replace(/</g, '＜').replace(/>/g, '＞').replace(/\|/g, '｜')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f]/g, '').trim().replace(/[. ]+$/, '');
  return `${[...(safe || '文档')].slice(0, 80).join('')}.docx`;
}
