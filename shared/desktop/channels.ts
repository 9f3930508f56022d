/**
 * Names shared by the preload script and the main process. Kept apart from the schemas so the
 * preload bundle, which runs in every window, carries no validation library: the main process
 * validates every argument, and only there does validation count.
 */

/** The one global the preload adds to a window: `window.helplineDesktop`. */
export const DESKTOP_API_NAME = 'helplineDesktop';

export const DESKTOP_CHANNELS = {
  getInfo: 'helpline:get-info',
  saveExport: 'helpline:save-export',
  printToPdf: 'helpline:print-to-pdf',
  notifyUrgent: 'helpline:notify-urgent',
} as const;
export type DesktopChannel = (typeof DESKTOP_CHANNELS)[keyof typeof DESKTOP_CHANNELS];
