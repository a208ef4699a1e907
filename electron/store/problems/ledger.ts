/** The rows of the 问题整改台账 export: every match of the 台账's filters, in its order (no paging). */
import type { Store } from '../store';
import { todayText } from '../../../shared/dates';
import type { Problem } from '../../../shared/schemas/problem';
import { sql } from '../sql';
import { rows } from '../statements';
import { SELECT_PROBLEMS, ledgerWhere, orderBy, toProblem, type ProblemQuery, type ProblemRow } from './read';

/** Every match of the filters, for the export (no paging). */
export function allProblems(a: Store, query: Partial<ProblemQuery>, max = 200_000): Problem[] {
  const on = todayText();
  const order = orderBy({ sort: query.sort ?? 'raisedAt', dir: query.dir ?? 'desc' });
  return rows<ProblemRow>(a, sql`${SELECT_PROBLEMS} WHERE ${ledgerWhere(query, on)} ORDER BY ${order} LIMIT ${max}`)
    .map((r) => toProblem(r, on));
}
