import { describe, expect, it } from 'vitest';
import { flagsUsage, parseFlags } from './flags';

describe('parseFlags', () => {
  it('reads the configuration flags in both spellings', () => {
    const f = parseFlags(['.', '--role', 'seat', '--hub=10.0.0.5:4950', '--seat', '12', '--key', '-starts-with-dash', '--no-discovery', '--wall-key=w']);
    expect(f.problems).toEqual([]);
    expect(f.source).toEqual({ role: 'seat', hub: '10.0.0.5:4950', seat: 12, key: '-starts-with-dash', discovery: false, wallKey: 'w' });
    expect(f.flagOf.seat).toBe('--seat');
  });

  it("leaves Chromium's, Electron's and a test driver's switches alone", () => {
    const f = parseFlags(['--inspect=0', '--remote-debugging-port=0', '--no-sandbox', '--enable-logging', '/app', '--role', 'wall']);
    expect(f.problems).toEqual([]);
    expect(f.source).toEqual({ role: 'wall' });
  });

  it('reads the app flags', () => {
    const f = parseFlags(['--config', '/tmp/c.json', '--user-data=/tmp/u', '--setup', '--help', '--restore-backup', 'D:\\HelplineHub\\backups\\hub-backup-1.sqlite']);
    expect(f).toMatchObject({ configFile: '/tmp/c.json', userData: '/tmp/u', setup: true, help: true, restoreBackup: 'D:\\HelplineHub\\backups\\hub-backup-1.sqlite', problems: [] });
  });

  it("reads the hub PC's flags", () => {
    const f = parseFlags(['--hub-port', '5000', '--hub-data', 'D:\\HelplineHub', '--hub-backup-dir=E:\\Backups', '--hub-backup-every', '0', '--hub-backup-keep', '96', '--hub-tz', 'Asia/Kolkata']);
    expect(f.source).toEqual({ hubPort: 5000, hubData: 'D:\\HelplineHub', hubBackupDir: 'E:\\Backups', hubBackupEveryMinutes: 0, hubBackupKeep: 96, hubTimeZone: 'Asia/Kolkata' });
  });

  it('reports a missing value, a value where none belongs and a malformed number', () => {
    const f = parseFlags(['--hub', '--seat', 'twelve', '--setup=yes', '--hub-port']);
    expect(f.problems).toEqual(['--hub needs a value (the hub\'s address, e.g. 10.0.0.5:4950)', '--seat must be a whole number (got "twelve")', '--setup takes no value (got "--setup=yes")', '--hub-port needs a value (hub PC: the port the hub listens on)']);
  });

  it('documents every flag', () => {
    const usage = flagsUsage();
    for (const flag of ['--role', '--hub', '--seat', '--key', '--wall-key', '--no-discovery', '--config', '--user-data', '--setup']) expect(usage).toContain(flag);
  });
});
