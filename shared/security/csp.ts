/**
 * The one Content-Security-Policy of every page of the app, wherever it is served from: the
 * hub's HTTP responses, the built HTML (a <meta> copy), and the desktop shell's sessions.
 * Only the app's own scripts, styles and fonts; sockets to the page's own hub; no plugins,
 * no framing, no inline code (React style props are set through the DOM, which CSP allows).
 */
const DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** A <meta> element cannot carry frame-ancestors (browsers ignore it there and say so). */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.join('; ');
