import type { Channel, Input, Output } from '../../shared/contract';
import { call } from './api';

// Calls started before the component that needs them has mounted: the first screen's data loads
// alongside the page's code instead of after it. Each is taken once, by the first useApi of the same
// channel and input within a few seconds; anything later asks the archive again.
const FRESH_MS = 5000;
const started = new Map<string, { at: number; answer: Promise<unknown> }>();
const keyOf = (channel: string, input: unknown) => `${channel} ${JSON.stringify(input ?? null)}`;

export function prefetch<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const answer = call(channel, input);
  answer.catch(() => undefined); // a failure nobody takes is not an error; the page asks again and shows it
  started.set(keyOf(channel, input), { at: Date.now(), answer });
  return answer;
}

/** The answer prefetched for this channel and input, if it is fresh; once. */
export function takePrefetched<C extends Channel>(channel: C, key: string): Promise<Output<C>> | undefined {
  const k = `${channel} ${key}`;
  const hit = started.get(k);
  started.delete(k);
  return hit && Date.now() - hit.at < FRESH_MS ? (hit.answer as Promise<Output<C>>) : undefined;
}
