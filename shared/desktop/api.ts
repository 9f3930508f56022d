/**
 * The desktop app's one API for the consoles: `window.helplineDesktop` (see `desktopApi()`).
 * The consoles also run in a plain browser, where it is absent, so every use of it needs a
 * browser fallback. Each call returns a result and never throws: `{ ok: true, value }` or
 * `{ ok: false, error }`. The main process checks who calls (only the hub's pages) and parses
 * every argument with the schemas below.
 */
import { z } from 'zod';
import { DESKTOP_API_NAME } from './channels';
import type { ConsoleKind, DesktopRole } from './config';

/** Large enough for every call of a busy year as CSV (about 300 bytes a row), far below V8's limit. */
export const MAX_EXPORT_CHARS = 200_000_000;

/** A file name as a person would type it; the main process adds the extension and a folder. */
const FileName = z
  .string()
  .trim()
  .min(1, 'a file name is needed')
  .max(120, 'a file name is at most 120 characters');

export const EXPORT_FORMATS = ['csv', 'json', 'txt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const SaveExportRequest = z.strictObject({
  /** Suggested name, e.g. "calls 2020-06-02"; the person picks the folder and may change it. */
  fileName: FileName,
  format: z.enum(EXPORT_FORMATS),
  content: z.string().max(MAX_EXPORT_CHARS, 'the export is too large to save in one file'),
});
export type SaveExportRequest = z.infer<typeof SaveExportRequest>;

/** Prints the calling page as it is shown (the report view) to a PDF the person saves. */
export const PrintToPdfRequest = z.strictObject({
  fileName: FileName,
  landscape: z.boolean().optional(),
});
export type PrintToPdfRequest = z.infer<typeof PrintToPdfRequest>;

/** A desktop notification for an urgent ticket; clicking it brings the console to the front. */
export const UrgentNotification = z.strictObject({
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().max(500),
  /** Repeats with the same tag replace each other instead of piling up (e.g. the ticket id). */
  tag: z.string().max(128).optional(),
});
export type UrgentNotification = z.infer<typeof UrgentNotification>;

/** What a console may know of the PC it runs on. */
export type DesktopInfo = {
  appVersion: string;
  role: DesktopRole;
  window: ConsoleKind;
  /** Seat number set for this PC, to fill in the sign-in form. */
  seat: number | null;
  /** The key set for this PC's console (operator or supervisor), to fill in the sign-in form. */
  signInKey: string | null;
  hubUrl: string;
  platform: 'windows' | 'linux' | 'mac' | 'other';
  /**
   * On the hub PC's own window, at the hub's first start only: the first supervisor's username
   * and one-time PIN, until that PIN is replaced.
   */
  firstSignIn?: { username: string; pin: string };
};

/** `saved: false` means the person closed the save dialog: not an error. */
export type SaveOutcome = { saved: true; fileName: string } | { saved: false };

export const DESKTOP_ERROR_CODES = ['invalid', 'forbidden', 'unavailable', 'failed'] as const;
export type DesktopErrorCode = (typeof DESKTOP_ERROR_CODES)[number];
export type DesktopError = { code: DesktopErrorCode; message: string };
export type DesktopResult<T> = { ok: true; value: T } | { ok: false; error: DesktopError };

export interface DesktopApi {
  getInfo(): Promise<DesktopResult<DesktopInfo>>;
  saveExport(request: SaveExportRequest): Promise<DesktopResult<SaveOutcome>>;
  printToPdf(request: PrintToPdfRequest): Promise<DesktopResult<SaveOutcome>>;
  notifyUrgent(notification: UrgentNotification): Promise<DesktopResult<null>>;
}

/** The API where the console runs in the desktop app, `undefined` in a plain browser. */
export function desktopApi(): DesktopApi | undefined {
  return (globalThis as { [DESKTOP_API_NAME]?: DesktopApi })[DESKTOP_API_NAME];
}
