// Draw the app icon — a red seal (白文印) reading 督导档案 — into build/icon.png (512 px) and
// build/icon.ico (16–256 px). A developer tool, run once and committed:
//   node scripts/make-icons.mjs        (needs ImageMagick 6 and the Noto Serif CJK SC font;
//                                       CONVERT=/usr/bin/convert if another `convert` comes first)
// Small sizes show only 督: four characters do not survive 48 pixels.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CONVERT = process.env.CONVERT ?? 'convert';
const FONT = process.env.ICON_FONT ?? 'Noto-Serif-CJK-SC-Bold';
const RED = '#C8161D';
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-icons-'));

/** A seal on a transparent 512 canvas: red rounded square, white inner frame, white characters. */
function seal(file, chars) {
  const text = chars.length === 4
    // Seal order: right column top to bottom, then the left column.
    ? ['-pointsize', '176', '-annotate', '+98-92', chars[0], '-annotate', '+98+100', chars[1],
      '-annotate', '-98-92', chars[2], '-annotate', '-98+100', chars[3]]
    : ['-pointsize', '300', '-annotate', '+0+10', chars[0]];
  execFileSync(CONVERT, [
    '-size', '512x512', 'xc:none',
    '-fill', RED, '-draw', 'roundrectangle 8,8 503,503 72,72',
    '-fill', 'none', '-stroke', 'white', '-strokewidth', chars.length === 4 ? '12' : '22',
    '-draw', chars.length === 4 ? 'roundrectangle 40,40 471,471 44,44' : 'roundrectangle 44,44 467,467 40,40',
    '-stroke', 'none', '-fill', 'white', '-font', FONT, '-gravity', 'center', ...text,
    '-depth', '8', file,
  ]);
}

const full = path.join(tmp, 'full.png');
const small = path.join(tmp, 'small.png');
seal(full, ['督', '导', '档', '案']);
seal(small, ['督']);

fs.mkdirSync(out, { recursive: true });
fs.copyFileSync(full, path.join(out, 'icon.png'));
const sizes = [16, 24, 32, 48, 64, 128, 256];
const layers = sizes.map((s) => {
  const file = path.join(tmp, `${s}.png`);
  execFileSync(CONVERT, [s <= 48 ? small : full, '-filter', 'Lanczos', '-resize', `${s}x${s}`, '-depth', '8', file]);
  return file;
});
execFileSync(CONVERT, [...layers, path.join(out, 'icon.ico')]);
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`wrote ${path.join(out, 'icon.png')} and icon.ico (${sizes.join(', ')} px)`);
