import { useEffect, useState } from 'react';
import { useClock } from '../../state/clock';

/**
 * Asks the worker again every virtual second and whenever `version` changes (the object's
 * resourceVersion), keeping the last answer on screen while the next one is on its way. An answer
 * that arrives after a newer question was asked is dropped.
 */
export function useRefreshed<T>(ask: () => Promise<T>, key: string, version: string | undefined): T | undefined {
  const second = useClock((s) => Math.floor(s.time / 1000));
  const [answer, setAnswer] = useState<{ key: string; value: T }>();
  useEffect(() => {
    let current = true;
    void ask().then((value) => {
      if (current) setAnswer({ key, value });
    });
    return () => {
      current = false;
    };
    // `ask` is a new closure each render; the key, version and second say when to ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version, second]);
  return answer?.key === key ? answer.value : undefined;
}
