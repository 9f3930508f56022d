/** Who sits at this screen: kept so a reload or a restart goes straight back to the seat. */
import { browserStore, readJson } from '../hubLink/storage';

export interface Session {
  seat: number;
  name: string;
  key: string;
}

const KEY = 'hcr.session';

export function loadSession(): Session | null {
  const s = readJson<Session>(browserStore(), KEY);
  return s && Number.isInteger(s.seat) && s.seat > 0 && typeof s.name === 'string' && typeof s.key === 'string' ? s : null;
}

export function saveSession(s: Session): void {
  browserStore().setItem(KEY, JSON.stringify(s));
}

/** Signing out forgets the key but keeps seat and name to fill the form next time. */
export function forgetKey(): void {
  const s = loadSession();
  if (s) browserStore().setItem(KEY, JSON.stringify({ ...s, key: '' }));
}

/** Seats whose outbox still holds unsent changes on this screen. */
export function seatsWithUnsent(): { seat: number; count: number }[] {
  const store = browserStore();
  const out: { seat: number; count: number }[] = [];
  for (let i = 0; i < window.localStorage.length; i++) {
    const k = window.localStorage.key(i);
    const m = k ? /^hcr\.outbox\.seat-(\d+)$/.exec(k) : null;
    if (!m || !k) continue;
    const data = readJson<{ ops?: unknown[] }>(store, k);
    const count = data?.ops?.length ?? 0;
    if (count > 0) out.push({ seat: Number(m[1]), count });
  }
  return out;
}
