import type { Store } from './store';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/schemas/settings';

function readKey(a: Store, key: string): string | undefined {
  return (a.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

function writeKey(a: Store, key: string, value: string): void {
  a.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** The office's settings; defaults fill anything never saved. */
export function getSettings(a: Store): Settings {
  const raw = readKey(a, 'office');
  if (!raw) return structuredClone(DEFAULT_SETTINGS);
  const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...JSON.parse(raw) });
  return parsed.success ? parsed.data : structuredClone(DEFAULT_SETTINGS);
}

export function putSettings(a: Store, s: Settings): void {
  writeKey(a, 'office', JSON.stringify(s));
}

export function isInitialized(a: Store): boolean {
  return readKey(a, 'initialized') === '1';
}

export function markInitialized(a: Store): void {
  writeKey(a, 'initialized', '1');
}

/** The person the log names (see Operator), or null until someone gives a name. */
export function getOperatorName(a: Pick<Store, 'db'>): string | null {
  return readKey(a as Store, 'operator') ?? null;
}

/** Give the person's name: stored with the archive, and from now on written as the actor of every change. */
export function setOperatorName(a: Store, name: string): void {
  writeKey(a, 'operator', name);
  a.actor = name;
}
