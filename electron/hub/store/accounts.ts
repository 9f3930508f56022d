/** Account rows: who may sign in, as what, and their PIN's hash (never the PIN). */
import type { AccountRole } from '../../../shared/protocol/accounts';
import type { PinHash } from '../accounts/pinHash';
import type { AnyDb, ReadDb } from '../db/connection';
import type { Tx } from './writer';

/** An account as the hub holds it, hash included: never sent to a client as it is. */
export type StoredAccount = {
  username: string;
  name: string;
  role: AccountRole;
  pin: PinHash;
  mustChangePin: boolean;
  disabled: boolean;
  createdAt: string;
  createdBy?: string;
  updatedAt: string;
  lastSignInAt?: string;
};

type AccountRow = {
  username: string;
  name: string;
  role: AccountRole;
  pin_hash: string;
  pin_salt: string;
  pin_params: string;
  must_change_pin: number;
  disabled: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  last_sign_in_at: string | null;
};

function accountFromRow(r: AccountRow): StoredAccount {
  return {
    username: r.username,
    name: r.name,
    role: r.role,
    pin: { hash: r.pin_hash, salt: r.pin_salt, params: JSON.parse(r.pin_params) as PinHash['params'] },
    mustChangePin: r.must_change_pin === 1,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
    ...(r.created_by ? { createdBy: r.created_by } : {}),
    updatedAt: r.updated_at,
    ...(r.last_sign_in_at ? { lastSignInAt: r.last_sign_in_at } : {}),
  };
}

export async function getAccount(db: AnyDb, username: string): Promise<StoredAccount | undefined> {
  const row = await db.get<AccountRow>('SELECT * FROM accounts WHERE username = ?', [username]);
  return row ? accountFromRow(row) : undefined;
}

export async function listAccounts(db: ReadDb): Promise<StoredAccount[]> {
  const rows = await db.all<AccountRow>('SELECT * FROM accounts ORDER BY role DESC, username');
  return rows.map(accountFromRow);
}

/** Supervisors who can sign in: the floor must never be left without one. */
export async function activeSupervisors(db: AnyDb): Promise<string[]> {
  const rows = await db.all<{ username: string }>("SELECT username FROM accounts WHERE role = 'supervisor' AND disabled = 0");
  return rows.map((r) => r.username);
}

export async function anySupervisor(db: AnyDb): Promise<boolean> {
  return (await db.get("SELECT 1 FROM accounts WHERE role = 'supervisor' LIMIT 1")) !== undefined;
}

export async function insertAccount(tx: Tx, a: Omit<StoredAccount, 'updatedAt' | 'lastSignInAt'>): Promise<void> {
  await tx.db.run(
    `INSERT INTO accounts (username, name, role, pin_hash, pin_salt, pin_params, must_change_pin, disabled, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [a.username, a.name, a.role, a.pin.hash, a.pin.salt, JSON.stringify(a.pin.params), a.mustChangePin ? 1 : 0, a.disabled ? 1 : 0, a.createdAt, a.createdBy ?? null, a.createdAt],
  );
}

/** Name, role and whether it is disabled. */
export async function saveAccountDetails(tx: Tx, a: Pick<StoredAccount, 'username' | 'name' | 'role' | 'disabled'>): Promise<void> {
  await tx.db.run('UPDATE accounts SET name = ?, role = ?, disabled = ?, updated_at = ? WHERE username = ?', [a.name, a.role, a.disabled ? 1 : 0, tx.now.toISOString(), a.username]);
}

/** A new PIN: the person's own (`mustChangePin` false) or one a supervisor handed over. */
export async function savePin(tx: Tx, username: string, pin: PinHash, mustChangePin: boolean): Promise<void> {
  await tx.db.run('UPDATE accounts SET pin_hash = ?, pin_salt = ?, pin_params = ?, must_change_pin = ?, updated_at = ? WHERE username = ?', [
    pin.hash,
    pin.salt,
    JSON.stringify(pin.params),
    mustChangePin ? 1 : 0,
    tx.now.toISOString(),
    username,
  ]);
}

export async function noteSignIn(tx: Tx, username: string): Promise<void> {
  await tx.db.run('UPDATE accounts SET last_sign_in_at = ? WHERE username = ?', [tx.now.toISOString(), username]);
}
