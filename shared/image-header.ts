/**
 * A picture's type and pixel size read from its first bytes, never by decoding it: a 20 MB PNG can
 * declare 60,000 × 60,000 pixels (14 GB once decoded). The archive side judges every picture it takes
 * this way (electron/documents/image-check.ts), and the page does before it decodes a photo to shrink it.
 */

export type ImageType = 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp';

export interface ImageInfo {
  type: ImageType;
  mime: string;
  width: number;
  height: number;
}

/** The largest picture taken: a side of 16,384 pixels, 64 million pixels in all (a 48-megapixel phone photo fits). */
export const IMAGE_LIMITS = { maxSide: 16_384, maxPixels: 64_000_000 };

/** The head of a file that holds any picture's header (a JPEG's frame comes after its EXIF and colour profile). */
export const IMAGE_HEAD_BYTES = 4 * 1024 * 1024;

const MIME: Record<ImageType, string> = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', bmp: 'image/bmp', webp: 'image/webp' };

const ascii = (b: Uint8Array, from: number, text: string) =>
  b.length >= from + text.length && [...text].every((c, i) => b[from + i] === c.charCodeAt(0));
const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** The picture type from the file's first bytes, or null when it is not one of ours. */
export function imageType(b: Uint8Array): ImageType | null {
  if (b[0] === 0x89 && ascii(b, 1, 'PNG\r\n\x1a\n')) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return 'gif';
  // 'BM' alone starts many a text file: a BMP also names one of the known header sizes.
  if (ascii(b, 0, 'BM') && b.length >= 18 && [12, 40, 52, 56, 64, 108, 124].includes(view(b).getUint32(14, true))) return 'bmp';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'webp';
  return null;
}

type Size = { width: number; height: number } | null;

/** The JPEG frame's size: the first SOF segment, found by walking the segments from the start. */
function jpegSize(b: Uint8Array): Size {
  const v = view(b);
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) { i++; continue; } // fill byte
    // Standalone markers carry no length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) { i += 2; continue; }
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: v.getUint16(i + 5), width: v.getUint16(i + 7) };
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image, or the scan began without a frame
    i += 2 + v.getUint16(i + 2);
  }
  return null;
}

function webpSize(b: Uint8Array): Size {
  const v = view(b);
  const u24 = (at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
  if (ascii(b, 12, 'VP8 ') && b.length >= 30 && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return { width: v.getUint16(26, true) & 0x3fff, height: v.getUint16(28, true) & 0x3fff };
  }
  if (ascii(b, 12, 'VP8L') && b.length >= 25 && b[20] === 0x2f) {
    const bits = v.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (ascii(b, 12, 'VP8X') && b.length >= 30) return { width: u24(24) + 1, height: u24(27) + 1 };
  return null;
}

function sizeOf(type: ImageType, b: Uint8Array): Size {
  const v = view(b);
  switch (type) {
    case 'png': return b.length >= 24 && ascii(b, 12, 'IHDR') ? { width: v.getUint32(16), height: v.getUint32(20) } : null;
    case 'jpeg': return jpegSize(b);
    case 'gif': return b.length >= 10 ? { width: v.getUint16(6, true), height: v.getUint16(8, true) } : null;
    case 'bmp':
      if (b.length < 26) return null;
      return v.getUint32(14, true) === 12
        ? { width: v.getUint16(18, true), height: v.getUint16(20, true) }
        : { width: Math.abs(v.getInt32(18, true)), height: Math.abs(v.getInt32(22, true)) }; // negative: stored top-down
    case 'webp': return webpSize(b);
  }
}

/** Type and pixel size from the header; null when it is not a picture or its header cannot be read. */
export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  const type = imageType(bytes);
  const size = type && sizeOf(type, bytes);
  if (!type || !size || size.width <= 0 || size.height <= 0) return null;
  return { type, mime: MIME[type], ...size };
}

export const notAPictureMessage = (name: string) => `「${name}」不是可识别的图片（或图片已损坏）。请选择 JPG、PNG、GIF、BMP 或 WEBP 图片。`;

/** Why a picture of this size is refused, or null when it is taken. */
export function pictureTooLarge(name: string, info: ImageInfo): string | null {
  const { maxSide, maxPixels } = IMAGE_LIMITS;
  if (info.width <= maxSide && info.height <= maxSide && info.width * info.height <= maxPixels) return null;
  return `「${name}」的尺寸为 ${info.width}×${info.height} 像素，超过可接收的最大尺寸（最长边 ${maxSide} 像素、`
    + `共 ${maxPixels / 10_000} 万像素）。请用画图、手机相册等把图片缩小后再上传。`;
}

/** Why the picture whose head is `bytes` may not be decoded, or null when it may (one of our types, within IMAGE_LIMITS). */
export function pictureRefusal(bytes: Uint8Array, name: string): string | null {
  const info = imageInfo(bytes);
  return info ? pictureTooLarge(name, info) : notAPictureMessage(name);
}
