import type { HandlerMap } from './types';
import { importRoster, planImport, toPreview } from '../store/roster-import';
import { readRoster } from '../documents/excel/read-roster';
import { ROSTERS } from '../../shared/rosters';
import { bytesIn, fileOut } from './file-out';
import { rosterExport, rosterTemplate } from './files';

// Preview and commit parse the same bytes the same way, so what the user confirmed is what gets
// written (the commit re-checks against the archive as it is now).
export const excelHandlers: HandlerMap<'excel.previewImport' | 'excel.commitImport' | 'excel.exportRoster' | 'excel.template'> = {
  'excel.previewImport': async (a, { kind, data }) => toPreview(planImport(a, kind, await readRoster(bytesIn(data), ROSTERS[kind]))),
  'excel.commitImport': async (a, { kind, data }) => importRoster(a, kind, await readRoster(bytesIn(data), ROSTERS[kind])),
  'excel.exportRoster': (a, { kind }) => fileOut(rosterExport(a, kind)),
  'excel.template': (a, { kind }) => fileOut(rosterTemplate(a, kind)),
};
