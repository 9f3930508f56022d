/**
 * The socket boundary. Every client event passes here: its size is checked, the socket's
 * rate limit applied, the payload handed to its handler, and exactly one typed ack sent back.
 * Nothing thrown below escapes: a handler's failure becomes `{ ok: false, error }`, so no
 * message from a client can crash the hub.
 */
import type { Socket } from 'socket.io';
import { fail } from '../../../shared/protocol/errors';
import { MUTATIONS, type RequestName } from '../../../shared/protocol/events';
import { OpError, toAckError } from '../errors';
import { TokenBucket, type RateLimit } from '../rateLimit';
import { endCall, startCall } from './calls';
import { sendBroadcast, updateConfig } from './config';
import { dailyReport, startExport } from '../reports';
import type { Caller, Handler, HubParts } from './context';
import { setSeat } from './seats';
import { createTicket, historyHandler, lookupHandler, noteTicket, searchHandler, updateTicket } from './tickets';

export const MAX_MESSAGE_BYTES = 64 * 1024;

const HANDLERS: Record<RequestName, Handler> = {
  'call:start': startCall,
  'call:end': endCall,
  'ticket:create': createTicket,
  'ticket:update': updateTicket,
  'ticket:note': noteTicket,
  'tickets:search': searchHandler,
  'seat:set': setSeat,
  'caller:lookup': lookupHandler,
  'ticket:history': historyHandler,
  'config:update': updateConfig,
  'broadcast:send': sendBroadcast,
  'export:start': startExport,
  'report:daily': dailyReport,
  'backup:now': async (parts, caller) => {
    if (caller.role !== 'supervisor') throw new OpError('forbidden', 'only a supervisor can start a backup');
    return { backup: await parts.backup() };
  },
};

const MUTATION_SET = new Set<string>(MUTATIONS);

type Ack = (result: object) => void;

export function attachHandlers(socket: Socket, parts: HubParts, caller: Caller, rateLimit: RateLimit, log: (msg: string, err?: unknown) => void): void {
  const bucket = new TokenBucket(rateLimit);
  let inFlight = 0;

  const handle = async (event: string, args: unknown[]): Promise<void> => {
    const last = args[args.length - 1];
    const ack: Ack = typeof last === 'function' ? (last as Ack) : () => undefined;
    const payload = typeof args[0] === 'function' ? undefined : args[0];
    let result: object;
    inFlight += 1;
    try {
      if (inFlight > rateLimit.inFlight || !bucket.take()) result = fail('rate_limited', 'too many requests from this window; slow down and retry');
      else if (messageBytes(payload) > MAX_MESSAGE_BYTES) result = fail('too_large', `a message may be at most ${MAX_MESSAGE_BYTES / 1024} KiB`);
      else if (!Object.hasOwn(HANDLERS, event)) result = fail('invalid', `unknown event ${JSON.stringify(event).slice(0, 60)}`);
      else if (caller.role === 'wall' && MUTATION_SET.has(event)) result = fail('forbidden', 'the wall display is read-only');
      else result = { ok: true, ...(await HANDLERS[event as RequestName](parts, caller, payload)) };
    } catch (err) {
      result = toAckError(err, log);
    } finally {
      inFlight -= 1;
    }
    try {
      ack(result);
    } catch (err) {
      log('sending an ack failed', err);
    }
  };

  socket.onAny((event: unknown, ...args: unknown[]) => {
    void handle(String(event), args);
  });
}

/** Size of a payload as it came over the wire (JSON), without trusting its shape. */
function messageBytes(payload: unknown): number {
  if (payload === undefined) return 0;
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? '');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
