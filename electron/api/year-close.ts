import type { HandlerMap } from './types';
import { addLegacy, deleteLegacy, legacyFileBytes, listLegacy } from '../store/legacy';
import { checkYear, listYears, packageZip, reopenYear } from '../store/year-close';
import { readLegacyFile } from '../documents/legacy-file';
import { bytesIn, fileOut } from './file-out';
import { closeYear } from './year-package';

type YearCloseChannel = 'yearClose.list' | 'yearClose.check' | 'yearClose.close' | 'yearClose.reopen' | 'yearClose.download'
  | 'legacy.add' | 'legacy.list' | 'legacy.delete' | 'legacy.download';

export const yearCloseHandlers: HandlerMap<YearCloseChannel> = {
  'yearClose.list': (a) => listYears(a),
  'yearClose.check': (a, { year }) => checkYear(a, year),
  'yearClose.close': (a, { year, openWork }) => closeYear(a, year, openWork),
  'yearClose.reopen': (a, { year }) => { reopenYear(a, year); return { reopened: true }; },
  'yearClose.download': (a, { year }) => fileOut(packageZip(a, year)),
  'legacy.add': async (a, { data, fileName, ...fields }) => addLegacy(a, fields, await readLegacyFile(fileName, bytesIn(data))),
  'legacy.list': (a, input) => listLegacy(a, input),
  'legacy.delete': (a, { id }) => ({ recycleId: deleteLegacy(a, id) }),
  'legacy.download': (a, { id }) => fileOut(legacyFileBytes(a, id)),
};
