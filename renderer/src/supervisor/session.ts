/**
 * Who runs the floor from this screen: a supervisor has a name and a key, no seat. Kept so a
 * reload goes straight back to the console, and read by the daily report page to sign in.
 */
import { browserStore, readJson } from '../hubLink/storage';

export interface SupervisorSession {
  name: string;
  key: string;
}

export const SUPERVISOR_SESSION_KEY = 'hcr.supervisor.session';

export function loadSupervisorSession(): SupervisorSession | null {
  const s = readJson<SupervisorSession>(browserStore(), SUPERVISOR_SESSION_KEY);
  return s && typeof s.name === 'string' && typeof s.key === 'string' ? s : null;
}

export function saveSupervisorSession(s: SupervisorSession): void {
  browserStore().setItem(SUPERVISOR_SESSION_KEY, JSON.stringify(s));
}

/** Signing out forgets the key but keeps the name for the form. */
export function forgetSupervisorKey(): void {
  const s = loadSupervisorSession();
  if (s) saveSupervisorSession({ ...s, key: '' });
}
