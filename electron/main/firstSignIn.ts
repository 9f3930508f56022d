/**
 * The first start of a hub PC: the hub made a first supervisor with a one-time PIN and wrote
 * it to DATA/first-supervisor.txt (readable only by the account the app runs as), deleted once
 * the PIN is replaced. The hub PC's own window reads it here and shows it on its sign-in form,
 * so the person at the hub PC can sign in without finding a file; no other window is told.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type FirstSignIn = { username: string; pin: string };

export function parseFirstSupervisor(text: string): FirstSignIn | null {
  const username = /^Username:\s*(\S+)\s*$/m.exec(text)?.[1];
  const pin = /^One-time PIN:\s*(\S+)\s*$/m.exec(text)?.[1];
  return username && pin ? { username, pin } : null;
}

export function readFirstSignIn(dataDir: string): FirstSignIn | null {
  try {
    return parseFirstSupervisor(readFileSync(join(dataDir, 'first-supervisor.txt'), 'utf8'));
  } catch {
    return null;
  }
}
