/** Socket.IO's typed event maps, built from the message schemas of this folder. */
import type { Ack } from './errors';
import type { CallEndRequest, CallEndResult } from './callEnd';
import type { CallStartRequest, CallStartResult } from './callStart';
import type { CallerLookupRequest, CallerLookupResult } from './callerLookup';
import type { Change } from './change';
import type { Counter } from './counter';
import type { SeatSetRequest, SeatSetResult } from './seatSet';
import type { Snapshot } from './snapshot';
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
};
export type RequestName = keyof Requests;

export const MUTATIONS = ['call:start', 'call:end', 'ticket:create', 'ticket:update', 'ticket:note', 'seat:set'] as const satisfies readonly RequestName[];
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
  synced: (info: { seq: number; counter: Counter; serverTime: string }) => void;
};
