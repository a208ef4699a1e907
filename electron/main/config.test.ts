import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseDataFolder, dataArg, readConfig, withoutDataArg, writeConfig } from './config';

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-config-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('readConfig / writeConfig', () => {
  it('round-trips the chosen folder, creating the userData folder', () => {
    const file = path.join(dir, 'userData', 'config.json');
    const folder = path.resolve(dir, '档案 2024');
    writeConfig(file, { dataFolder: folder });
    expect(readConfig(file)).toEqual({ dataFolder: folder });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['config.json']); // no temp file left behind
    writeConfig(file, {});
    expect(readConfig(file)).toEqual({});
  });

  it('keeps the folder files were last saved to or chosen from, only when it is an absolute path', () => {
    const file = path.join(dir, 'config.json');
    const saved = path.resolve(dir, '我的文档');
    writeConfig(file, { fileFolder: saved });
    expect(readConfig(file)).toEqual({ fileFolder: saved });
    fs.writeFileSync(file, JSON.stringify({ fileFolder: 'relative/place', dataFolder: 12 }));
    expect(readConfig(file)).toEqual({});
  });

  it('gives the defaults for a missing file', () => {
    expect(readConfig(path.join(dir, 'none.json'))).toEqual({});
  });

  it.each([
    ['half-written JSON', '{"dataFolder": "D:\\\\档'],
    ['an array', '["x"]'],
    ['null', 'null'],
    ['a number as folder', '{"dataFolder": 3}'],
    ['an empty folder', '{"dataFolder": "  "}'],
    ['a relative folder', '{"dataFolder": "archive"}'],
    ['binary junk', '\u0000\u0001\u00ff'],
  ])('gives the defaults for a corrupt file (%s)', (_name, text) => {
    const file = path.join(dir, 'config.json');
    fs.writeFileSync(file, text);
    expect(readConfig(file)).toEqual({});
  });

  it('ignores unknown keys', () => {
    const file = path.join(dir, 'config.json');
    const folder = path.resolve(dir, 'a');
    fs.writeFileSync(file, JSON.stringify({ dataFolder: folder, theme: 'dark' }));
    expect(readConfig(file)).toEqual({ dataFolder: folder });
  });
});

describe('chooseDataFolder', () => {
  const def = path.resolve('/home/u/.config/督导档案/档案');
  const chosen = path.resolve('/mnt/d/督导档案');

  it('prefers --data, then the config, then the default', () => {
    expect(chooseDataFolder(['electron', '.', '--data', '/tmp/x'], { dataFolder: chosen }, def)).toBe(path.resolve('/tmp/x'));
    expect(chooseDataFolder(['app.exe', '--data=/tmp/y'], {}, def)).toBe(path.resolve('/tmp/y'));
    expect(chooseDataFolder(['app.exe'], { dataFolder: chosen }, def)).toBe(chosen);
    expect(chooseDataFolder(['app.exe'], {}, def)).toBe(def);
  });

  it('ignores a dangling --data', () => {
    expect(dataArg(['app.exe', '--data'])).toBeUndefined();
  });

  it('drops --data when relaunching', () => {
    expect(withoutDataArg(['.', '--data', '/tmp/x', '--lang=zh-CN'])).toEqual(['.', '--lang=zh-CN']);
    expect(withoutDataArg(['--data=/tmp/x'])).toEqual([]);
  });
});
