import type { HandlerMap } from './types';
import { attachmentFile, putAttachmentFile } from '../store/attachments';
import { transfers } from '../transfer/transfers';
import { checkIfImageFile, checkImageFile } from '../documents/image-check';
import { keptFileOut } from './file-out';

export const attachmentHandlers: HandlerMap<'attachments.put' | 'attachments.get'> = {
  // The received file moves into the attachment store (it was hashed as it came in). A picture is
  // judged by its header first: a 照片 or 图片 must be one, and no picture may be larger than a
  // decoder (the page, Word, Electron) can take.
  'attachments.put': (a, { uploadId }) => {
    const upload = transfers(a).upload(uploadId, ['photo', 'picture', 'attachment', 'file']);
    if (upload.kind === 'photo' || upload.kind === 'picture') checkImageFile(upload.path, upload.fileName);
    else checkIfImageFile(upload.path, upload.fileName);
    const hash = putAttachmentFile(a, upload);
    transfers(a).discard(uploadId);
    return { hash };
  },
  'attachments.get': (a, { hash }) => keptFileOut(a, attachmentFile(a, hash)),
};
