import type { HandlerMap } from './types';
import { putAttachment, readAttachment } from '../store/attachments';
import { AppError } from '../../shared/result';
import { bytesIn, dataUrlOut } from './file-out';

export const attachmentHandlers: HandlerMap<'attachments.put' | 'attachments.get'> = {
  'attachments.put': (a, { fileName, mime, data }) => {
    const bytes = bytesIn(data);
    if (bytes.length === 0) throw new AppError('invalid', '「文件内容」为空或不是有效的文件，请重新选择文件。', 'data');
    return { hash: putAttachment(a, bytes, fileName, mime) };
  },
  'attachments.get': (a, { hash }) => {
    const f = readAttachment(a, hash);
    return { dataUrl: dataUrlOut(f.mime, f.bytes) };
  },
};
