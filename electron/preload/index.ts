/**
 * The preload script: hands the page `window.helplineDesktop`, four named functions and
 * nothing else. No ipcRenderer, no Node, no event emitters cross into the page; each function
 * forwards one argument to one fixed channel and returns the main process's result. A failure
 * of the channel itself becomes an error result, as the API promises never to throw.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi, DesktopResult } from '../../shared/desktop/api';
import { DESKTOP_API_NAME, DESKTOP_CHANNELS, type DesktopChannel } from '../../shared/desktop/channels';

async function call<T>(channel: DesktopChannel, ...args: unknown[]): Promise<DesktopResult<T>> {
  try {
    return (await ipcRenderer.invoke(channel, ...args)) as DesktopResult<T>;
  } catch (err) {
    return { ok: false, error: { code: 'failed', message: err instanceof Error ? err.message : 'the desktop app did not answer' } };
  }
}

const api: DesktopApi = {
  getInfo: () => call(DESKTOP_CHANNELS.getInfo),
  saveExport: (request) => call(DESKTOP_CHANNELS.saveExport, request),
  printToPdf: (request) => call(DESKTOP_CHANNELS.printToPdf, request),
  notifyUrgent: (notification) => call(DESKTOP_CHANNELS.notifyUrgent, notification),
};

contextBridge.exposeInMainWorld(DESKTOP_API_NAME, Object.freeze(api));
