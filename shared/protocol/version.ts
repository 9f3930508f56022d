/**
 * Protocol version, sent by clients in the handshake as `protocol`.
 * History:
 *   1 — the contract of protocol.md (v1), plus the extensions marked in these files:
 *       caller:lookup, ticket:history, Ticket.createdBy, snapshot.you/serverTime/truncated,
 *       synced, counter, stats, config, config:update, broadcast:send.
 *   2 — personal accounts (contract v2): the handshake's user, pin and token; session,
 *       session:ended; locked and seat_taken; the account requests (accounts.ts); the username
 *       on calls, tickets, notes, the audit trail and seats; per-person figures.
 * A client that names an older version than MIN_CLIENT_PROTOCOL is refused at the handshake
 * with connect_error `outdated` ("please update"), never half-served: a v1 console, which signs
 * in with a typed name, cannot sign anyone in. A client that sends no version (as the contract's
 * own clients do) is taken to speak the contract as it is.
 */
export const PROTOCOL_VERSION = 2;
export const MIN_CLIENT_PROTOCOL = 2;
