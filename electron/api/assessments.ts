import type { HandlerMap } from './types';
import {
  adjustAssessment, computeAssessment, deleteAssessment, finishAssessment, getAssessment, getScheme, listAssessments,
  reopenAssessment, saveScheme,
} from '../store/assessments';
import { deleteAppointment, recordAppointment, supervisorHistory } from '../store/supervisor-history';
import { workload } from '../store/workload';
import { fileOut } from './file-out';
import { assessmentSheets, assessmentSummary } from './files';

export const assessmentHandlers: HandlerMap<'assessments.scheme' | 'assessments.saveScheme' | 'assessments.list' | 'assessments.get'
  | 'assessments.compute' | 'assessments.adjust' | 'assessments.finish' | 'assessments.reopen' | 'assessments.delete'
  | 'assessments.exportSheets' | 'assessments.exportSummary' | 'assessments.workload'
  | 'appointments.record' | 'appointments.delete' | 'supervisors.history'> = {
  'assessments.scheme': (a) => getScheme(a),
  'assessments.saveScheme': (a, scheme) => saveScheme(a, scheme),
  'assessments.list': (a) => listAssessments(a),
  'assessments.get': (a, { id }) => getAssessment(a, id),
  'assessments.compute': (a, { year }) => computeAssessment(a, year),
  'assessments.adjust': (a, input) => adjustAssessment(a, input),
  'assessments.finish': (a, { id }) => finishAssessment(a, id),
  'assessments.reopen': (a, { id }) => reopenAssessment(a, id),
  'assessments.delete': (a, { id }) => ({ recycleId: deleteAssessment(a, id) }),
  'assessments.exportSheets': (a, { id, supervisorId }) => fileOut(a, assessmentSheets(a, id, supervisorId)),
  'assessments.exportSummary': (a, { id, format }) => fileOut(a, assessmentSummary(a, id, format)),
  'assessments.workload': (a, q) => workload(a, q),
  'appointments.record': (a, input) => recordAppointment(a, input),
  'appointments.delete': (a, { id }) => ({ recycleId: deleteAppointment(a, id) }),
  'supervisors.history': (a, { id }) => supervisorHistory(a, id),
};
