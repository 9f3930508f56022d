/**
 * The socket boundary. Every client event passes here, in this order: the socket's rate limit,
 * the message's size, a known event, the caller's right to send it (`ACCESS`), the payload
 * parsed with its schema from the protocol's table, then its handler; exactly one typed ack
 * goes back. Nothing thrown below escapes: a handler's failure becomes `{ ok: false, error }`,
 * so no message from a client can crash the hub.
 */
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { fail, type Ack } from '../../../shared/protocol/errors';
import { REQUEST_SCHEMAS, type ParsedRequest, type RequestName, type Results } from '../../../shared/protocol/events';
import { OpError, toAckError } from '../errors';
import { TokenBucket, type RateLimit } from '../rateLimit';
import { closeCall } from './abandonedCalls';
import { requireAccess } from './access';
import { changePin, createUser, freeSeat, listUsers, resetPin, securityLog, signOut, updateUser } from './accounts';
import { endCall, startCall } from './calls';
import { sendBroadcast, updateConfig } from './config';
import type { Caller, HubParts } from './context';
import type { Handlers } from './handler';
import { InvalidRequest, parse } from './parse';
import { backupNow, dailyReport, startExport } from './reports';
import { setSeat } from './seats';
import { createTicket, historyHandler, lookupHandler, noteTicket, searchHandler, updateTicket } from './tickets';

export const MAX_MESSAGE_BYTES = 64 * 1024;

const HANDLERS: Handlers = {
  'call:start': startCall,
  'call:end': endCall,
  'call:close': closeCall,
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
  'backup:now': backupNow,
  'session:signOut': signOut,
  'pin:change': changePin,
  'users:list': listUsers,
  'user:create': createUser,
  'user:update': updateUser,
  'user:resetPin': resetPin,
  'seat:free': freeSeat,
  'security:log': securityLog,
};

function isRequestName(event: string): event is RequestName {
  return Object.hasOwn(HANDLERS, event);
}

/** What a person signed in with a PIN someone else gave them may do before choosing their own. */
const BEFORE_OWN_PIN: ReadonlySet<RequestName> = new Set(['pin:change', 'session:signOut']);

/** One request, past the socket's limits: who may send it, what it says, what it does. */
async function handle<K extends RequestName>(name: K, parts: HubParts, caller: Caller, payload: unknown): Promise<Results[K]> {
  const allowed = requireAccess(name, caller);
  if (caller.role !== 'wall' && caller.mustChangePin && !BEFORE_OWN_PIN.has(name)) {
    throw new OpError('forbidden', 'choose a new PIN first (pin:change): the one you signed in with was given to you by someone else');
  }
  // REQUEST_SCHEMAS[name] parses into ParsedRequest<K> by that type's definition; TypeScript
  // cannot follow a zod schema through a generic key, hence the one cast.
  const req = parse(REQUEST_SCHEMAS[name] as z.ZodType, payload) as ParsedRequest<K>;
  const handler: Handlers[K] = HANDLERS[name];
  return handler(parts, allowed, req);
}

type AnyAck = (ack: Ack<object>) => void;

export function attachHandlers(socket: Socket, parts: HubParts, caller: Caller, rateLimit: RateLimit, log: (msg: string, err?: unknown) => void): void {
  const bucket = new TokenBucket(rateLimit);
  let inFlight = 0;

  const answer = async (event: string, payload: unknown): Promise<Ack<object>> => {
    if (inFlight > rateLimit.inFlight || !bucket.take()) return fail('rate_limited', 'too many requests from this window; slow down and retry');
    if (messageBytes(payload) > MAX_MESSAGE_BYTES) return fail('too_large', `a message may be at most ${MAX_MESSAGE_BYTES / 1024} KiB`);
    if (!isRequestName(event)) return fail('invalid', `unknown event ${JSON.stringify(event).slice(0, 60)}`);
    try {
      return { ok: true, ...(await handle(event, parts, caller, payload)) };
    } catch (err) {
      // A payload that failed its schema names its fields in `error` (field, issues) alone.
      return err instanceof InvalidRequest ? err.ack() : toAckError(err, log);
    }
  };

  socket.onAny((event: unknown, ...args: unknown[]) => {
    const last = args[args.length - 1];
    const ack: AnyAck = typeof last === 'function' ? (last as AnyAck) : () => undefined;
    const payload = typeof args[0] === 'function' ? undefined : args[0];
    inFlight += 1;
    void answer(String(event), payload)
      .catch((err: unknown) => toAckError(err, log))
      .then((result) => {
        inFlight -= 1;
        try {
          ack(result);
        } catch (err) {
          log('sending an ack failed', err);
        }
      });
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
