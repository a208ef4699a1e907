import type { Store } from './store';
import { audit } from './log';
import { AppError } from '../../shared/result';
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

/** Change the person's name (设置), logged when it changes. */
export function saveOperatorName(a: Store, name: string): void {
  a.db.transaction(() => {
    const before = getOperatorName(a) ?? a.account;
    setOperatorName(a, name);
    if (before !== name) audit(a, '修改', 'operator', null, `操作人由「${before}」改为「${name}」`);
  })();
}

const LABELS: Record<keyof Settings, string> = {
  officeName: '督导室名称', officePhone: '联系电话', briefingName: '简报名称', distribution: '报送单位',
  printCopies: '印数', fonts: '公文字体', supervisorCategories: '督学类别', eightItems: '八项督导事项', complaintTopics: '来访来电主题',
};

/** A category still held by live supervisors cannot disappear from the list (their records would no longer save). */
function checkCategoriesInUse(a: Store, next: Settings): void {
  const rows = a.db.prepare(`SELECT category, count(*) AS n FROM supervisors WHERE deleted_at IS NULL GROUP BY category`)
    .all() as { category: string; n: number }[];
  const removed = rows.filter((r) => !next.supervisorCategories.includes(r.category));
  if (removed.length) {
    const list = removed.map((r) => `「${r.category}」（${r.n}名）`).join('、');
    throw new AppError('conflict', `督学类别${list}仍有督学在用，不能删除或改名。请先在「督学」中修改这些督学的类别，再保存设置。`, 'supervisorCategories');
  }
}

/** Save the settings the user edited, with one audit line naming what changed; returns them as stored. */
export function saveSettings(a: Store, input: Settings): Settings {
  return a.db.transaction(() => {
    const before = getSettings(a);
    checkCategoriesInUse(a, input);
    putSettings(a, input);
    const changed = (Object.keys(LABELS) as (keyof Settings)[])
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(input[k])).map((k) => LABELS[k]);
    audit(a, '修改', 'settings', null, changed.length ? `修改系统设置：${changed.join('、')}` : '保存系统设置（无改动）');
    return getSettings(a);
  })();
}
