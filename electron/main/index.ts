/**
 * The desktop app's main process. Order matters here: the profile folder and the privileged
 * scheme must be set before Electron is ready, and the single-instance lock is taken per
 * profile, so one PC runs one copy of the app (a second start only brings the first forward,
 * whatever it shows: its listener is added with the lock, before the configuration is read).
 */
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { app, type BrowserWindow, protocol } from 'electron';
import { createWindow } from './browserWindow';
import { loadMachineConfig } from './config';
import { flagsUsage, parseFlags } from './flags';
import { fileLogger } from './log';
import { logDir, machineConfigPath, userConfigPath } from './paths';
import { SETUP_SCHEME } from './security';
import { renderConfigErrorPage } from './setupPage';
import { Shell } from './shell';
import { bringForward, holdSingleInstance } from './singleInstance';
import { windowOptions } from './windows';

/** Windows shows notifications only for an app whose id matches its Start-menu shortcut (electron-builder's appId). */
const APP_ID = 'in.gov.helpline.controlroom';

const flags = parseFlags(process.argv.slice(1));
if (flags.help) {
  console.log(flagsUsage());
  process.exit(0);
}
if (flags.userData) app.setPath('userData', resolve(flags.userData));

// The setup pages get an origin of their own, with the rules of a secure web origin.
protocol.registerSchemesAsPrivileged([{ scheme: SETUP_SCHEME, privileges: { standard: true, secure: true } }]);
// Every renderer in Chromium's sandbox, whatever a window's options say.
app.enableSandbox();
app.setAppUserModelId(APP_ID);

/** What a second start brings forward: nothing until there is a window, then the one shown. */
let bringToFront: () => void = () => undefined;

if (!holdSingleInstance(app, () => bringToFront())) {
  app.quit();
} else {
  void main();
}

async function main(): Promise<void> {
  await app.whenReady();
  const userData = app.getPath('userData');
  const log = fileLogger(logDir(process.platform, userData), !app.isPackaged || process.env.HELPLINE_LOG_STDERR === '1');
  const machineFile = flags.configFile ? resolve(flags.configFile) : machineConfigPath(process.platform, process.env);
  const userFile = userConfigPath(process.platform, userData);
  const loaded = loadMachineConfig({ machineFile, userFile, flags });
  if (!loaded.ok) {
    log(loaded.message);
    console.error(loaded.message);
    const win = showConfigError(loaded.message);
    bringToFront = () => bringForward(win);
    return;
  }
  log(`Helpline Control Room ${app.getVersion()} starting; machine file ${loaded.machine.path} (${loaded.machine.state}), user file ${loaded.user.path} (${loaded.user.state})`);
  const shell = new Shell({ config: loaded.config, flags, machineFile, userFile, setupToken: randomBytes(16).toString('hex'), log });
  bringToFront = () => shell.focus();
  app.on('window-all-closed', () => app.quit());
  await shell.start();
}

/**
 * A configuration error is shown in a window of its own rather than a modal dialog: a wall
 * that boots into a bad configuration then says why on its screen, and nothing blocks. The
 * page is a data: URL with no script; closing the window ends the app with exit code 2.
 */
function showConfigError(message: string): BrowserWindow {
  const win = createWindow(windowOptions('console', { preloadPath: join(__dirname, '../preload/index.cjs'), bounds: { x: 100, y: 100, width: 900, height: 600 }, devTools: false, title: 'Helpline Control Room: configuration problem' }));
  win.setMenu(null);
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => app.exit(2));
  void win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(renderConfigErrorPage(message))}`);
  return win;
}
