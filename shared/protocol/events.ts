/**
 * The request/response table of every client-to-server event: each request's schema (what the
 * hub parses a payload with) and the type of its successful ack. The hub's handler map and the
 * consoles' requests and outbox are typed from this one table, so the compiler checks both ends.
 */
import type { z } from 'zod';
import type { Ack } from './errors';
import { CallCloseRequest, type CallCloseResult } from './callClose';
import { CallEndRequest, type CallEndResult } from './callEnd';
import { CallStartRequest, type CallStartResult } from './callStart';
import { CallerLookupRequest, type CallerLookupResult } from './callerLookup';
import type { Change } from './change';
import { BackupNowRequest, type BackupNowResult, DailyReportRequest, type DailyReportResult, ExportStartRequest, type ExportStartResult } from './reports';
import { BroadcastSendRequest, type BroadcastSendResult, ConfigUpdateRequest, type ConfigUpdateResult, type FloorConfig } from './config';
import type { Counter } from './counter';
import type { Seat } from './seat';
import { SeatSetRequest, type SeatSetResult } from './seatSet';
import type { Snapshot } from './snapshot';
import type { FloorStats } from './stats';
import { TicketCreateRequest, type TicketCreateResult } from './ticketCreate';
import { TicketHistoryRequest, type TicketHistoryResult } from './ticketHistory';
import { TicketNoteRequest, type TicketNoteResult } from './ticketNote';
import { TicketUpdateRequest, type TicketUpdateResult } from './ticketUpdate';
import { TicketsSearchRequest, type TicketsSearchResult } from './ticketsSearch';
import {
  PinChangeRequest,
  type PinChangeResult,
  SeatFreeRequest,
  SecurityLogRequest,
  type SecurityLogResult,
  type Session,
  type SessionEnded,
  SignOutRequest,
  type SignOutResult,
  UserCreateRequest,
  type UserCreateResult,
  UserResetPinRequest,
  type UserResetPinResult,
  UsersListRequest,
  type UsersListResult,
  UserUpdateRequest,
  type UserUpdateResult,
} from './accounts';

/** The schema every request's payload is parsed with. */
export const REQUEST_SCHEMAS = {
  'call:start': CallStartRequest,
  'call:end': CallEndRequest,
  'call:close': CallCloseRequest,
  'ticket:create': TicketCreateRequest,
  'ticket:update': TicketUpdateRequest,
  'ticket:note': TicketNoteRequest,
  'tickets:search': TicketsSearchRequest,
  'seat:set': SeatSetRequest,
  'caller:lookup': CallerLookupRequest,
  'ticket:history': TicketHistoryRequest,
  'config:update': ConfigUpdateRequest,
  'broadcast:send': BroadcastSendRequest,
  'export:start': ExportStartRequest,
  'report:daily': DailyReportRequest,
  'backup:now': BackupNowRequest,
  'session:signOut': SignOutRequest,
  'pin:change': PinChangeRequest,
  'users:list': UsersListRequest,
  'user:create': UserCreateRequest,
  'user:update': UserUpdateRequest,
  'user:resetPin': UserResetPinRequest,
  'seat:free': SeatFreeRequest,
  'security:log': SecurityLogRequest,
} as const;

/** What each request's successful ack carries besides `ok: true`. */
export type Results = {
  'call:start': CallStartResult;
  'call:end': CallEndResult;
  'call:close': CallCloseResult;
  'ticket:create': TicketCreateResult;
  'ticket:update': TicketUpdateResult;
  'ticket:note': TicketNoteResult;
  'tickets:search': TicketsSearchResult;
  'seat:set': SeatSetResult;
  'caller:lookup': CallerLookupResult;
  'ticket:history': TicketHistoryResult;
  'config:update': ConfigUpdateResult;
  'broadcast:send': BroadcastSendResult;
  'export:start': ExportStartResult;
  'report:daily': DailyReportResult;
  'backup:now': BackupNowResult;
  'session:signOut': SignOutResult;
  'pin:change': PinChangeResult;
  'users:list': UsersListResult;
  'user:create': UserCreateResult;
  'user:update': UserUpdateResult;
  'user:resetPin': UserResetPinResult;
  'seat:free': { seat: Seat };
  'security:log': SecurityLogResult;
};

/**
 * Request and result of every client-to-server event. Requests are the schemas' *inputs* (what
 * a client sends); handlers receive their *outputs* (`ParsedRequest`), after parsing.
 */
export type Requests = { [K in keyof typeof REQUEST_SCHEMAS]: [z.input<(typeof REQUEST_SCHEMAS)[K]>, Results[K]] };
export type ParsedRequest<K extends RequestName> = z.output<(typeof REQUEST_SCHEMAS)[K]>;
export type RequestName = keyof Requests;

export const MUTATIONS = ['call:start', 'call:end', 'call:close', 'ticket:create', 'ticket:update', 'ticket:note', 'seat:set', 'config:update', 'broadcast:send'] as const satisfies readonly RequestName[];
export type MutationName = (typeof MUTATIONS)[number];

export type ClientToServerEvents = {
  [K in RequestName]: (payload: Requests[K][0], ack: (ack: Ack<Requests[K][1]>) => void) => void;
};

export type ServerToClientEvents = {
  snapshot: (s: Snapshot) => void;
  change: (c: Change) => void;
  'seat:revoked': (info: { seat: number; reason: string }) => void;
  /** v2: the person's session, after a sign-in or a reconnect with its token. */
  session: (s: Session) => void;
  /** Extension (v2): the hub ended this session (signed out elsewhere, disabled, PIN reset, seat freed); it disconnects next. */
  'session:ended': (e: SessionEnded) => void;
  /** Extension: the counters changed without a call (local midnight passed). */
  counter: (counter: Counter) => void;
  stats: (stats: FloorStats) => void;
  /** Extension: the floor configuration, on connect and whenever a supervisor changes it. */
  config: (config: FloorConfig) => void;
  /**
   * Extension: sent after the snapshot or the missed changes; the client is now current. The
   * hub's clock and time zone (IANA), in which "today" and local hours are counted.
   */
  synced: (info: { seq: number; counter: Counter; serverTime: string; timeZone: string }) => void;
};
