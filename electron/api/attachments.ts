import type { HandlerMap } from './types';
import { attachmentFile, putAttachmentFile } from '../store/attachments';
import { transfers } from '../transfer/transfers';
import { keptFileOut } from './file-out';

export const attachmentHandlers: HandlerMap<'attachments.put' | 'attachments.get'> = {
  // The received file moves into the attachment store (it was hashed as it came in).
  'attachments.put': (a, { uploadId }) => {
    const upload = transfers(a).upload(uploadId, ['photo', 'picture', 'attachment', 'file']);
    const hash = putAttachmentFile(a, upload);
    transfers(a).discard(uploadId);
    return { hash };
  },
  'attachments.get': (a, { hash }) => keptFileOut(a, attachmentFile(a, hash)),
};
