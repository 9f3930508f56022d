/**
 * Protocol version, sent by clients in the handshake as `protocol`.
 * History:
 *   1 — the contract of protocol.md (v1), plus the extensions marked in these files:
 *       caller:lookup, ticket:history, Ticket.createdBy, snapshot.you/serverTime/truncated,
 *       synced, counter, stats, config, config:update, broadcast:send.
 *   2 — personal accounts (contract v2): the handshake's user, pin and token; session,
 *       session:ended; locked and seat_taken; the account requests (accounts.ts); the username
 *       on calls, tickets, notes, the audit trail and seats; per-person figures.
 * The number says how a client reads the hub, not who may sign in: every client signs in as
 * the contract says (a person with user and PIN, a wall with its key), whatever it names, so a
 * client of version 1 is served as version 1 (a typed name alone is simply refused as
 * `unauthorized`). A client that sends no version is taken as 1, the contract's own. Only a
 * client older than MIN_CLIENT_PROTOCOL is refused, with connect_error `outdated`.
 */
export const PROTOCOL_VERSION = 2;
export const MIN_CLIENT_PROTOCOL = 1;
