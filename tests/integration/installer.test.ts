/**
 * The Windows installer's own script (build/installer.nsh), run for real: compiled with
 * makensis into a small installer that runs only its install steps, then run silently under
 * Wine with the options IT passes. It must write the machine configuration as UTF-8 (the app
 * reads nothing else), so a hub name or a folder in Hindi arrives as typed, as valid JSON; and
 * every install, whatever its role, must add the firewall rule that lets seats reach a hub
 * the PC may run later (the commands it runs are read from Wine's trace of new processes).
 *
 * Skipped, with the reason, where makensis or Wine is missing (`apt-get install nsis wine64
 * wine`). The stand-in is built for 64-bit Windows, which Wine runs without 32-bit libraries;
 * electron-builder's installer is 32-bit, and the script's pointer-sized arguments (`p`)
 * serve both.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/child';

function has(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore', timeout: 30_000 }).status === 0;
}

const dir = mkdtempSync(join(tmpdir(), 'hcr-installer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, WINEPREFIX: join(dir, 'wine'), WINEDLLOVERRIDES: 'mscoree,mshtml=' };

/**
 * Wine is an optional extra: where it is missing, or installed but cannot make a Windows
 * environment here (a machine without the libraries it needs hangs in wineboot), the test is
 * skipped with the reason instead of failing the run. What is tested is the installer, not Wine.
 */
function wineUnusable(): string | null {
  if (!has('wine', ['--version'])) return 'Wine is not installed';
  const boot = spawnSync('wine', ['wineboot', '--init'], { env: { ...env, WINEDEBUG: '-all' }, stdio: 'ignore', timeout: 120_000 });
  return boot.status === 0 ? null : `Wine could not set up a Windows environment here (wineboot ${boot.error ? 'timed out' : `exited ${boot.status}`})`;
}

const missing = !has('makensis', ['-VERSION']) ? 'makensis is not installed' : wineUnusable();

function buildInstaller(): string {
  const script = join(dir, 'installer.nsi');
  const exe = join(dir, 'install.exe');
  writeFileSync(
    script,
    [
      'Unicode true',
      'Target amd64-unicode',
      // electron-builder defines the executable's name; the install steps need nothing else of it.
      '!define APP_EXECUTABLE_FILENAME "HelplineControlRoom.exe"',
      '!include LogicLib.nsh',
      `!include "${join(REPO_ROOT, 'build/installer.nsh')}"`,
      'Name "Helpline Control Room"',
      `OutFile "${exe}"`,
      'InstallDir "C:\\Program Files\\Helpline Control Room"',
      'RequestExecutionLevel user',
      'Section',
      '  !insertmacro customInstall',
      'SectionEnd',
      '',
    ].join('\n'),
  );
  const r = spawnSync('makensis', ['-WX', '-V2', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`makensis failed:\n${r.stdout}${r.stderr}`);
  return exe;
}

/** Runs the installer silently; returns the command lines of the programs it started. */
function install(exe: string, options: string[]): string[] {
  const run = spawnSync('wine', [exe, '/S', ...options], { env: { ...env, WINEDEBUG: 'trace+process' }, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  expect(run.status).toBe(0);
  const started = [...run.stderr.matchAll(/CreateProcessInternalW app \(null\) cmdline L"(.*)"$/gm)].map((m) => m[1]!.replace(/\\(["\\])/g, '$1'));
  return [...new Set(started)];
}

describe.skipIf(missing !== null)(`the Windows installer's script${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let exe: string;
  beforeAll(() => {
    exe = buildInstaller();
  }, 60_000);

  it('every install, even one with no role, lets seats reach a hub this PC may run later', () => {
    const started = install(exe, []);
    const program = 'program="C:\\Program Files\\Helpline Control Room\\HelplineControlRoom.exe"';
    expect(started).toContain('netsh advfirewall firewall delete rule name="Helpline Control Room (hub)"');
    // Scoped to the app's program, on any port: the setup screen may choose the hub and its port.
    expect(started).toContain(`netsh advfirewall firewall add rule name="Helpline Control Room (hub)" dir=in action=allow protocol=TCP ${program} enable=yes`);
    expect(started).toContain(`netsh advfirewall firewall add rule name="Helpline Control Room (find the hub)" dir=in action=allow protocol=UDP localport=5353 ${program} enable=yes`);
  }, 120_000);

  it('writes the machine configuration as UTF-8 JSON, Hindi names as typed', () => {
    install(exe, ['/ROLE=hub', '/HUBNAME=गुरुग्राम-नियंत्रण-कक्ष', '/HUBDATA=D:\\हब\\डेटा', '/HUBPORT=4950', '/LOCK']);

    const bytes = readFileSync(join(dir, 'wine', 'drive_c', 'ProgramData', 'HelplineControlRoom', 'config.json'));
    // No byte-order mark, and nothing that is not UTF-8 (the ANSI code page would have put '?' in its place).
    expect(bytes[0]).toBe('{'.charCodeAt(0));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(JSON.parse(text)).toEqual({ role: 'hub', hubName: 'गुरुग्राम-नियंत्रण-कक्ष', hubPort: 4950, hubData: 'D:\\हब\\डेटा', allowUserOverride: false });
  }, 120_000);
});
