/**
 * SQL built from parts that always travel with their parameters (after Signal-Desktop's ts/sql/util.ts).
 *
 *   const where = sqlFragment`p.school_id = ${schoolId} AND p.status = ${status}`;
 *   const [text, params] = sql`SELECT count(*) FROM problems p WHERE ${where}`;
 *   prepared(a, text).pluck().get(...params);
 *
 * A value written into a template is bound (`?`), never pasted into the text; a fragment written into
 * one brings its text and its parameters, in their place. So a condition made in one module and used
 * in another cannot lose or reorder its parameters. Text comes only from the templates themselves, from
 * `sqlLiteral` (a quoted constant, for expressions an index must match), `sqlName` (a checked
 * table or column name).
 */

export type SqlValue = string | number | bigint | null | Buffer;

let make: (text: string, params: readonly SqlValue[]) => SqlFragment;

/** A piece of SQL with the parameters it binds, in order. Made only by the functions below. */
export class SqlFragment {
  private constructor(readonly text: string, readonly params: readonly SqlValue[]) {}

  static {
    make = (text, params) => new SqlFragment(text, params);
  }
}

/** A fragment: values become `?` with their parameter, fragments are spliced in with theirs. */
export function sqlFragment(strings: TemplateStringsArray, ...values: readonly (SqlFragment | SqlValue)[]): SqlFragment {
  let text = strings[0];
  const params: SqlValue[] = [];
  values.forEach((v, i) => {
    if (v instanceof SqlFragment) {
      text += v.text;
      params.push(...v.params);
    } else {
      if (v === undefined) throw new Error(`sqlFragment: value ${i + 1} is undefined (in "${strings.join('?')}")`);
      text += '?';
      params.push(v);
    }
    text += strings[i + 1];
  });
  return make(text, params);
}

/** Fragments (or values, bound) one after another, with a separator between them. */
export function sqlJoin(items: readonly (SqlFragment | SqlValue)[], separator: ', ' | ' AND ' | ' OR ' | ' ' = ', '): SqlFragment {
  const parts = items.map((item) => sqlFragment`${item}`);
  return make(parts.map((p) => p.text).join(separator), parts.flatMap((p) => p.params));
}

/**
 * A constant written as a literal rather than bound: for expressions that must read exactly like an
 * index's (a CASE over the statuses). Strings are quoted with '' doubled.
 */
export function sqlLiteral(value: string | number): SqlFragment {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`sqlLiteral: ${value} is not a finite number`);
    return make(String(value), []);
  }
  return make(`'${value.replace(/'/g, "''")}'`, []);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

/** A table or column name (`schools_fts`, `s.id`); anything that is not a plain name is refused. */
export function sqlName(name: string): SqlFragment {
  if (!NAME.test(name)) throw new Error(`sqlName: "${name}" is not a table or column name`);
  return make(name, []);
}

/** A finished statement: its text and its parameters, as `prepare(text).all(...params)` takes them. */
export type Query = [text: string, params: SqlValue[]];

/** A finished statement from a template (see the top of this file). */
export function sql(strings: TemplateStringsArray, ...values: readonly (SqlFragment | SqlValue)[]): Query {
  const f = sqlFragment(strings, ...values);
  return [f.text, [...f.params]];
}
