/**
 * The shape of every request handler, derived from the protocol's request/response table and
 * the access table: it is handed the parsed request and a caller allowed to send it, and must
 * resolve with that request's result. A handler that returns the wrong thing does not compile.
 */
import type { ParsedRequest, RequestName, Results } from '../../../shared/protocol/events';
import type { AllowedCaller } from './access';
import type { HubParts } from './context';

export type Handler<K extends RequestName> = (parts: HubParts, caller: AllowedCaller<K>, req: ParsedRequest<K>) => Promise<Results[K]>;

/** One handler per request, no more, no fewer. */
export type Handlers = { [K in RequestName]: Handler<K> };
