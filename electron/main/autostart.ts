/**
 * Starting with the machine, for the wall. Windows has a login item for it (Electron sets
 * it); Linux desktops read ~/.config/autostart/*.desktop (XDG), which this writes. The
 * installer also puts a shortcut in the common Startup folder for a wall installed silently,
 * so the first boot after installation already starts it.
 */
import { posix } from 'node:path';

export const AUTOSTART_FILE = 'helpline-control-room.desktop';

export function linuxAutostartPath(home: string, xdgConfigHome: string | undefined): string {
  return posix.join(xdgConfigHome || posix.join(home, '.config'), 'autostart', AUTOSTART_FILE);
}

/** Exec keys need quoting when the path has spaces; % must be doubled (desktop entry spec). */
function execQuote(arg: string): string {
  const escaped = arg.replace(/%/g, '%%');
  return /[\s"'\\$`]/.test(escaped) ? `"${escaped.replace(/(["`$\\])/g, '\\$1')}"` : escaped;
}

/** An AppImage moves its files on every run; $APPIMAGE is the file to start again. */
export function linuxAutostartEntry(executable: string, args: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Helpline Control Room',
    'Comment=Wall display of the helpline control room',
    `Exec=${[executable, ...args].map(execQuote).join(' ')}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}
