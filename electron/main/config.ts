import fs from 'node:fs';
import path from 'node:path';

// The shell's own small settings file (userData/config.json): where the archive folder is, and the
// folder files were last saved to or chosen from.
// The archive's settings live in the archive itself; this file only has to survive a reinstall.

export const CONFIG_FILE = 'config.json';

export interface ShellConfig {
  /** An absolute archive folder chosen by the user; absent means the default one. */
  dataFolder?: string;
  /** The folder the save and open dialogs start in: the last one used. */
  fileFolder?: string;
}

/** Read the config; a missing, unreadable or corrupt file gives the defaults (and never throws). */
export function readConfig(file: string): ShellConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const absolute = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && path.isAbsolute(v);
  const { dataFolder, fileFolder } = raw as Record<string, unknown>;
  return { ...(absolute(dataFolder) ? { dataFolder } : {}), ...(absolute(fileFolder) ? { fileFolder } : {}) };
}

/** Write the config atomically (temp file + rename), so a crash never leaves half a file. */
export function writeConfig(file: string, config: ShellConfig): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(config, null, 2) + '\n', 'utf8');
  fs.renameSync(tmp, file);
}

/**
 * The archive folder to open: `--data <folder>` on the command line (tests, several archives),
 * else the configured folder, else the default under userData.
 */
export function chooseDataFolder(argv: readonly string[], config: ShellConfig, defaultFolder: string): string {
  const fromArgs = dataArg(argv);
  if (fromArgs) return path.resolve(fromArgs);
  return config.dataFolder ?? defaultFolder;
}

/** The value of `--data <folder>` or `--data=<folder>`, if given. */
export function dataArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data' && i + 1 < argv.length) return argv[i + 1];
    if (a.startsWith('--data=')) return a.slice('--data='.length);
  }
  return undefined;
}

/** The arguments to relaunch with after the user chose a folder: without `--data`, which would override it. */
export function withoutDataArg(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data') { i++; continue; }
    if (argv[i].startsWith('--data=')) continue;
    out.push(argv[i]);
  }
  return out;
}
