import type { HandlerMap } from './types';
import { fileOut } from './file-out';
import { evaluationReportFile, roundScoreSheet } from './files';
import { readScoreSheet } from '../documents/excel/scores-file';
import { transfers } from '../transfer/transfers';
import { importScores } from '../store/evaluations/import';
import { deleteIndicatorSet, getIndicatorSet, listIndicatorSets, saveIndicatorSet } from '../store/evaluations/library';
import { roundResults } from '../store/evaluations/results';
import {
  closeRound, createRound, deleteRound, getRound, listRounds, saveRound, saveScores, saveSurvey, schoolScores,
} from '../store/evaluations/rounds';

// Evaluation against indicators: the library, rounds, scores (by hand or from Excel), results, report.
export const evaluationHandlers: HandlerMap<'indicatorSets.list' | 'indicatorSets.get' | 'indicatorSets.save' | 'indicatorSets.delete'
  | 'evaluations.list' | 'evaluations.get' | 'evaluations.create' | 'evaluations.save' | 'evaluations.close' | 'evaluations.delete'
  | 'evaluations.scores' | 'evaluations.saveScores' | 'evaluations.saveSurvey' | 'evaluations.results'
  | 'evaluations.exportScores' | 'evaluations.importScores' | 'evaluations.exportReport'> = {
  'indicatorSets.list': (a) => listIndicatorSets(a),
  'indicatorSets.get': (a, { id }) => getIndicatorSet(a, id),
  'indicatorSets.save': (a, { id, fields }) => getIndicatorSet(a, saveIndicatorSet(a, id, fields)),
  'indicatorSets.delete': (a, { id }) => ({ recycleId: deleteIndicatorSet(a, id) }),

  'evaluations.list': (a) => listRounds(a),
  'evaluations.get': (a, { id }) => getRound(a, id),
  'evaluations.create': (a, { setId, fields }) => getRound(a, createRound(a, setId, fields)),
  'evaluations.save': (a, { id, fields }) => {
    saveRound(a, id, fields);
    return getRound(a, id);
  },
  'evaluations.close': (a, { id, closed }) => {
    closeRound(a, id, closed);
    return getRound(a, id);
  },
  'evaluations.delete': (a, { id }) => ({ recycleId: deleteRound(a, id) }),
  'evaluations.scores': (a, { id, schoolId }) => schoolScores(a, id, schoolId),
  'evaluations.saveScores': (a, input) => {
    saveScores(a, input);
    return schoolScores(a, input.id, input.schoolId);
  },
  'evaluations.saveSurvey': (a, input) => {
    saveSurvey(a, input);
    return { saved: true };
  },
  'evaluations.results': (a, { id }) => roundResults(a, id),
  'evaluations.exportScores': (a, { id }) => fileOut(a, roundScoreSheet(a, id)),
  // The check and the import read the same received sheet; it is let go once the rows are written.
  'evaluations.importScores': async (a, { id, scorer, uploadId, commit }) => {
    const t = transfers(a);
    const result = importScores(a, id, scorer, await readScoreSheet(t.bytes(uploadId, ['scores'])), commit);
    if (commit) t.discard(uploadId);
    return result;
  },
  'evaluations.exportReport': (a, { id }) => fileOut(a, evaluationReportFile(a, id)),
};
