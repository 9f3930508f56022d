/**
 * Protocol version, sent by clients in the handshake as `protocol`.
 * History:
 *   1 — the contract of protocol.md (v1), plus the extensions marked in these files:
 *       caller:lookup, ticket:history, Ticket.createdBy, snapshot.you/serverTime/truncated,
 *       synced, counter, stats, config, config:update, broadcast:send.
 * A client that sends no version is treated as 1. A client older than MIN_CLIENT_PROTOCOL is
 * refused at the handshake with connect_error `outdated` ("please update"), never half-served.
 */
export const PROTOCOL_VERSION = 1;
export const MIN_CLIENT_PROTOCOL = 1;
