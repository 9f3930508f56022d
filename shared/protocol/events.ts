/** Socket.IO's typed event maps, built from the message schemas of this folder. */
import type { Ack } from './errors';
import type { CallEndRequest, CallEndResult } from './callEnd';
import type { CallStartRequest, CallStartResult } from './callStart';
import type { CallerLookupRequest, CallerLookupResult } from './callerLookup';
import type { Change } from './change';
import type { BackupNowResult, DailyReportRequest, DailyReportResult, ExportStartRequest, ExportStartResult } from './reports';
import type { BroadcastSendRequest, BroadcastSendResult, ConfigUpdateRequest, ConfigUpdateResult, FloorConfig } from './config';
import type { Counter } from './counter';
import type { SeatSetRequest, SeatSetResult } from './seatSet';
import type { Snapshot } from './snapshot';
import type { FloorStats } from './stats';
import type { TicketCreateRequest, TicketCreateResult } from './ticketCreate';
import type { TicketHistoryRequest, TicketHistoryResult } from './ticketHistory';
import type { TicketNoteRequest, TicketNoteResult } from './ticketNote';
import type { TicketUpdateRequest, TicketUpdateResult } from './ticketUpdate';
import type { TicketsSearchRequest, TicketsSearchResult } from './ticketsSearch';

/** Request and result of every client-to-server event. Requests are schema *inputs*. */
export type Requests = {
  'call:start': [CallStartRequest, CallStartResult];
  'call:end': [CallEndRequest, CallEndResult];
  'ticket:create': [TicketCreateRequest, TicketCreateResult];
  'ticket:update': [TicketUpdateRequest, TicketUpdateResult];
  'ticket:note': [TicketNoteRequest, TicketNoteResult];
  'tickets:search': [TicketsSearchRequest, TicketsSearchResult];
  'seat:set': [SeatSetRequest, SeatSetResult];
  'caller:lookup': [CallerLookupRequest, CallerLookupResult];
  'ticket:history': [TicketHistoryRequest, TicketHistoryResult];
  'config:update': [ConfigUpdateRequest, ConfigUpdateResult];
  'broadcast:send': [BroadcastSendRequest, BroadcastSendResult];
  'export:start': [ExportStartRequest, ExportStartResult];
  'report:daily': [DailyReportRequest, DailyReportResult];
  'backup:now': [Record<string, never> | undefined, BackupNowResult];
};
export type RequestName = keyof Requests;

export const MUTATIONS = ['call:start', 'call:end', 'ticket:create', 'ticket:update', 'ticket:note', 'seat:set', 'config:update', 'broadcast:send'] as const satisfies readonly RequestName[];
export type MutationName = (typeof MUTATIONS)[number];

export type ClientToServerEvents = {
  [K in RequestName]: (payload: Requests[K][0], ack: (ack: Ack<Requests[K][1]>) => void) => void;
};

export type ServerToClientEvents = {
  snapshot: (s: Snapshot) => void;
  change: (c: Change) => void;
  'seat:revoked': (info: { seat: number; reason: string }) => void;
  /** Extension: sent after the snapshot or the missed changes; the client is now current. */
  /** Extension: the counters changed without a call (local midnight passed). */
  counter: (counter: Counter) => void;
  stats: (stats: FloorStats) => void;
  /** Extension: the floor configuration, on connect and whenever a supervisor changes it. */
  config: (config: FloorConfig) => void;
  synced: (info: { seq: number; counter: Counter; serverTime: string }) => void;
};
