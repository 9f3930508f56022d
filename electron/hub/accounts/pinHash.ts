/**
 * PINs at rest: scrypt (node:crypto) with a random 16-byte salt per account, its parameters kept
 * beside the hash, so that a later hub can raise them for PINs set from then on and still check
 * older ones. Hashing runs on libuv's thread pool (crypto.scrypt, not scryptSync), at most
 * HASHES_AT_ONCE at a time: the pool is also SQLite's, and the writer's commits must not wait
 * behind a room full of sign-ins. Comparison is in constant time.
 *
 * The parameters (N=2^15, r=8, p=1: 32 MiB and about 0.13 s a hash on the hub's kind of PC) are
 * set so that a shift change, forty sign-ins two hashes at a time, is through in a few seconds.
 * A six-digit PIN is short whatever the hash: a stolen copy of the database can be searched
 * for one in a day or so of one core's time, and no cost a hub could pay at every sign-in
 * changes that much. What keeps a PIN from being guessed is the throttle (throttle.ts) over the
 * network, and the database and its backups being kept as safe as the records in them.
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { Slots } from '../slots';

export type ScryptParams = { N: number; r: number; p: number };
/** What is stored for a PIN: never the PIN. */
export type PinHash = { hash: string; salt: string; params: ScryptParams & { alg: 'scrypt'; keylen: number } };

export const SCRYPT_DEFAULTS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEYLEN = 32;
const HASHES_AT_ONCE = 2;

/** Refuses parameters scrypt cannot run or that would take the hub's memory. */
export function checkScryptParams(p: ScryptParams): void {
  const powerOfTwo = Number.isInteger(Math.log2(p.N));
  if (!powerOfTwo || p.N < 16 || p.N > 2 ** 20) throw new Error('the PIN hash cost N must be a power of two from 16 to 2^20');
  if (!Number.isInteger(p.r) || p.r < 1 || p.r > 32 || !Number.isInteger(p.p) || p.p < 1 || p.p > 16) throw new Error('the PIN hash parameters r and p must be whole numbers (r 1 to 32, p 1 to 16)');
}

const slots = new Slots(HASHES_AT_ONCE);

/**
 * Derives the key in a slot of its own; `skip`, checked once the slot is free and before any
 * work, may give the slot up instead (a sign-in whose username or address locked meanwhile).
 */
function derive(pin: string, salt: Buffer, p: ScryptParams, keylen: number, skip?: () => boolean): Promise<Buffer | null> {
  // Memory scrypt needs is 128 * N * r bytes; allow it with room, as Node's default cap is 32 MiB.
  const maxmem = 256 * p.N * p.r + 1024 * 1024;
  return slots.run(() =>
    skip?.()
      ? Promise.resolve(null)
      : new Promise<Buffer>((resolve, reject) => scrypt(pin.normalize('NFC'), salt, keylen, { N: p.N, r: p.r, p: p.p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)))),
  );
}

export async function hashPin(pin: string, params: ScryptParams = SCRYPT_DEFAULTS): Promise<PinHash> {
  const salt = randomBytes(16);
  const key = (await derive(pin, salt, params, KEYLEN))!;
  return { hash: key.toString('base64'), salt: salt.toString('base64'), params: { alg: 'scrypt', N: params.N, r: params.r, p: params.p, keylen: KEYLEN } };
}

/** Whether `pin` is the one `stored` was made from; `skipped` when `skip` said so before the hash began. */
export async function pinMatches(pin: string, stored: PinHash, skip?: () => boolean): Promise<boolean | 'skipped'> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(pin, Buffer.from(stored.salt, 'base64'), stored.params, expected.length, skip);
  if (key === null) return 'skipped';
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash no PIN matches, with the hub's parameters: a sign-in for a username that does not
 * exist is checked against it, so that it takes as long as one that does.
 */
export function unmatchableHash(params: ScryptParams = SCRYPT_DEFAULTS): PinHash {
  return { hash: randomBytes(KEYLEN).toString('base64'), salt: randomBytes(16).toString('base64'), params: { alg: 'scrypt', ...params, keylen: KEYLEN } };
}

/** A one-time PIN a supervisor hands over: eight random digits, never starting with 0 (so it reads as typed). */
export function oneTimePin(): string {
  return String(randomInt(10_000_000, 100_000_000));
}
