/**
 * The proxy setting of the consoles' session. The session only ever talks to the hub on the LAN
 * (and to the setup pages, which the shell serves itself): every other request is cancelled
 * (security.ts, `requestAllowed`). So it goes straight to the hub, as the reachability check
 * does (hubProbe.ts, over Node's fetch, which uses no proxy). Left to the system's proxy, which
 * by default exempts only loopback (`<local>`), the check said "up" while the window asked a
 * proxy that cannot reach the hub, and the console never loaded.
 *
 * Direct does not depend on which hub is trusted, so it is set once, before the first page
 * loads, and holds for every hub found later on the LAN.
 */
import type { ProxyConfig } from 'electron';

export function consoleSessionProxy(): ProxyConfig {
  return { mode: 'direct' };
}
