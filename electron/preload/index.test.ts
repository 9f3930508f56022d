/**
 * The preload script with a stand-in for electron's contextBridge and ipcRenderer: what the
 * page receives is exactly four functions on one frozen object, each bound to one channel.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DESKTOP_API_NAME, DESKTOP_CHANNELS } from '../../shared/desktop/channels';

const exposed = new Map<string, unknown>();
const invoke = vi.fn();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, value: unknown) => exposed.set(name, value) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args), on: vi.fn(), send: vi.fn() },
}));

type Api = Record<string, (...args: unknown[]) => Promise<unknown>>;

beforeEach(async () => {
  exposed.clear();
  invoke.mockReset();
  vi.resetModules();
  await import('./index');
});

describe('preload', () => {
  it('exposes one frozen object of four functions and nothing else', () => {
    expect([...exposed.keys()]).toEqual([DESKTOP_API_NAME]);
    const api = exposed.get(DESKTOP_API_NAME) as Api;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(['getInfo', 'notifyUrgent', 'printToPdf', 'saveExport']);
    for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|send|on|invoke/i);
  });

  it('each function calls its own channel with exactly its one argument', async () => {
    const api = exposed.get(DESKTOP_API_NAME) as Api;
    invoke.mockResolvedValue({ ok: true, value: null });
    await api.getInfo!('ignored');
    await api.saveExport!({ fileName: 'x', format: 'csv', content: '' }, 'extra');
    await api.printToPdf!({ fileName: 'r' });
    await api.notifyUrgent!({ title: 't', body: 'b' });
    expect(invoke.mock.calls).toEqual([
      [DESKTOP_CHANNELS.getInfo],
      [DESKTOP_CHANNELS.saveExport, { fileName: 'x', format: 'csv', content: '' }],
      [DESKTOP_CHANNELS.printToPdf, { fileName: 'r' }],
      [DESKTOP_CHANNELS.notifyUrgent, { title: 't', body: 'b' }],
    ]);
  });

  it('never throws: a failed channel becomes an error result', async () => {
    const api = exposed.get(DESKTOP_API_NAME) as Api;
    invoke.mockRejectedValue(new Error("No handler registered for 'helpline:get-info'"));
    await expect(api.getInfo!()).resolves.toEqual({ ok: false, error: { code: 'failed', message: "No handler registered for 'helpline:get-info'" } });
  });
});
