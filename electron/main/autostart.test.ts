import { describe, expect, it } from 'vitest';
import { linuxAutostartEntry, linuxAutostartPath } from './autostart';

describe('Linux autostart', () => {
  it('goes in the XDG autostart folder', () => {
    expect(linuxAutostartPath('/home/wall', undefined)).toBe('/home/wall/.config/autostart/helpline-control-room.desktop');
    expect(linuxAutostartPath('/home/wall', '/srv/xdg')).toBe('/srv/xdg/autostart/helpline-control-room.desktop');
  });
  it('a desktop entry that starts the app, quoting paths with spaces', () => {
    const entry = linuxAutostartEntry('/opt/Helpline Control Room/helpline-control-room', ['--role', '50%']);
    expect(entry).toContain('[Desktop Entry]\nType=Application\n');
    expect(entry).toContain('Exec="/opt/Helpline Control Room/helpline-control-room" --role 50%%\n');
    expect(linuxAutostartEntry('/home/wall/Helpline.AppImage', [])).toContain('Exec=/home/wall/Helpline.AppImage\n');
  });
});
