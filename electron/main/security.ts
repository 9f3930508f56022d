/**
 * The security rules of the shell as pure functions of URLs and origins; index.ts wires them to
 * Electron's events. Only two origins are ever trusted: the hub this PC uses (known once it is
 * configured, started or found) and the app's own setup pages. Nothing else is loaded,
 * navigated to, opened, granted a permission, or allowed to call the desktop API.
 */
import { DESKTOP_CHANNELS, type DesktopChannel } from '../../shared/desktop/channels';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

/** The setup and waiting pages are served by the shell itself under this scheme, never `file://`. */
export const SETUP_SCHEME = 'helpline-setup';
export const SETUP_ORIGIN = `${SETUP_SCHEME}://app`;

/**
 * The policy for hub pages that come without one (the hub sends the same header itself; this
 * covers error pages or a proxy that drops it): the one policy of the consoles, from shared/.
 */
export const CONSOLE_CSP = CONTENT_SECURITY_POLICY;

/** The setup pages have no script at all: forms post back to the shell. */
export const SETUP_CSP = ["default-src 'none'", "style-src 'self'", "img-src 'self'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'"].join('; ');

/** Anything else that somehow reaches a window may run nothing. */
export const DENY_ALL_CSP = "default-src 'none'; frame-ancestors 'none'";

export type TrustedOrigins = { hub: string | null; setup: string };

/**
 * `scheme://host[:port]`, or null for anything that has no usable origin. WHATWG URL gives
 * "null" as the origin of a custom scheme, so it is built from the parts instead.
 */
export function originOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!u.host) return null;
  return `${u.protocol}//${u.host}`.toLowerCase();
}

/** Socket.IO's WebSocket to the hub counts as the hub's own origin. */
function httpOriginOf(url: string): string | null {
  const o = originOf(url);
  if (!o) return null;
  if (o.startsWith('ws://')) return `http://${o.slice(5)}`;
  if (o.startsWith('wss://')) return `https://${o.slice(6)}`;
  return o;
}

function isHub(url: string, trusted: TrustedOrigins): boolean {
  return trusted.hub !== null && httpOriginOf(url) === trusted.hub.toLowerCase();
}

function isSetup(url: string, trusted: TrustedOrigins): boolean {
  return originOf(url) === trusted.setup.toLowerCase();
}

/**
 * A page may navigate only within its own origin, and only if that origin is trusted. The shell
 * moves a window between the setup pages and the hub itself (loadURL does not ask this), so a
 * hub page can never open the setup pages, and a setup page can never leave for another site.
 */
export function navigationAllowed(fromUrl: string, toUrl: string, trusted: TrustedOrigins): boolean {
  const from = originOf(fromUrl);
  const to = originOf(toUrl);
  if (!from || !to || from !== to) return false;
  return isHub(toUrl, trusted) || isSetup(toUrl, trusted);
}

/** Every request a window makes: to the hub (HTTP and its WebSocket) or to the setup pages. */
export function requestAllowed(url: string, trusted: TrustedOrigins, opts: { devTools: boolean }): boolean {
  if (url.startsWith('data:')) return true; // images the CSP allows; they carry no code it would run
  if (url.startsWith('blob:')) return isHub(url.slice(5), trusted) || isSetup(url.slice(5), trusted);
  if (url.startsWith('devtools:')) return opts.devTools;
  return isHub(url, trusted) || isSetup(url, trusted);
}

/** Only notifications, and only for the hub's pages: the consoles use nothing else. */
export function permissionAllowed(permission: string, requestingUrl: string | undefined, trusted: TrustedOrigins): boolean {
  return permission === 'notifications' && requestingUrl !== undefined && isHub(requestingUrl, trusted);
}

export type SenderFrame = { url: string; isMainFrame: boolean } | null;

/**
 * Who may call each desktop function: the top frame of a hub page; the setup pages may read
 * the app's information only. A frame that is gone (null) or an iframe may call nothing.
 */
export function senderAllowed(channel: DesktopChannel, frame: SenderFrame, trusted: TrustedOrigins): boolean {
  if (!frame || !frame.isMainFrame) return false;
  if (isHub(frame.url, trusted)) return true;
  return channel === DESKTOP_CHANNELS.getInfo && isSetup(frame.url, trusted);
}

export type Headers = Record<string, string[] | string>;

/**
 * Adds a Content-Security-Policy to a response that has none. A policy already sent (the hub's,
 * the setup pages') is kept: it is at least as strict, and two policies would both apply anyway.
 */
export function withContentSecurityPolicy(url: string, headers: Headers | undefined, trusted: TrustedOrigins): Headers {
  const out: Headers = { ...(headers ?? {}) };
  if (Object.keys(out).some((k) => k.toLowerCase() === 'content-security-policy')) return out;
  const policy = isHub(url, trusted) ? CONSOLE_CSP : isSetup(url, trusted) ? SETUP_CSP : DENY_ALL_CSP;
  out['Content-Security-Policy'] = [policy];
  return out;
}
