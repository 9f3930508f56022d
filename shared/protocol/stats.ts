/**
 * `stats` (extension, server to wall and supervisors): the floor's aggregates, computed by the
 * hub and pushed at most about once a second, so that a wall never needs every ticket.
 * The wall's copy has phone numbers masked.
 */
import type { Counter } from './counter';
import type { CallDisposition, SeatState, TicketStatus } from './vocabulary';

export type FloorStats = {
  /** When these figures were computed (hub clock). */
  at: string;
  counter: Counter;
  /** Calls started in the last 60 minutes. */
  lastHour: number;
  /** Calls per local clock hour over the last 24 hours, oldest first; the last is the current hour. */
  hourly: { hour: string; calls: number }[];
  /** Tickets raised since local midnight, by category, largest first. */
  categoriesToday: { category: string; tickets: number }[];
  /** Tickets still being worked, by status. */
  openByStatus: Record<Extract<TicketStatus, 'open' | 'in_progress' | 'forwarded'>, number>;
  /** The same tickets by age since they were raised. */
  openByAge: { under1h: number; h1to4: number; h4to24: number; over24h: number };
  /** Active tickets past their service-level target. */
  overdue: number;
  /** Forwarded tickets waiting on each department, largest first. */
  pendingByDepartment: { department: string; tickets: number }[];
  /** Mean length of calls ended today, in seconds; null before the first. */
  avgHandleSeconds: number | null;
  /** The call running longest now. */
  longestCall: { seat: number; startedAt: string } | null;
  droppedToday: number;
  /** The latest dropped calls (today), newest first, for calling back. */
  recentDropped: { callId: string; seat: number; at: string; phone?: string }[];
  seats: Record<SeatState, number>;
  /** Seats whose clock differs from the hub's by more than a minute (their timers use the hub's). */
  clockDrift: { seat: number; ms: number }[];
  /**
   * Extension (v2, supervisors only; never sent to a wall): each operator's figures today, by
   * account, everyone who took a call or was signed in today.
   */
  people?: PersonFigures[];
};

/** One operator's day: what supervisors judge the floor by. */
export type PersonFigures = {
  username: string;
  name: string;
  /** The seat they hold now, if signed in. */
  seat?: number;
  state?: SeatState;
  /** Calls they took today (started since local midnight, as the floor's other figures count). */
  callsToday: number;
  /** Mean length of those calls that have ended, in seconds; null before the first. */
  avgHandleSeconds: number | null;
  ticketsToday: number;
  /** Those calls that have ended, by disposition. */
  dispositions: Partial<Record<CallDisposition, number>>;
  /** Time on break today, in seconds (to now, for a break still going on). */
  breakSecondsToday: number;
};
