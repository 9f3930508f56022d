/**
 * Accounts a hub starts with: those of `--users` that do not exist yet, and, on a hub with no
 * supervisor at all, a first supervisor with a one-time PIN, so that someone can sign in and
 * add the others. PINs are hashed before the writer is asked for anything (a hash takes a
 * while; a transaction must not).
 *
 * The first supervisor's username and PIN go into DATA/first-supervisor.txt (readable only by
 * the hub's account) and to the one who started the hub, once; never into a log. The file is
 * deleted as soon as that PIN is replaced.
 */
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadDb } from '../db/connection';
import { anySupervisor, getAccount, insertAccount } from '../store/accounts';
import { logSecurity } from '../store/securityLog';
import type { Writer } from '../store/writer';
import { hashPin, oneTimePin, type ScryptParams } from './pinHash';
import type { SeedUser } from './usersFile';

export type FirstSupervisor = { username: string; pin: string; file: string };

const FIRST_SUPERVISOR_FILE = 'first-supervisor.txt';
const FIRST_SUPERVISOR_NAMES = ['supervisor', 'admin', 'supervisor1', 'floor-supervisor'];

/** Creates the accounts of `users` that do not exist; returns the usernames created. Existing ones are never touched. */
export async function applyUsers(writer: Writer, reader: ReadDb, users: readonly SeedUser[], pinHashing: ScryptParams): Promise<string[]> {
  const missing: SeedUser[] = [];
  for (const u of users) if (!(await getAccount(reader, u.username))) missing.push(u);
  if (missing.length === 0) return [];
  const hashed = await Promise.all(missing.map(async (u) => ({ u, pin: await hashPin(u.pin, pinHashing) })));
  return writer.write(async (tx) => {
    const created: string[] = [];
    for (const { u, pin } of hashed) {
      if (await getAccount(tx.db, u.username)) continue;
      await insertAccount(tx, { username: u.username, name: u.name, role: u.role, pin, mustChangePin: u.mustChangePin ?? false, disabled: false, createdAt: tx.now.toISOString() });
      await logSecurity(tx, { kind: 'account_changed', username: u.username, detail: `created from the users list: ${u.role}, ${u.name}` });
      created.push(u.username);
    }
    return created;
  });
}

/** On a hub without any supervisor account: makes one with a one-time PIN, and writes it down for whoever set the hub up. */
export async function ensureSupervisor(writer: Writer, reader: ReadDb, dataDir: string, pinHashing: ScryptParams): Promise<FirstSupervisor | undefined> {
  if (await anySupervisor(reader)) return undefined;
  let username: string | undefined;
  for (const candidate of FIRST_SUPERVISOR_NAMES) if (!(await getAccount(reader, candidate))) (username ??= candidate);
  if (!username) throw new Error(`no supervisor account exists and the usernames ${FIRST_SUPERVISOR_NAMES.join(', ')} are all taken: add a supervisor with --users`);
  const pin = oneTimePin();
  const hash = await hashPin(pin, pinHashing);
  const name = username;
  await writer.write(async (tx) => {
    await insertAccount(tx, { username: name, name: 'Supervisor', role: 'supervisor', pin: hash, mustChangePin: true, disabled: false, createdAt: tx.now.toISOString() });
    await logSecurity(tx, { kind: 'account_changed', username: name, detail: 'the first supervisor, made by the hub at its first start, with a one-time PIN' });
  });
  const file = join(dataDir, FIRST_SUPERVISOR_FILE);
  writeFileSync(
    file,
    [
      'Helpline hub: the first supervisor account',
      `Username: ${username}`,
      `One-time PIN: ${pin}`,
      '',
      'Sign in at /supervisor with the supervisor key, this username and this PIN; you will be asked to',
      'choose a PIN of your own at once. This file is deleted when you have.',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  chmodSync(file, 0o600);
  return { username, pin, file };
}

/** Deletes DATA/first-supervisor.txt once its PIN no longer signs anyone in (changed, or the account gone). */
export class FirstSupervisorFile {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, FIRST_SUPERVISOR_FILE);
  }

  /** The username the file was written for, if there is one. */
  username(): string | undefined {
    if (!existsSync(this.file)) return undefined;
    try {
      return /^Username: (\S+)$/m.exec(readFileSync(this.file, 'utf8'))?.[1];
    } catch {
      return undefined;
    }
  }

  /** `username` chose their own PIN (or was given another): a file naming them is now only a risk. */
  forget(username: string): void {
    if (this.username() === username) rmSync(this.file, { force: true });
  }

  /** At start: a file whose account no longer needs it goes. */
  async tidy(reader: ReadDb): Promise<void> {
    const username = this.username();
    if (username === undefined) return;
    const account = await getAccount(reader, username);
    if (!account || !account.mustChangePin) rmSync(this.file, { force: true });
  }
}
