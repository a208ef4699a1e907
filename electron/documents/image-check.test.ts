import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIfImageFile, checkImage, checkImageFile, imageInfo, imageType, IMAGE_LIMITS } from './image-check';
import { samplePng } from '../testing/samples';
import { pngHeaderOnly } from '../testing/hostile-files';

const u16be = (n: number) => [n >> 8, n & 0xff];

/** A JPEG's head: SOI, an APP1 segment of `exifBytes` (EXIF sits before the frame), then the frame header. */
function jpegHead(width: number, height: number, exifBytes = 16): Buffer {
  const app1 = [0xff, 0xe1, ...u16be(exifBytes + 2), ...Buffer.alloc(exifBytes, 0x45)];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, ...u16be(height), ...u16be(width), 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Buffer.from([0xff, 0xd8, ...app1, ...sof0, 0xff, 0xda, 0, 2]);
}

function gifHead(width: number, height: number): Buffer {
  const b = Buffer.alloc(16);
  b.write('GIF89a', 0, 'latin1');
  b.writeUInt16LE(width, 6);
  b.writeUInt16LE(height, 8);
  return b;
}

function bmpHead(width: number, height: number): Buffer {
  const b = Buffer.alloc(54);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(54, 2);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(-height, 22); // top-down
  return b;
}

function webpHead(width: number, height: number): Buffer {
  const b = Buffer.alloc(30);
  b.write('RIFF', 0, 'latin1');
  b.write('WEBPVP8X', 8, 'latin1');
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}

describe('pictures judged by their header', () => {
  it('reads type and size of PNG, JPEG (after its EXIF), GIF, BMP and WEBP', () => {
    expect(imageInfo(samplePng(320, 200))).toEqual({ type: 'png', mime: 'image/png', width: 320, height: 200 });
    expect(imageInfo(jpegHead(4032, 3024, 60_000))).toMatchObject({ type: 'jpeg', width: 4032, height: 3024 });
    expect(imageInfo(gifHead(640, 480))).toMatchObject({ type: 'gif', width: 640, height: 480 });
    expect(imageInfo(bmpHead(800, 600))).toMatchObject({ type: 'bmp', width: 800, height: 600 });
    expect(imageInfo(webpHead(1920, 1080))).toMatchObject({ type: 'webp', width: 1920, height: 1080 });
  });

  it('takes the type from the bytes, not the name; text that starts like a BMP is no picture', () => {
    expect(imageType(Buffer.from('BMW 4S 店检查报告：本月共检查 12 所学校'))).toBeNull();
    expect(imageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(() => checkImage(Buffer.from('%PDF-1.7 ……'), '照片.jpg')).toThrow(/「照片\.jpg」不是可识别的图片/);
  });

  it('refuses a picture whose header declares more pixels than a decoder should take, before any decoding', () => {
    const bomb = pngHeaderOnly(60_000, 60_000); // 3.6 billion pixels: 14 GB once decoded
    expect(bomb.length).toBeLessThan(200);
    expect(() => checkImage(bomb, '合影.png')).toThrow(/「合影\.png」的尺寸为 60000×60000 像素，超过可接收的最大尺寸/);
    expect(() => checkImage(jpegHead(IMAGE_LIMITS.maxSide + 1, 100), '长图.jpg')).toThrow(/最长边 16384 像素/);
    expect(() => checkImage(jpegHead(9000, 8000), '大图.jpg')).toThrow(/共 6400 万像素/);
    expect(checkImage(jpegHead(8064, 6048), '手机照片.jpg')).toMatchObject({ width: 8064 }); // a 48-megapixel phone photo
    expect(() => checkImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xd9, 0, 0]), '坏图.jpg')).toThrow(/不是可识别的图片/);
  });

  it('reads only the head of a file on disk; a file that is no picture passes as a file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-image-'));
    try {
      const bomb = path.join(dir, 'bomb.png');
      fs.writeFileSync(bomb, pngHeaderOnly(50_000, 50_000));
      expect(() => checkImageFile(bomb, '照片.png')).toThrow(/50000×50000/);
      expect(() => checkIfImageFile(bomb, '附件.bin')).toThrow(/50000×50000/);
      const text = path.join(dir, 'notes.txt');
      fs.writeFileSync(text, '督导记录');
      expect(checkIfImageFile(text, '记录.txt')).toBeNull();
      expect(() => checkImageFile(text, '照片.jpg')).toThrow(/不是可识别的图片/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
