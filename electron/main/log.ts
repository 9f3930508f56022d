/**
 * The shell's log file (the hub's lines included): DATA/logs/desktop.log beside the profile,
 * one older file kept. A packaged app on Windows has no console, so this is where IT looks.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAX_BYTES = 5 * 1024 * 1024;

export function fileLogger(dir: string, echo: boolean): (line: string) => void {
  const file = join(dir, 'desktop.log');
  let ready = false;
  return (line: string) => {
    const stamped = `${new Date().toISOString()} ${line}`;
    if (echo) console.error(stamped);
    try {
      if (!ready) {
        mkdirSync(dir, { recursive: true });
        ready = true;
      }
      if (existsSync(file) && statSync(file).size > MAX_BYTES) renameSync(file, `${file}.1`);
      appendFileSync(file, stamped + '\n');
    } catch {
      // A full or read-only disk must not stop the control room; the console line remains.
    }
  };
}
