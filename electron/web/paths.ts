import os from 'node:os';
import path from 'node:path';

/** The data folder browser mode uses when none is given: the same place Electron's userData points to. */
export function defaultDataFolder(): string {
  const base = process.platform === 'win32'
    ? process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming')
    : process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
  return path.join(base, '督导档案', '档案');
}
