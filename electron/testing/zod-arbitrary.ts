/**
 * fast-check arbitraries derived from the contract's zod schemas, for the zod features the contract
 * uses: objects (keys left out when optional), strings (length, pattern), numbers (integer, bounds),
 * booleans, enums, literals, arrays, unions, optional / nullable / default wrappers, pipes (the input
 * side of a transform). Refinements cannot be derived: the caller filters on the schema itself. A
 * `Hints` may replace any field's arbitrary (ids of the right kind, dates that exist).
 */
import fc from 'fast-check';
import type { z } from 'zod';

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, Node>;
  element?: Node;
  innerType?: Node;
  in?: Node;
  out?: Node;
  options?: Node[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: Node;
  valueType?: Node;
}
interface Node { _zod: { def: Def } }

export interface Hints {
  /**
   * The arbitrary for this schema at this key (the object key it sits under; an array's elements
   * carry their array's key), or undefined for the derived one.
   */
  override(schema: z.ZodType, key: string | undefined): fc.Arbitrary<unknown> | undefined;
}

/** Text as the office types it, and what breaks careless code: quotes, LIKE wildcards, markup, emoji, full-width forms. */
const CHARS = [...'城关第一小学督导整改报告王丽张伟（）《》，。、：“”', ...'abcXYZ019 -_%\'"<>&/\\', '😀', '\n', '\t'];
const text = (minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...CHARS), minLength, maxLength });

/** Long texts are tried at their limit now and then, but mostly short (a handler's work grows with them). */
const SHORT = 40;

function checksOf(d: Def): CheckDef[] {
  return (d.checks ?? []).map((c) => c._zod.def);
}

function stringArb(d: Def): fc.Arbitrary<string> {
  let min = 0;
  let max = 200;
  let pattern: RegExp | undefined;
  for (const c of checksOf(d)) {
    if (c.check === 'min_length') min = c.minimum!;
    if (c.check === 'max_length') max = c.maximum!;
    if (c.check === 'length_equals') min = max = c.length!;
    if (c.check === 'string_format' && c.pattern) pattern = c.pattern;
  }
  if (pattern) return fc.stringMatching(pattern).filter((s) => s.length >= min && s.length <= max);
  const short = text(min, Math.max(min, Math.min(max, SHORT)));
  return max > SHORT ? fc.oneof({ weight: 9, arbitrary: short }, { weight: 1, arbitrary: text(max, max) }) : short;
}

function numberArb(d: Def): fc.Arbitrary<number> {
  let min = -1e6;
  let max = 1e6;
  let integer = false;
  for (const c of checksOf(d)) {
    if (c.check === 'number_format') integer = true;
    if (c.check === 'greater_than') min = Number(c.value) + (c.inclusive ? 0 : integer ? 1 : 1e-9);
    if (c.check === 'less_than') max = Number(c.value) - (c.inclusive ? 0 : integer ? 1 : 1e-9);
  }
  // Integers: mostly small (as counts and ids are), now and then anywhere in range.
  if (integer) {
    const small = fc.integer({ min: Math.max(min, -5), max: Math.max(Math.max(min, -5), Math.min(max, 50)) });
    return fc.oneof({ weight: 4, arbitrary: small }, { weight: 1, arbitrary: fc.integer({ min, max }) });
  }
  return fc.double({ min, max, noNaN: true });
}

/** The arbitrary for `schema`'s input. */
export function arbitraryOf(schema: z.ZodType, hints: Hints, key?: string): fc.Arbitrary<unknown> {
  const own = hints.override(schema, key);
  if (own) return own;
  const node = schema as unknown as Node;
  const d = node._zod.def;
  const inner = (n: Node, k = key) => arbitraryOf(n as unknown as z.ZodType, hints, k);
  switch (d.type) {
    case 'string': return stringArb(d);
    case 'number': return numberArb(d);
    case 'boolean': return fc.boolean();
    case 'enum': return fc.constantFrom(...Object.values(d.entries!));
    case 'literal': return fc.constantFrom(...d.values!);
    case 'undefined': return fc.constant(undefined);
    case 'null': return fc.constant(null);
    case 'optional': case 'default': return fc.option(inner(d.innerType!), { nil: undefined, freq: 3 });
    case 'nullable': return fc.option(inner(d.innerType!), { nil: null, freq: 3 });
    case 'readonly': case 'catch': return inner(d.innerType!);
    // z.preprocess is a pipe from a transform: values of the schema it feeds are what it takes.
    case 'pipe': return d.in!._zod.def.type === 'transform' ? inner(d.out!) : inner(d.in!);
    case 'union': return fc.oneof(...d.options!.map((o) => inner(o)));
    case 'array': {
      let min = 0;
      let max = 5;
      for (const c of checksOf(d)) {
        if (c.check === 'min_length') min = c.minimum!;
        if (c.check === 'max_length') max = Math.min(c.maximum!, Math.max(min, 5));
        if (c.check === 'length_equals') min = max = c.length!;
      }
      return fc.array(inner(d.element!), { minLength: min, maxLength: Math.max(min, max) });
    }
    case 'record': return fc.dictionary(inner(d.keyType!) as fc.Arbitrary<string>, inner(d.valueType!), { maxKeys: 3 });
    case 'object': {
      const shape = d.shape!;
      const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, inner(v, k)]));
      // A key whose schema takes undefined may be left out altogether, as the page leaves it.
      const requiredKeys = Object.entries(shape).filter(([, v]) => !['optional', 'default'].includes(v._zod.def.type)).map(([k]) => k);
      return fc.record(fields, { requiredKeys });
    }
    default:
      throw new Error(`zod-arbitrary: no arbitrary for a ${d.type} schema (key ${key ?? '-'}); add it here`);
  }
}
