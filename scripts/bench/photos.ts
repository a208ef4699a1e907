/**
 * Realistic JPEG photos for the benchmark's archive, encoded by Chromium's own JPEG encoder (a canvas's
 * toBlob, the same one the page uses to shrink a photo before uploading it), so every file is a JPEG
 * any viewer decodes. Noise over a gradient keeps them from compressing: at 1600 × 1200 (the largest an
 * uploaded record photo is kept) and quality 0.85 each is about 1 MB, like a phone photo. Each photo
 * is a different crop of the noise with its own caption, so every one has its own content hash.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export interface PhotoSize { width: number; height: number }

// Plain JavaScript run in the page (a compiled function would bring tsx's helpers, absent there).
const SETUP = `([w, h]) => {
  const W = w + 300, H = h + 300;
  let s = 2026;
  const rnd = () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) / 4294967296; };
  const field = new ImageData(W, H);
  const d = field.data;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const i = (y * W + x) * 4, shade = (x / W) * 90 + (y / H) * 70;
    d[i] = 70 + shade + (rnd() - 0.5) * 128; d[i + 1] = 90 + shade + (rnd() - 0.5) * 128;
    d[i + 2] = 60 + shade + (rnd() - 0.5) * 128; d[i + 3] = 255;
  }
  const canvas = document.createElement('canvas');
  canvas.width = w; canvas.height = h;
  window.benchPhoto = async (n) => {
    const g = canvas.getContext('2d');
    g.putImageData(field, -((n * 37) % 300), -((n * 53) % 300));
    g.fillStyle = 'rgba(255, 255, 255, 0.8)';
    g.font = Math.round(h / 12) + 'px sans-serif';
    g.fillText('督导现场照片 ' + n, w / 20 + (n % 7) * 20, h / 6 + (n % 11) * (h / 20));
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  };
}`;

/** `count` distinct JPEGs of `size`, handed to `take` one at a time (so only one is in memory). */
export async function makePhotos(count: number, size: PhotoSize, take: (jpeg: Buffer, n: number) => void): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.evaluate(`(${SETUP})([${size.width}, ${size.height}])`);
    for (let n = 1; n <= count; n++) take(Buffer.from(await page.evaluate(`benchPhoto(${n})`) as string, 'base64'), n);
  } finally {
    await browser.close();
  }
}
