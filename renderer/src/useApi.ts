import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, Input, Output } from '../../shared/contract';
import { call } from './api';
import { takePrefetched } from './prefetch';

/** Load a channel's answer; reloads when the input changes (compared as JSON). */
export function useApi<C extends Channel>(channel: C, input: Input<C>) {
  const [data, setData] = useState<Output<C> | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(input ?? null);
  const seq = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const d = await (takePrefetched(channel, key) ?? call(channel, JSON.parse(key)));
      if (mine === seq.current) { setData(d); setError(null); }
    } catch (e) {
      if (mine === seq.current) setError(e instanceof Error ? e.message : String(e));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [channel, key]);

  useEffect(() => { void reload(); }, [reload]);
  return { data, error, loading, reload };
}
