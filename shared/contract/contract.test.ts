import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { channels, contract } from './index';
import { CHANNEL_NAMES } from './names';
import { APP_VERSION } from '../version';

describe('the API contract', () => {
  it('has exactly the channel names the preload exposes', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(channels).toBe(CHANNEL_NAMES);
  });

  it('names channels area.verb', () => {
    for (const c of channels) expect(c).toMatch(/^[a-z][a-zA-Z]*\.[a-zA-Z]+$/);
  });

  it('keeps APP_VERSION in step with package.json', () => {
    expect(APP_VERSION).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
  });
});
