import type { Store } from './store';
import { getSettings, putSettings } from './settings';
import { withoutAudit } from './log';
import type { Settings } from '../../shared/schemas/settings';
import { generateRegisters, type GeneratedRegisters, type RegisterOptions } from './demo/registers';
import { AREA_CODE, OFFICE_NAME } from './demo/pools';
import { generateCalendarAndComplaints } from './demo/work-calendar';
import { generateVisitsAndProblems } from './demo/work-visits';
import { generateCampaigns } from './demo/work-campaigns';
import { finishDemoAssessment, generateTrainings } from './demo/work-trainings';

export { generateRegisters, MAX_ZONE_SCHOOLS, type GeneratedRegisters, type RegisterOptions } from './demo/registers';

/** The demo county's size and seed: about 30 schools and 25 supervisors in 5 zones. */
export const DEMO_SIZE = { schools: 30, supervisors: 25, zones: 5, seed: 42 } as const;

export const DEMO_SETTINGS: Pick<Settings, 'officeName' | 'officePhone' | 'briefingName' | 'distribution' | 'printCopies'> = {
  officeName: OFFICE_NAME,
  officePhone: `${AREA_CODE}-6123456`,
  briefingName: '清河教育督导简报',
  distribution: {
    bao: ['市人民政府教育督导室', '区委、区人民政府'],
    song: ['区人大常委会', '区政协', '区教育局党组成员'],
    fa: ['各责任区督学', '各中小学、幼儿园', '教育局各股室'],
  },
  printCopies: 40,
};

/**
 * Fill an empty archive with the demo county 清河区: the office's settings, its registers, and this
 * year's work up to today — the 行事历 and complaints first (visits take the month's theme and
 * calendar items from them), then visit records, problems, notices and re-checks, then 专项督导, 督政, 回头看
 * and a 达标监测 round (demo/work-campaigns.ts); then the 培训 and 会议 the 行事历 planned, the training plans,
 * and the year's 督学考核, finished.
 * Runs inside the caller's transaction (initializeDataFolder writes the one audit line).
 */
export function loadDemo(a: Store, opts: Partial<RegisterOptions> = {}): GeneratedRegisters {
  putSettings(a, { ...getSettings(a), ...DEMO_SETTINGS });
  const registers = generateRegisters(a, { ...DEMO_SIZE, ...opts });
  const today = opts.today ?? new Date();
  const work = { year: today.getFullYear(), seed: opts.seed ?? DEMO_SIZE.seed, today };
  withoutAudit(a, () => {
    generateCalendarAndComplaints(a, work);
    generateVisitsAndProblems(a, work);
    generateCampaigns(a, work);
    generateTrainings(a, work);
    finishDemoAssessment(a, work);
  });
  return registers;
}
