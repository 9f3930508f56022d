/** Who sent a request: fixed at the handshake (auth.ts), kept in socket.data, never taken from a payload. */
type Identity = { clientId: string; name: string };
/**
 * A person signed in with their account. `name` is the account's (kept current when a
 * supervisor renames it); `session` is the SHA-256 of the session's token; until
 * `mustChangePin` is cleared by `pin:change`, nothing else may be asked.
 */
export type Person = { username: string; session: string; mustChangePin: boolean; address: string };
/** Only an operator has a seat. */
export type OperatorCaller = Identity & Person & { role: 'operator'; seat: number };
export type SupervisorCaller = Identity & Person & { role: 'supervisor'; seat?: undefined };
export type WallCaller = Identity & { role: 'wall'; seat?: undefined; username?: undefined };
export type Caller = OperatorCaller | SupervisorCaller | WallCaller;
export type PersonCaller = OperatorCaller | SupervisorCaller;

