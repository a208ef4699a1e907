/**
 * Pictures from outside (uploads, photos, pictures inside imported documents) judged before anything
 * decodes them: the type from the first bytes (never from the name), the pixel size from the header
 * (shared/image-header.ts, which the page uses too). A 20 MB PNG can declare 60,000 × 60,000 pixels —
 * 14 GB once decoded — so the size is refused here, by reading a few bytes, and no decoder (Electron's
 * nativeImage, the page, Word) ever sees it.
 */
import fs from 'node:fs';
import { AppError } from '../../shared/result';
import {
  IMAGE_HEAD_BYTES, imageInfo, imageType, notAPictureMessage, pictureTooLarge, type ImageInfo,
} from '../../shared/image-header';

export { IMAGE_LIMITS, imageInfo, imageType, type ImageInfo, type ImageType } from '../../shared/image-header';

/** A picture that may be decoded: one of our types, its size read from the header and within IMAGE_LIMITS; refused otherwise. */
export function checkImage(bytes: Uint8Array, name: string): ImageInfo {
  const info = imageInfo(bytes);
  if (!info) throw new AppError('invalid', notAPictureMessage(name), 'uploadId');
  const tooLarge = pictureTooLarge(name, info);
  if (tooLarge) throw new AppError('invalid', tooLarge, 'uploadId');
  return info;
}

/** The first bytes of a file on disk, enough for any header. */
function head(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(Math.min(IMAGE_HEAD_BYTES, fs.fstatSync(fd).size));
    return b.subarray(0, fs.readSync(fd, b, 0, b.length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** checkImage for a file on disk, reading only its head. */
export function checkImageFile(file: string, name: string): ImageInfo {
  return checkImage(head(file), name);
}

/**
 * For a file that may or may not be a picture (a record's 照片或文件): when its content is a picture,
 * its size must be within IMAGE_LIMITS; anything else is taken as a file. Answers the picture, if it is one.
 */
export function checkIfImageFile(file: string, name: string): ImageInfo | null {
  const b = head(file);
  return imageType(b) ? checkImage(b, name) : null;
}
