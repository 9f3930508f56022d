import { describe, expect, it, vi } from 'vitest';
import { MAX_EXPORT_CHARS, type DesktopInfo } from '../../shared/desktop/api';
import { DESKTOP_CHANNELS } from '../../shared/desktop/channels';
import { desktopHandlers, dispatch, exportFileName, NotificationGate, parseArgs, type DesktopServices } from './ipc';
import { SETUP_ORIGIN, type TrustedOrigins } from './security';
import { SaveExportRequest } from '../../shared/desktop/api';

const HUB = 'http://10.0.0.5:4950';
const trusted: TrustedOrigins = { hub: HUB, setup: SETUP_ORIGIN };
const top = { url: `${HUB}/`, isMainFrame: true };
const INFO: DesktopInfo = { appVersion: '0.1.0', role: 'seat', window: 'operator', seat: 12, signInKey: null, hubUrl: HUB, platform: 'linux' };

function services(over: Partial<DesktopServices> = {}): DesktopServices {
  return {
    info: () => INFO,
    saveFile: vi.fn(async (name: string) => `/home/op/Documents/${name}`),
    printToPdf: vi.fn(async () => new Uint8Array([37, 80, 68, 70])),
    notify: vi.fn(() => true),
    now: () => 0,
    log: () => undefined,
    ...over,
  };
}

describe('parseArgs', () => {
  it('exactly one argument that fits the schema', () => {
    expect(parseArgs(SaveExportRequest, [{ fileName: 'calls', format: 'csv', content: 'a,b' }])).toEqual({ ok: true, value: { fileName: 'calls', format: 'csv', content: 'a,b' } });
    expect(parseArgs(SaveExportRequest, []).ok).toBe(false);
    expect(parseArgs(SaveExportRequest, [{ fileName: 'calls', format: 'csv', content: '' }, 'extra']).ok).toBe(false);
    expect(parseArgs(null, ['x'])).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
  it('refuses extra fields, wrong types and oversize content, saying which', () => {
    const extra = parseArgs(SaveExportRequest, [{ fileName: 'c', format: 'csv', content: '', path: '/etc/passwd' }]);
    expect(extra.ok === false && extra.error.message).toMatch(/unknown setting "path"|path/);
    const format = parseArgs(SaveExportRequest, [{ fileName: 'c', format: 'exe', content: '' }]);
    expect(format.ok === false && format.error.message).toMatch(/format/);
    const big = parseArgs(SaveExportRequest, [{ fileName: 'c', format: 'csv', content: 'x'.repeat(MAX_EXPORT_CHARS + 1) }]);
    expect(big.ok === false && big.error.message).toMatch(/too large/);
  });
});

describe('dispatch', () => {
  it('runs a valid call from the hub', async () => {
    const handlers = desktopHandlers(services());
    const r = await dispatch(handlers, DESKTOP_CHANNELS.saveExport, top, trusted, [{ fileName: 'calls 2020-06-02', format: 'csv', content: 'id\n1\n' }], () => undefined);
    expect(r).toEqual({ ok: true, value: { saved: true, fileName: 'calls 2020-06-02.csv' } });
  });

  it('refuses a sender that is not the hub, before looking at the arguments', async () => {
    const s = services();
    const log = vi.fn();
    const r = await dispatch(desktopHandlers(s), DESKTOP_CHANNELS.saveExport, { url: 'https://evil.example/', isMainFrame: true }, trusted, [{ fileName: 'x', format: 'csv', content: '' }], log);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(s.saveFile).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/refused helpline:save-export from https:\/\/evil\.example/));
  });

  it('refuses bad arguments without calling the service', async () => {
    const s = services();
    const r = await dispatch(desktopHandlers(s), DESKTOP_CHANNELS.notifyUrgent, top, trusted, [{ title: '', body: 'x' }], () => undefined);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(s.notify).not.toHaveBeenCalled();
  });

  it('turns an exception into a failed result', async () => {
    const s = services({ printToPdf: async () => Promise.reject(new Error('printer on fire')) });
    const r = await dispatch(desktopHandlers(s), DESKTOP_CHANNELS.printToPdf, top, trusted, [{ fileName: 'report' }], () => undefined);
    expect(r).toEqual({ ok: false, error: { code: 'failed', message: 'printer on fire' } });
  });

  it('a cancelled save dialog is not an error', async () => {
    const s = services({ saveFile: async () => null });
    const r = await dispatch(desktopHandlers(s), DESKTOP_CHANNELS.printToPdf, top, trusted, [{ fileName: 'report', landscape: true }], () => undefined);
    expect(r).toEqual({ ok: true, value: { saved: false } });
  });

  it('getInfo takes no arguments and says when the PC is not set up', async () => {
    expect(await dispatch(desktopHandlers(services()), DESKTOP_CHANNELS.getInfo, top, trusted, [], () => undefined)).toEqual({ ok: true, value: INFO });
    expect(await dispatch(desktopHandlers(services({ info: () => null })), DESKTOP_CHANNELS.getInfo, top, trusted, [], () => undefined)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('limits notifications', async () => {
    const handlers = desktopHandlers(services());
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await dispatch(handlers, DESKTOP_CHANNELS.notifyUrgent, top, trusted, [{ title: 'Urgent ticket', body: 'ration', tag: `t${i}` }], () => undefined));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results[11]).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('exportFileName', () => {
  it.each([
    ['calls 2020-06-02', 'csv', 'calls 2020-06-02.csv'],
    ['../../etc/passwd', 'csv', 'etc-passwd.csv'],
    ['C:\\Windows\\system32', 'txt', 'C--Windows-system32.txt'],
    ['report.pdf', 'pdf', 'report.pdf'],
    ['CON', 'csv', 'export CON.csv'],
    ['   ', 'json', 'export.json'],
    ['शिकायतें जून', 'csv', 'शिकायतें जून.csv'],
    ['a\u0007b', 'csv', 'a-b.csv'],
  ] as const)('%j → %s', (name, ext, out) => {
    expect(exportFileName(name, ext)).toBe(out);
  });
});

describe('NotificationGate', () => {
  it('lets notifications through again after the window passes', () => {
    const g = new NotificationGate(2, 1000);
    expect([g.allow(0), g.allow(10), g.allow(20)]).toEqual([true, true, false]);
    expect(g.allow(1005)).toBe(true);
  });
});
