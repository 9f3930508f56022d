import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ClientView, HubClient } from '../sync/client';

export function useClientView(client: HubClient): ClientView {
  return useSyncExternalStore(
    (fn) => client.subscribe(fn),
    client.getView,
  );
}

/** The current time, re-rendered every `everyMs`; timers and clocks read it. */
export function useNow(everyMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/** The hub's clock: timers count from hub timestamps, so a slow PC clock does not skew them. */
export function hubNow(now: Date, view: ClientView): Date {
  return new Date(now.getTime() + view.hub.clockOffsetMs);
}
