import type { HandlerMap } from './types';
import { putAttachment, readAttachment } from '../store/attachments';
import { AppError } from '../../shared/result';

export const attachmentHandlers: HandlerMap<'attachments.put' | 'attachments.get'> = {
  'attachments.put': (a, { fileName, mime, data }) => {
    const bytes = Buffer.from(data, 'base64');
    if (bytes.length === 0) throw new AppError('invalid', '「文件内容」为空或不是有效的文件，请重新选择文件。', 'data');
    return { hash: putAttachment(a, bytes, fileName, mime) };
  },
  'attachments.get': (a, { hash }) => {
    const f = readAttachment(a, hash);
    return { dataUrl: `data:${f.mime};base64,${f.bytes.toString('base64')}` };
  },
};
