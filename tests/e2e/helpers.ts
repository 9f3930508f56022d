/** Steps the end-to-end tests take as a person would, and a supervisor's socket to check the hub. */
import { randomUUID } from 'node:crypto';
import { type Page, expect } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import type { Ticket } from '../../shared/protocol';
import { E2E_KEYS, hubSocketUrl, hubUrl } from './env';
import { E2E_PIN, usernameOf } from './people';

/** Records every Content-Security-Policy violation of the page, for `cspViolations`. */
export async function watchCsp(page: Page): Promise<void> {
  // As page code (a string): these tests are type-checked without the DOM library.
  await page.addInitScript({
    content: `window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`,
  });
}

export async function cspViolations(page: Page): Promise<string[]> {
  return (await page.evaluate('window.__csp || []')) as string[];
}

/** The sign-in form's fields as a person fills them in: the key only where this browser does not hold it yet. */
export async function fillSignIn(page: Page, user: string, pin: string, key: string): Promise<void> {
  await page.getByLabel('User', { exact: true }).fill(user);
  await page.getByLabel('PIN', { exact: true }).fill(pin);
  const keyField = page.getByLabel('Access key', { exact: true });
  if (await keyField.isVisible()) await keyField.fill(key);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Signs in at a seat as the person the tests call `name` (people.ts gives each an account). */
export async function signIn(page: Page, seat: number, name: string, lang: 'en' | 'hi' = 'en', base: string = hubUrl()): Promise<void> {
  await watchCsp(page);
  await page.goto(`${base}/?lang=${lang}`);
  await page.getByLabel('Seat', { exact: true }).fill(String(seat));
  await fillSignIn(page, usernameOf(name), E2E_PIN, E2E_KEYS.operator);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected');
  await expect(page.getByLabel('Total calls', { exact: true })).toHaveText(/^\d{1,2}(,\d\d)*,?\d{0,3}$/);
}

/** Signs in at /supervisor as a supervisor would: their user name and PIN, no seat. */
export async function signInSupervisor(page: Page, name: string, base: string = hubUrl()): Promise<void> {
  await watchCsp(page);
  await page.goto(`${base}/supervisor?lang=en`);
  await fillSignIn(page, usernameOf(name, 'supervisor'), E2E_PIN, E2E_KEYS.supervisor);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected');
}

/** A unique Indian mobile number per call of this function, so tests never see each other's callers. */
export function uniquePhone(): string {
  const n = Math.floor(Math.random() * 1e9)
    .toString()
    .padStart(9, '0');
  return `9${n}`;
}

export type Ack = { ok: boolean; error?: { code: string; message: string }; [k: string]: unknown };

export class Supervisor {
  private constructor(private readonly socket: Socket) {}

  /**
   * `key` and `seat`: the same checker can act as an operator's seat, to make activity. It signs
   * in as the person the tests call `name`, with the account of the key's role (people.ts).
   */
  static async connect(base: string = hubSocketUrl(), as: { key?: string; seat?: number; name?: string; user?: string; pin?: string } = {}): Promise<Supervisor> {
    const key = as.key ?? E2E_KEYS.supervisor;
    const role = key === E2E_KEYS.operator ? 'operator' : 'supervisor';
    const auth: Record<string, unknown> = { key, clientId: randomUUID(), user: as.user ?? usernameOf(as.name ?? 'Checker', role), pin: as.pin ?? E2E_PIN };
    if (as.seat !== undefined) auth.seat = as.seat;
    const socket = io(base, { auth, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('synced', () => resolve());
      socket.once('connect_error', reject);
    });
    return new Supervisor(socket);
  }

  request(event: string, payload: unknown): Promise<Ack> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${event}: no ack`)), 10_000);
      this.socket.emit(event, payload, (ack: Ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
  }

  async ticketsOf(phone: string): Promise<Ticket[]> {
    const r = await this.request('tickets:search', { phone, limit: 100 });
    expect(r.ok).toBe(true);
    return r.items as Ticket[];
  }

  async callsOf(phone: string): Promise<{ id: string; seat: number; disposition?: string; ticketId?: string }[]> {
    const r = await this.request('caller:lookup', { phone });
    expect(r.ok).toBe(true);
    return r.calls as { id: string; seat: number; disposition?: string; ticketId?: string }[];
  }

  close(): void {
    this.socket.close();
  }
}

/** The console's region holding the ticket list. */
export function ticketList(page: Page) {
  return page.getByRole('region', { name: 'Tickets', exact: true });
}

/** The rows of a CSV file: the integration tests' reader, the one the exports are checked with. */
export { parseCsv } from '../helpers/csv';
