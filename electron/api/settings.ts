import type { HandlerMap } from './types';
import type { Store } from '../store/store';
import { getSettings, putSettings } from '../store/settings';
import { audit } from '../store/log';
import { AppError } from '../../shared/result';
import type { Settings } from '../../shared/schemas/settings';

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

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.save'> = {
  'settings.get': (a) => getSettings(a),
  'settings.save': (a, input) => a.db.transaction(() => {
    const before = getSettings(a);
    checkCategoriesInUse(a, input);
    putSettings(a, input);
    const changed = (Object.keys(LABELS) as (keyof Settings)[])
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(input[k])).map((k) => LABELS[k]);
    audit(a, '修改', 'settings', null, changed.length ? `修改系统设置：${changed.join('、')}` : '保存系统设置（无改动）');
    return getSettings(a);
  })(),
};
