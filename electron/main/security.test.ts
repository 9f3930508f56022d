import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { DESKTOP_CHANNELS } from '../../shared/desktop/channels';
import {
  CONSOLE_CSP,
  DENY_ALL_CSP,
  navigationAllowed,
  originOf,
  permissionAllowed,
  requestAllowed,
  SETUP_CSP,
  SETUP_ORIGIN,
  senderAllowed,
  type TrustedOrigins,
  withContentSecurityPolicy,
} from './security';

const HUB = 'http://10.0.0.5:4950';
const trusted: TrustedOrigins = { hub: HUB, setup: SETUP_ORIGIN };
const noHub: TrustedOrigins = { hub: null, setup: SETUP_ORIGIN };

describe('originOf', () => {
  it('handles http, ws and the setup scheme (whose WHATWG origin is "null")', () => {
    expect(originOf('http://10.0.0.5:4950/wall?key=x')).toBe(HUB);
    expect(originOf('ws://10.0.0.5:4950/socket.io/?EIO=4')).toBe('ws://10.0.0.5:4950');
    expect(originOf(`${SETUP_ORIGIN}/waiting`)).toBe(SETUP_ORIGIN);
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('navigation', () => {
  it('within the hub and within the setup pages', () => {
    expect(navigationAllowed(`${HUB}/`, `${HUB}/wall?key=w`, trusted)).toBe(true);
    expect(navigationAllowed(`${SETUP_ORIGIN}/`, `${SETUP_ORIGIN}/save`, trusted)).toBe(true);
  });
  it('never to another site, a file, or between the hub and the setup pages', () => {
    expect(navigationAllowed(`${HUB}/`, 'https://example.com/', trusted)).toBe(false);
    expect(navigationAllowed(`${HUB}/`, 'http://10.0.0.5:4951/', trusted)).toBe(false);
    expect(navigationAllowed(`${HUB}/`, 'file:///C:/Windows/', trusted)).toBe(false);
    expect(navigationAllowed(`${HUB}/`, `${SETUP_ORIGIN}/save`, trusted)).toBe(false);
    expect(navigationAllowed(`${SETUP_ORIGIN}/`, `${HUB}/`, trusted)).toBe(false);
    expect(navigationAllowed('https://evil.example/', 'https://evil.example/x', trusted)).toBe(false);
  });
  it('no hub known yet: only the setup pages', () => {
    expect(navigationAllowed(`${HUB}/`, `${HUB}/wall`, noHub)).toBe(false);
  });
});

describe('requests', () => {
  it('the hub over HTTP and its WebSocket, the setup pages, data: images', () => {
    expect(requestAllowed(`${HUB}/assets/index-abc.js`, trusted, { devTools: false })).toBe(true);
    expect(requestAllowed('ws://10.0.0.5:4950/socket.io/?EIO=4&transport=websocket', trusted, { devTools: false })).toBe(true);
    expect(requestAllowed(`${SETUP_ORIGIN}/setup.css`, trusted, { devTools: false })).toBe(true);
    expect(requestAllowed('data:image/png;base64,AAAA', trusted, { devTools: false })).toBe(true);
    expect(requestAllowed(`blob:${HUB}/1f0c`, trusted, { devTools: false })).toBe(true);
  });
  it('nothing else: no remote code', () => {
    expect(requestAllowed('https://cdn.example.com/lib.js', trusted, { devTools: false })).toBe(false);
    expect(requestAllowed('wss://10.0.0.5:4950/socket.io/', trusted, { devTools: false })).toBe(false);
    expect(requestAllowed('http://10.0.0.6:4950/', trusted, { devTools: false })).toBe(false);
    expect(requestAllowed('file:///etc/passwd', trusted, { devTools: false })).toBe(false);
    expect(requestAllowed('blob:https://evil.example/1', trusted, { devTools: false })).toBe(false);
    expect(requestAllowed('devtools://devtools/bundled/inspector.html', trusted, { devTools: false })).toBe(false);
    expect(requestAllowed('devtools://devtools/bundled/inspector.html', trusted, { devTools: true })).toBe(true);
    expect(requestAllowed(`${HUB}/`, noHub, { devTools: false })).toBe(false);
  });
});

describe('permissions', () => {
  it('notifications for the hub, nothing else for anyone', () => {
    expect(permissionAllowed('notifications', `${HUB}/`, trusted)).toBe(true);
    expect(permissionAllowed('notifications', HUB, trusted)).toBe(true);
    for (const p of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'display-capture', 'fullscreen', 'hid', 'serial', 'usb']) expect(permissionAllowed(p, `${HUB}/`, trusted)).toBe(false);
    expect(permissionAllowed('notifications', 'https://evil.example/', trusted)).toBe(false);
    expect(permissionAllowed('notifications', `${SETUP_ORIGIN}/`, trusted)).toBe(false);
    expect(permissionAllowed('notifications', undefined, trusted)).toBe(false);
  });
});

describe('IPC senders', () => {
  it("every function for the hub's top frame, on each of its pages", () => {
    // The sign-in forms of `/` and `/supervisor` read getInfo to fill in the PC's seat and key.
    for (const page of ['/', '/supervisor', '/report?date=2020-06-02']) {
      for (const channel of Object.values(DESKTOP_CHANNELS)) expect(senderAllowed(channel, { url: `${HUB}${page}`, isMainFrame: true }, trusted)).toBe(true);
    }
  });
  it('the setup pages may only read the app information', () => {
    expect(senderAllowed(DESKTOP_CHANNELS.getInfo, { url: `${SETUP_ORIGIN}/`, isMainFrame: true }, trusted)).toBe(true);
    expect(senderAllowed(DESKTOP_CHANNELS.saveExport, { url: `${SETUP_ORIGIN}/`, isMainFrame: true }, trusted)).toBe(false);
  });
  it('no iframe, no other site, no frame that is gone', () => {
    expect(senderAllowed(DESKTOP_CHANNELS.getInfo, { url: `${HUB}/`, isMainFrame: false }, trusted)).toBe(false);
    expect(senderAllowed(DESKTOP_CHANNELS.getInfo, { url: 'https://evil.example/', isMainFrame: true }, trusted)).toBe(false);
    expect(senderAllowed(DESKTOP_CHANNELS.getInfo, null, trusted)).toBe(false);
    expect(senderAllowed(DESKTOP_CHANNELS.notifyUrgent, { url: `${HUB}/`, isMainFrame: true }, noHub)).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  it("the shell's console policy is the hub's own", () => {
    expect(CONSOLE_CSP).toBe(CONTENT_SECURITY_POLICY);
  });
  it('the setup pages may run no script at all', () => {
    expect(SETUP_CSP).toMatch(/default-src 'none'/);
    expect(SETUP_CSP).not.toMatch(/script-src/);
  });
  it('adds a policy where there is none, keeps one that is sent, in any letter case', () => {
    expect(withContentSecurityPolicy(`${HUB}/x`, { 'content-type': ['text/html'] }, trusted)['Content-Security-Policy']).toEqual([CONSOLE_CSP]);
    expect(withContentSecurityPolicy('https://evil.example/', {}, trusted)['Content-Security-Policy']).toEqual([DENY_ALL_CSP]);
    expect(withContentSecurityPolicy(`${SETUP_ORIGIN}/`, undefined, trusted)['Content-Security-Policy']).toEqual([SETUP_CSP]);
    const sent = { 'content-security-policy': ["default-src 'self'"] };
    expect(withContentSecurityPolicy(`${HUB}/`, sent, trusted)).toEqual(sent);
  });
});
