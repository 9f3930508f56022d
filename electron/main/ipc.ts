/**
 * The main-process side of the desktop API. Each call is checked twice before it does anything:
 * who sent it (security.ts: the top frame of a hub page) and what it carries (the zod schema of
 * shared/desktop/api.ts, exactly one argument). Handlers answer with a result and never throw
 * across the process boundary. The electron-facing work is injected, so all of this is tested
 * under plain Node.
 */
import type { ZodType } from 'zod';
import {
  type DesktopError,
  type DesktopInfo,
  type DesktopResult,
  type ExportFormat,
  PrintToPdfRequest,
  SaveExportRequest,
  type SaveOutcome,
  UrgentNotification,
} from '../../shared/desktop/api';
import { DESKTOP_CHANNELS, type DesktopChannel } from '../../shared/desktop/channels';
import { describeIssues } from '../../shared/desktop/config';
import { senderAllowed, type SenderFrame, type TrustedOrigins } from './security';

export function fail(code: DesktopError['code'], message: string): { ok: false; error: DesktopError } {
  return { ok: false, error: { code, message } };
}

/** Exactly the arguments a function takes, each parsed; anything else is refused whole. */
export function parseArgs<T>(schema: ZodType<T> | null, args: readonly unknown[]): { ok: true; value: T } | { ok: false; error: DesktopError } {
  if (schema === null) return args.length === 0 ? { ok: true, value: undefined as T } : fail('invalid', 'this function takes no arguments');
  if (args.length !== 1) return fail('invalid', `this function takes one argument, got ${args.length}`);
  const r = schema.safeParse(args[0]);
  if (!r.success) return fail('invalid', describeIssues(r.error.issues).join('; '));
  return { ok: true, value: r.data };
}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name safe on Windows and Linux from what a page suggests: no folders, no characters
 * Windows refuses, no reserved device names, and the extension the content really has.
 */
export function exportFileName(suggested: string, ext: ExportFormat | 'pdf'): string {
  let base = suggested
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s]+$/g, '');
  if (base.toLowerCase().endsWith(`.${ext}`)) base = base.slice(0, -(ext.length + 1)).trim();
  if (!base || RESERVED.test(base)) base = `export ${base}`.trim();
  return `${base.slice(0, 120)}.${ext}`;
}

/**
 * At most `max` notifications in `windowMs`: a console that loops on an alert must not bury
 * the operator's desktop. Urgent tickets on a real floor arrive far slower than this.
 */
export class NotificationGate {
  private times: number[] = [];
  constructor(
    private readonly max = 10,
    private readonly windowMs = 60_000,
  ) {}
  allow(now: number): boolean {
    this.times = this.times.filter((t) => now - t < this.windowMs);
    if (this.times.length >= this.max) return false;
    this.times.push(now);
    return true;
  }
}

export type DesktopServices = {
  info: () => DesktopInfo | null;
  /** Shows a save dialog and writes the file; null when the person cancels. */
  saveFile: (defaultName: string, format: ExportFormat | 'pdf', content: string | Uint8Array) => Promise<string | null>;
  /** Renders the calling page to PDF. */
  printToPdf: (landscape: boolean) => Promise<Uint8Array>;
  notify: (n: UrgentNotification) => boolean;
  now: () => number;
  log: (line: string) => void;
};

type Handler = (args: readonly unknown[]) => Promise<DesktopResult<unknown>>;

export function desktopHandlers(services: DesktopServices): Record<DesktopChannel, Handler> {
  const gate = new NotificationGate();
  const saved = (path: string | null): SaveOutcome => (path ? { saved: true, fileName: path.split(/[\\/]/).pop()! } : { saved: false });
  return {
    [DESKTOP_CHANNELS.getInfo]: async (args) => {
      const parsed = parseArgs(null, args);
      if (!parsed.ok) return parsed;
      const info = services.info();
      return info ? { ok: true, value: info } : fail('unavailable', 'this PC is not set up yet');
    },
    [DESKTOP_CHANNELS.saveExport]: async (args) => {
      const parsed = parseArgs(SaveExportRequest, args);
      if (!parsed.ok) return parsed;
      const { fileName, format, content } = parsed.value;
      const path = await services.saveFile(exportFileName(fileName, format), format, content);
      return { ok: true, value: saved(path) };
    },
    [DESKTOP_CHANNELS.printToPdf]: async (args) => {
      const parsed = parseArgs(PrintToPdfRequest, args);
      if (!parsed.ok) return parsed;
      const pdf = await services.printToPdf(parsed.value.landscape ?? false);
      const path = await services.saveFile(exportFileName(parsed.value.fileName, 'pdf'), 'pdf', pdf);
      return { ok: true, value: saved(path) };
    },
    [DESKTOP_CHANNELS.notifyUrgent]: async (args) => {
      const parsed = parseArgs(UrgentNotification, args);
      if (!parsed.ok) return parsed;
      if (!gate.allow(services.now())) return fail('unavailable', 'too many notifications in the last minute');
      return services.notify(parsed.value) ? { ok: true, value: null } : fail('unavailable', 'desktop notifications are not available on this PC');
    },
  };
}

/**
 * One call from a window: sender first, then arguments, then the handler; an exception in the
 * handler becomes a `failed` result with its message, and is logged.
 */
export async function dispatch(
  handlers: Record<DesktopChannel, Handler>,
  channel: DesktopChannel,
  frame: SenderFrame,
  trusted: TrustedOrigins,
  args: readonly unknown[],
  log: (line: string) => void,
): Promise<DesktopResult<unknown>> {
  if (!senderAllowed(channel, frame, trusted)) {
    log(`refused ${channel} from ${frame ? frame.url : 'a frame that is gone'}`);
    return fail('forbidden', 'this page may not use the desktop app');
  }
  try {
    return await handlers[channel](args);
  } catch (err) {
    log(`${channel} failed: ${(err as Error).stack ?? String(err)}`);
    return fail('failed', (err as Error).message || 'the desktop app could not do that');
  }
}
