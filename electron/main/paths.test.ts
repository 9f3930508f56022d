import { describe, expect, it } from 'vitest';
import { discoveredHubPath, hubBackupDir, hubDataDir, logDir, machineConfigPath, userConfigPath, windowStatePath } from './paths';

describe('documented locations', () => {
  it('Windows', () => {
    expect(machineConfigPath('win32', { PROGRAMDATA: 'C:\\ProgramData' })).toBe('C:\\ProgramData\\HelplineControlRoom\\config.json');
    expect(machineConfigPath('win32', {})).toBe('C:\\ProgramData\\HelplineControlRoom\\config.json');
    const userData = 'C:\\Users\\op\\AppData\\Roaming\\Helpline Control Room';
    expect(userConfigPath('win32', userData)).toBe(`${userData}\\config.json`);
    expect(hubDataDir('win32', userData, undefined)).toBe(`${userData}\\hub`);
    expect(hubDataDir('win32', userData, 'D:\\HelplineHub')).toBe('D:\\HelplineHub');
    expect(hubBackupDir('win32', 'D:\\HelplineHub')).toBe('D:\\HelplineHub\\backups');
    expect(logDir('win32', userData)).toBe(`${userData}\\logs`);
  });

  it('Linux', () => {
    expect(machineConfigPath('linux', { PROGRAMDATA: 'ignored' })).toBe('/etc/helpline-control-room/config.json');
    const userData = '/home/op/.config/Helpline Control Room';
    expect(userConfigPath('linux', userData)).toBe(`${userData}/config.json`);
    expect(hubDataDir('linux', userData, undefined)).toBe(`${userData}/hub`);
    expect(hubDataDir('linux', userData, '/var/lib/helpline-hub')).toBe('/var/lib/helpline-hub');
    expect(hubBackupDir('linux', '/var/lib/helpline-hub')).toBe('/var/lib/helpline-hub/backups');
    expect(windowStatePath('linux', userData)).toBe(`${userData}/window-state.json`);
    expect(discoveredHubPath('linux', userData)).toBe(`${userData}/discovered-hub.json`);
  });
});
