/** Wires the hub client to the real browser: socket.io-client, localStorage and the online/offline events. */
import { io } from 'socket.io-client';
import { type AuthPayload, type ClientOptions, HubClient, type HubSocket } from './client';
import { browserStore, type KeyValueStore, newId } from './storage';

export const CLIENT_ID_KEY = 'hcr.clientId';

/** One id per browser profile, kept forever: the hub scopes opIds by it. */
export function clientId(store: KeyValueStore = browserStore()): string {
  const existing = store.getItem(CLIENT_ID_KEY);
  if (existing) return existing;
  const id = newId();
  store.setItem(CLIENT_ID_KEY, id);
  return id;
}

export function browserNetwork() {
  return {
    online: () => navigator.onLine,
    subscribe(fn: (online: boolean) => void) {
      const on = () => fn(true);
      const off = () => fn(false);
      window.addEventListener('online', on);
      window.addEventListener('offline', off);
      return () => {
        window.removeEventListener('online', on);
        window.removeEventListener('offline', off);
      };
    },
  };
}

export function createBrowserClient(
  auth: Omit<AuthPayload, 'clientId'>,
  opts: Pick<ClientOptions, 'readOnly' | 'outboxScope' | 'credential' | 'session'> = {},
): HubClient {
  const storage = browserStore();
  return new HubClient({
    url: window.location.origin,
    auth: { ...auth, clientId: clientId(storage) },
    storage,
    readOnly: opts.readOnly ?? false,
    ...(opts.outboxScope ? { outboxScope: opts.outboxScope } : {}),
    ...(opts.credential ? { credential: opts.credential } : {}),
    ...(opts.session ? { session: opts.session } : {}),
    network: browserNetwork(),
    connect: (url, authFn) =>
      io(url, {
        auth: authFn,
        autoConnect: false,
        // WebSocket only: the hub is on the LAN, and one connection per window keeps seat takeover simple.
        transports: ['websocket'],
        reconnectionDelay: 500,
        reconnectionDelayMax: 5000,
      }) as unknown as HubSocket,
  });
}

