import type { z } from 'zod';

/** A channel: the schema its input must pass, and (as a type only) what it answers. */
export interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  /** Type carrier only; never read at run time. */
  output: O;
}

export function channel<I extends z.ZodType>(input: I) {
  return { returns: <O>(): ChannelDef<I, O> => ({ input, output: undefined as O }) };
}
