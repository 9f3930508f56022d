/** What the tests share with the global setup: the hub's keys and where its counter starts. */
export const E2E_KEYS = { operator: 'e2e-operator-key', supervisor: 'e2e-supervisor-key', wall: 'e2e-wall-key' };
export const INITIAL_TOTAL = 103515;

/**
 * The name the browser reaches the hub by. A floor opens the hub at its LAN name over http,
 * which a browser does not count as a secure context (127.0.0.1 and localhost it does), so
 * the pages are tested the way the floor meets them: Chromium maps this name to loopback
 * (`--host-resolver-rules` in playwright.config.ts) and sees an ordinary LAN origin.
 */
export const LAN_HOST = 'hub.test';
export const HOST_RESOLVER_RULES = `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`;

/** A hub's loopback address (as `startHub` gives it) as the browser reaches it: by its LAN name. */
export function lanUrl(loopbackUrl: string): string {
  const url = new URL(loopbackUrl);
  url.hostname = LAN_HOST;
  return url.origin;
}

/** The run's hub for sockets the tests open from Node (which cannot resolve the LAN name). */
export function hubSocketUrl(): string {
  const url = process.env.E2E_HUB_URL;
  if (!url) throw new Error('E2E_HUB_URL is not set: run the tests through `playwright test`, whose global setup starts the hub');
  return url;
}

/** The run's hub for pages: by its LAN name. */
export function hubUrl(): string {
  return lanUrl(hubSocketUrl());
}
