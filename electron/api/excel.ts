import type { HandlerMap } from './types';
import { readRoster } from '../store/excel/read';
import { importRoster, planImport, toPreview } from '../store/excel/import';
import { exportRoster, rosterTemplate } from '../store/excel/write';
import { ROSTERS } from '../store/excel/columns';

// File content travels as base64. Preview and commit parse the same bytes the same way, so what
// the user confirmed is what gets written (the commit re-checks against the archive as it is now).
export const excelHandlers: HandlerMap<'excel.previewImport' | 'excel.commitImport' | 'excel.exportRoster' | 'excel.template'> = {
  'excel.previewImport': async (a, { kind, data }) => {
    const sheet = await readRoster(Buffer.from(data, 'base64'), ROSTERS[kind]);
    return toPreview(planImport(a, kind, sheet));
  },
  'excel.commitImport': async (a, { kind, data }) => {
    const sheet = await readRoster(Buffer.from(data, 'base64'), ROSTERS[kind]);
    return importRoster(a, kind, sheet);
  },
  'excel.exportRoster': (a, { kind }) => exportRoster(a, kind),
  'excel.template': (a, { kind }) => rosterTemplate(a, kind),
};
