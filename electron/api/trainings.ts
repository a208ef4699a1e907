import type { HandlerMap } from './types';
import {
  deletePlan, deleteTraining, getPlan, getTraining, listPlans, listTrainings, plannedEvents, savePlan, saveTraining, trainingHours,
} from '../store/trainings';
import { fileOut } from './file-out';
import { trainingMinutesFile, trainingPlanFile, trainingSignInFile } from './files';

export const trainingHandlers: HandlerMap<'trainings.list' | 'trainings.get' | 'trainings.save' | 'trainings.delete' | 'trainings.hours'
  | 'trainings.planned' | 'trainings.signInSheet' | 'trainings.minutes' | 'trainings.plans' | 'trainings.plan' | 'trainings.savePlan'
  | 'trainings.deletePlan' | 'trainings.exportPlan'> = {
  'trainings.list': (a, q) => listTrainings(a, q),
  'trainings.get': (a, { id }) => getTraining(a, id),
  'trainings.save': (a, { id, fields }) => getTraining(a, saveTraining(a, id, fields)),
  'trainings.delete': (a, { id }) => ({ recycleId: deleteTraining(a, id) }),
  'trainings.hours': (a, { year }) => trainingHours(a, year),
  'trainings.planned': (a, { year }) => plannedEvents(a, year),
  'trainings.signInSheet': (a, { id }) => fileOut(a, trainingSignInFile(a, id)),
  'trainings.minutes': (a, { id }) => fileOut(a, trainingMinutesFile(a, id)),
  'trainings.plans': (a) => listPlans(a),
  'trainings.plan': (a, { id }) => getPlan(a, id),
  'trainings.savePlan': (a, { id, fields }) => getPlan(a, savePlan(a, id, fields)),
  'trainings.deletePlan': (a, { id }) => ({ recycleId: deletePlan(a, id) }),
  'trainings.exportPlan': (a, { id }) => fileOut(a, trainingPlanFile(a, id)),
};
