/**
 * Pictures from outside (uploads, photos, pictures inside imported documents) judged before anything
 * decodes them: the type from the first bytes (never from the name), the pixel size from the header.
 * A 20 MB PNG can declare 60,000 × 60,000 pixels — 14 GB once decoded — so the size is refused here,
 * by reading a few bytes, and no decoder (Electron's nativeImage, the page, Word) ever sees it.
 */
import fs from 'node:fs';
import { AppError } from '../../shared/result';

export type ImageType = 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp';

export interface ImageInfo {
  type: ImageType;
  mime: string;
  width: number;
  height: number;
}

/** The largest picture taken: a side of 16,384 pixels, 64 million pixels in all (a 48-megapixel phone photo fits). */
export const IMAGE_LIMITS = { maxSide: 16_384, maxPixels: 64_000_000 };

const MIME: Record<ImageType, string> = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', bmp: 'image/bmp', webp: 'image/webp' };

const ascii = (b: Uint8Array, from: number, text: string) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).subarray(from, from + text.length).toString('latin1') === text;

/** The picture type from the file's first bytes, or null when it is not one of ours. */
export function imageType(b: Uint8Array): ImageType | null {
  if (b[0] === 0x89 && ascii(b, 1, 'PNG\r\n\x1a\n')) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return 'gif';
  // 'BM' alone starts many a text file: a BMP also names one of the known header sizes.
  if (ascii(b, 0, 'BM') && b.length >= 18 && [12, 40, 52, 56, 64, 108, 124].includes(Buffer.from(b.buffer, b.byteOffset, b.byteLength).readUInt32LE(14))) return 'bmp';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'webp';
  return null;
}

/** The JPEG frame's size: the first SOF segment, found by walking the segments from the start. */
function jpegSize(b: Buffer): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) { i++; continue; } // fill byte
    // Standalone markers carry no length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) { i += 2; continue; }
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image, or the scan began without a frame
    i += 2 + b.readUInt16BE(i + 2);
  }
  return null;
}

function webpSize(b: Buffer): { width: number; height: number } | null {
  const chunk = b.subarray(12, 16).toString('latin1');
  if (chunk === 'VP8 ' && b.length >= 30 && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L' && b.length >= 25 && b[20] === 0x2f) {
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && b.length >= 30) return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  return null;
}

/** Type and pixel size from the header; null when it is not a picture or its header cannot be read. */
export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  const type = imageType(bytes);
  if (!type) return null;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let size: { width: number; height: number } | null = null;
  switch (type) {
    case 'png':
      size = b.length >= 24 && ascii(b, 12, 'IHDR') ? { width: b.readUInt32BE(16), height: b.readUInt32BE(20) } : null;
      break;
    case 'jpeg':
      size = jpegSize(b);
      break;
    case 'gif':
      size = { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
      break;
    case 'bmp':
      if (b.length >= 26) {
        size = b.readUInt32LE(14) === 12
          ? { width: b.readUInt16LE(18), height: b.readUInt16LE(20) }
          : { width: Math.abs(b.readInt32LE(18)), height: Math.abs(b.readInt32LE(22)) }; // negative: stored top-down
      }
      break;
    case 'webp':
      size = webpSize(b);
      break;
  }
  if (!size || size.width <= 0 || size.height <= 0) return null;
  return { type, mime: MIME[type], ...size };
}

const notAPicture = (name: string) =>
  new AppError('invalid', `「${name}」不是可识别的图片（或图片已损坏）。请选择 JPG、PNG、GIF、BMP 或 WEBP 图片。`, 'uploadId');

/** Why a picture of this size is refused, or null when it is taken. */
function tooLarge(name: string, info: ImageInfo): AppError | null {
  const { maxSide, maxPixels } = IMAGE_LIMITS;
  if (info.width <= maxSide && info.height <= maxSide && info.width * info.height <= maxPixels) return null;
  return new AppError('invalid', `「${name}」的尺寸为 ${info.width}×${info.height} 像素，超过可接收的最大尺寸（最长边 ${maxSide} 像素、`
    + `共 ${maxPixels / 1_000_000} 百万像素）。请用画图、手机相册等把图片缩小后再上传。`, 'uploadId');
}

/** A picture that may be decoded: one of our types, its size read from the header and within IMAGE_LIMITS; refused otherwise. */
export function checkImage(bytes: Uint8Array, name: string): ImageInfo {
  const info = imageInfo(bytes);
  if (!info) throw notAPicture(name);
  const refusal = tooLarge(name, info);
  if (refusal) throw refusal;
  return info;
}

/** The first bytes of a file on disk: enough for any header (a JPEG's frame comes after its EXIF and colour profile). */
const HEAD_BYTES = 4 * 1024 * 1024;

function head(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(Math.min(HEAD_BYTES, fs.fstatSync(fd).size));
    const n = fs.readSync(fd, b, 0, b.length, 0);
    return b.subarray(0, n);
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
  if (!imageType(b)) return null;
  const info = imageInfo(b);
  if (!info) throw notAPicture(name);
  const refusal = tooLarge(name, info);
  if (refusal) throw refusal;
  return info;
}
