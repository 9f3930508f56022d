/** Builders for the hub link's tests, and a socket that lets a test play the hub. */
import type { Snapshot, Ticket } from '../../../shared/protocol';
import type { AuthPayload, HubSocket } from './client';

export function ticket(n: number, extra: Partial<Ticket> = {}): Ticket {
  return {
    id: `t${n}`,
    number: n,
    version: 1,
    status: 'open',
    category: 'food_ration',
    phone: '+919876543210',
    priority: 'normal',
    description: `ticket ${n}`,
    createdAt: '2026-11-28T10:00:00.000Z',
    updatedAt: '2026-11-28T10:00:00.000Z',
    seat: 1,
    notes: [],
    ...extra,
  };
}

type Handler = (...args: unknown[]) => void;

/** A socket that records what is sent and lets the test play the hub. */
export class FakeSocket implements HubSocket {
  connected = false;
  active = true;
  handlers = new Map<string, Handler[]>();
  sent: { event: string; payload: Record<string, unknown>; ack: Handler }[] = [];
  connects = 0;
  constructor(private readonly auth: (cb: (d: object) => void) => void) {}
  on(event: string, fn: (...args: never[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn as Handler]);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    this.sent.push({ event, payload: args[0] as Record<string, unknown>, ack: args[1] as Handler });
    return this;
  }
  lastAuth: AuthPayload | null = null;
  connect() {
    this.connects += 1;
    this.auth((d) => (this.lastAuth = d as AuthPayload));
    return this;
  }
  disconnect() {
    if (this.connected) {
      this.connected = false;
      this.fire('disconnect', 'io client disconnect');
    }
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const h of this.handlers.get(event) ?? []) h(...args);
  }
  open(snapshot?: Snapshot) {
    this.connected = true;
    this.fire('connect');
    if (snapshot) this.fire('snapshot', snapshot);
  }
  drop() {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }
}
