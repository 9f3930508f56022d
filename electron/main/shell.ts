/**
 * The running desktop app: one window, one trusted hub origin, and the steps between them
 * (setup, starting the hub, finding or reaching it). The decisions are made by the pure
 * modules beside this one; this file only carries them out with Electron's APIs.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  app,
  type BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  powerMonitor,
  powerSaveBlocker,
  screen,
  session,
  utilityProcess,
  type Session,
  type WebContents,
} from 'electron';
import { z } from 'zod';
import type { DesktopInfo, UrgentNotification } from '../../shared/desktop/api';
import { DESKTOP_CHANNELS, type DesktopChannel } from '../../shared/desktop/channels';
import type { MachineConfig } from '../../shared/desktop/config';
import { linuxAutostartEntry, linuxAutostartPath } from './autostart';
import { backoffDelay, RECONNECT_BACKOFF } from './backoff';
import { loadMachineConfig, mergeUserFile, readTextFile, writeFileAtomic } from './config';
import { createWindow } from './browserWindow';
import { browseHubs, type BonjourClass, type HubBrowser } from './discovery/bonjour';
import { loadBonjour } from './discovery/loadBonjour';
import { defaultHubName, type HubCandidate, selectHub } from './discovery/select';
import type { ParsedFlags } from './flags';
import { type HubChild, type HubReady, HubSupervisor } from './hubSupervisor';
import { probeHub } from './hubProbe';
import { desktopHandlers, dispatch } from './ipc';
import { menuTemplate } from './menu';
import { afterDiscovery, chooseStart, consoleUrl, type RememberedHub, type SetupReason, shouldRediscover, type StartPlan } from './mode';
import { discoveredHubPath, hubBackupDir, hubDataDir, windowStatePath } from './paths';
import { consoleSessionProxy } from './proxy';
import { exportSaveDialog } from './downloads';
import { readFirstSignIn } from './firstSignIn';
import { navigationAllowed, originOf, permissionAllowed, requestAllowed, SETUP_ORIGIN, SETUP_SCHEME, type TrustedOrigins, withContentSecurityPolicy } from './security';
import { handleSetupRequest, type SetupModel, type WaitingModel } from './setupPage';
import { AppShutdown, endOnSystemShutdown } from './shutdown';
import { bringForward } from './singleInstance';
import { displayFor, parseWindowState, restoreBounds, serializeWindowState, type WindowStateFile } from './windowState';
import { CONSOLE_DEFAULT_SIZE, PARTITION, type WindowKind, windowKindFor, windowOptions } from './windows';

/** How long a seat listens for hubs before choosing (or asking). */
const DISCOVERY_WAIT_MS = 4000;

const Remembered = z.object({ name: z.string().min(1), origin: z.string().url() });

export type ShellOptions = {
  config: MachineConfig;
  flags: ParsedFlags;
  machineFile: string;
  userFile: string;
  setupToken: string;
  log: (line: string) => void;
};

export class Shell {
  private config: MachineConfig;
  private readonly trusted: TrustedOrigins = { hub: null, setup: SETUP_ORIGIN };
  private win: BrowserWindow | null = null;
  private winKind: WindowKind | null = null;
  private plan: StartPlan | null = null;
  private forceSetup: boolean;
  private setupReason: SetupReason = 'no-role';
  private waiting: WaitingModel;
  private supervisor: HubSupervisor | null = null;
  private hubReady: HubReady | null = null;
  private bonjour: BonjourClass | null = null;
  private browser: HubBrowser | null = null;
  private candidates: HubCandidate[] = [];
  private searchingUntil = 0;
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private discoveryTimer: ReturnType<typeof setTimeout> | null = null;
  private powerBlocker: number | null = null;
  private consoleShown = false;
  private readonly notifications = new Map<string, Notification>();
  private readonly ses: Session;
  private readonly log: (line: string) => void;
  private readonly shutdown: AppShutdown;
  /** Set once the app is quitting: windows then close without asking. */
  private closingApp = false;

  constructor(private readonly opts: ShellOptions) {
    this.config = opts.config;
    this.forceSetup = opts.flags.setup;
    this.log = opts.log;
    this.waiting = { title: 'Starting…', detail: '', appVersion: app.getVersion() };
    this.ses = session.fromPartition(PARTITION);
    this.shutdown = new AppShutdown({
      stopHub: () => {
        const hub = this.supervisor;
        if (!hub || hub.state === 'stopped') return null;
        this.closingApp = true;
        this.showWaiting('Stopping the hub…', 'Finishing the last writes and closing the database.');
        return hub.stop();
      },
      quit: () => app.quit(),
      log: this.log,
    });
  }

  async start(): Promise<void> {
    this.bonjour = await loadBonjour(this.log);
    await this.hardenSession();
    this.registerIpc();
    app.on('before-quit', (e) => {
      this.closingApp = true;
      this.stopBrowsing();
      if (this.shutdown.mustWait('the app is quitting')) e.preventDefault();
    });
    // Shutdown, log-off and signals do not emit before-quit: they take the same path from here.
    endOnSystemShutdown(this.shutdown, { process, powerMonitor });
    this.apply();
  }

  focus(): void {
    bringForward(this.win);
  }

  // ---- configuration → what runs ----

  private apply(): void {
    const config = this.config;
    this.clearTimers();
    const kind = windowKindFor(config.role, config.window);
    this.ensureWindow(kind);
    this.applyWallExtras(kind === 'wall');
    this.applyAutostart(config.autoStart);
    if (config.role !== 'hub' && this.supervisor) {
      const s = this.supervisor;
      this.supervisor = null;
      this.hubReady = null;
      void s.stop();
    }
    const remembered = this.readRemembered();
    this.plan = chooseStart(config, { remembered, forceSetup: this.forceSetup });
    this.log(`start: role ${config.role ?? '(none)'}, plan ${this.plan.kind}${this.plan.kind === 'setup' ? ` (${this.plan.reason})` : ''}`);
    this.run(this.plan);
  }

  private run(plan: StartPlan): void {
    this.plan = plan;
    this.clearTimers();
    switch (plan.kind) {
      case 'setup':
        this.trusted.hub = null;
        this.setupReason = plan.reason;
        if (this.discoveryAvailable()) this.startBrowsing();
        void this.loadSetup('/');
        return;
      case 'hub':
        this.startHubProcess();
        if (this.hubReady) this.openConsole(originOf(this.hubReady.url)!);
        else this.showWaiting('Starting the hub…', 'The hub keeps every record; the console opens when it is ready.');
        return;
      case 'discover':
        if (!this.discoveryAvailable()) {
          this.run({ kind: 'setup', reason: 'no-hub' });
          return;
        }
        this.trusted.hub = null;
        this.startBrowsing();
        this.showWaiting('Looking for the hub on the network…', 'This takes a few seconds.');
        this.discoveryTimer = setTimeout(() => this.run(afterDiscovery(selectHub(this.candidates, { hubName: this.config.hubName, rememberedName: this.readRemembered()?.name }))), DISCOVERY_WAIT_MS);
        return;
      case 'connect':
        this.attempts = 0;
        this.trusted.hub = plan.origin;
        void this.connect(plan);
        return;
    }
  }

  /** Asks the hub whether it is up, then opens the console; otherwise waits and asks again. */
  private async connect(plan: Extract<StartPlan, { kind: 'connect' }>): Promise<void> {
    if (this.plan !== plan) return;
    const probe = await probeHub(plan.origin, (url, init) => fetch(url, init));
    if (this.plan !== plan) return;
    if (probe.ok) {
      this.attempts = 0;
      if (plan.source === 'discovered' && plan.hubName) this.writeRemembered({ name: plan.hubName, origin: plan.origin });
      this.openConsole(plan.origin);
      return;
    }
    this.attempts++;
    this.log(`hub at ${plan.origin} not reached (${probe.reason}); attempt ${this.attempts}`);
    if (shouldRediscover(plan, this.attempts, this.discoveryAvailable())) {
      this.run({ kind: 'discover' });
      return;
    }
    const delay = backoffDelay(this.attempts - 1, RECONNECT_BACKOFF);
    this.showWaiting(`Cannot reach the hub at ${plan.origin}`, `${capitalize(probe.reason)}. Trying again in ${Math.max(1, Math.round(delay / 1000))} s.`);
    this.retryTimer = setTimeout(() => void this.connect(plan), delay);
  }

  private openConsole(origin: string): void {
    const win = this.win;
    if (!win) return;
    this.trusted.hub = origin;
    const wallKey = this.config.wallKey ?? this.hubReady?.keys.wall;
    const url = consoleUrl(origin, this.config.window, wallKey);
    this.consoleShown = true;
    win.loadURL(url).then(
      () => this.log(`console open: ${origin} (${this.config.window})`),
      (err: Error) => {
        // ERR_ABORTED: another load replaced this one. If the shell moved on (setup, waiting),
        // nothing to do; if it was the waiting page being loaded again at that moment, try again.
        if (/ERR_ABORTED/.test(err.message)) {
          setTimeout(() => {
            if (this.consoleShown && this.win === win && originOf(win.webContents.getURL()) !== origin.toLowerCase()) this.openConsole(origin);
          }, 500);
          return;
        }
        this.log(`console failed to load from ${origin}: ${err.message}`);
        this.reconnect();
      },
    );
  }

  /** The console's page was lost (hub gone while reloading, renderer crashed): reach the hub again. */
  private reconnect(): void {
    const plan = this.plan;
    if (!plan || this.shutdown.ending) return;
    this.consoleShown = false;
    if (plan.kind === 'connect') {
      this.clearTimers();
      this.retryTimer = setTimeout(() => void this.connect(plan), 1000);
    } else if (plan.kind === 'hub' && this.hubReady) {
      const origin = originOf(this.hubReady.url)!;
      this.clearTimers();
      this.retryTimer = setTimeout(() => this.openConsole(origin), 1000);
    }
  }

  // ---- the hub on the hub PC ----

  private startHubProcess(): void {
    if (this.supervisor) return;
    const c = this.config;
    const userData = app.getPath('userData');
    const dataDir = hubDataDir(process.platform, userData, c.hubData);
    const entry = join(__dirname, '../hub/index.cjs');
    // A restore asked for on the command line happens once, not again at every restart of the hub.
    let restoreFrom = this.opts.flags.restoreBackup ? resolve(this.opts.flags.restoreBackup) : undefined;
    this.supervisor = new HubSupervisor({
      fork: () => this.forkHub(entry),
      options: () => {
        const restore = restoreFrom;
        restoreFrom = undefined;
        return {
          dataDir,
          port: c.hubPort,
          host: c.hubHost,
          rendererDir: join(app.getAppPath(), 'dist/renderer'),
          ...(c.hubSeats !== undefined ? { seats: c.hubSeats } : {}),
          ...(c.hubInitialTotal !== undefined ? { initialTotal: c.hubInitialTotal } : {}),
          ...(c.hubTimeZone !== undefined ? { timeZone: c.hubTimeZone } : {}),
          keys: c.hubKeys,
          advertiseAs: c.discovery ? (c.hubName ?? defaultHubName(hostname())) : null,
          backup: {
            ...(c.hubBackupDir !== undefined ? { dir: resolve(c.hubBackupDir) } : {}),
            ...(c.hubBackupEveryMinutes !== undefined ? { everyMinutes: c.hubBackupEveryMinutes } : {}),
            ...(c.hubBackupKeep !== undefined ? { keep: c.hubBackupKeep } : {}),
          },
          ...(restore ? { restoreFrom: restore } : {}),
        };
      },
      log: this.log,
      onReady: (ready) => {
        this.hubReady = ready;
        if (this.plan?.kind === 'hub' && !this.consoleShown) this.openConsole(originOf(ready.url)!);
      },
      onDown: (reason, retryInMs) => {
        // The console stays up through a restart: its socket reconnects when the hub is back.
        if (!this.consoleShown) this.showWaiting('The hub is not running', `${capitalize(reason)}. Starting it again in ${Math.max(1, Math.round(retryInMs / 1000))} s.`);
      },
    });
    this.supervisor.start();
  }

  private forkHub(entry: string): HubChild {
    const child = utilityProcess.fork(entry, [], { serviceName: 'Helpline hub', stdio: 'pipe' });
    const pipe = (stream: NodeJS.ReadableStream | null, name: string) => stream?.on('data', (d: Buffer) => d.toString().split('\n').filter(Boolean).forEach((l) => this.log(`hub ${name}: ${l}`)));
    pipe(child.stdout, 'stdout');
    pipe(child.stderr, 'stderr');
    // Messages wait until the process exists, so none is lost to a race with its start.
    let spawned = false;
    const queue: unknown[] = [];
    child.once('spawn', () => {
      spawned = true;
      for (const m of queue.splice(0)) child.postMessage(m);
    });
    return {
      postMessage: (m) => (spawned ? child.postMessage(m) : queue.push(m)),
      kill: () => void child.kill(),
      onMessage: (l) => child.on('message', l),
      onExit: (l) => child.on('exit', (code) => l(code)),
    };
  }

  // ---- discovery ----

  private discoveryAvailable(): boolean {
    return this.config.discovery && this.bonjour !== null;
  }

  private startBrowsing(): void {
    this.searchingUntil = Date.now() + DISCOVERY_WAIT_MS;
    if (this.browser) {
      this.browser.refresh();
      return;
    }
    if (!this.bonjour) return;
    this.browser = browseHubs(this.bonjour, {
      log: this.log,
      onChange: (c) => {
        this.candidates = c;
      },
    });
  }

  private stopBrowsing(): void {
    this.browser?.stop();
    this.browser = null;
  }

  private readRemembered(): RememberedHub | null {
    try {
      const text = readTextFile(discoveredHubPath(process.platform, app.getPath('userData')));
      const r = text ? Remembered.safeParse(JSON.parse(text)) : null;
      return r?.success ? r.data : null;
    } catch {
      return null;
    }
  }

  private writeRemembered(hub: RememberedHub | null): void {
    const file = discoveredHubPath(process.platform, app.getPath('userData'));
    try {
      if (hub) writeFileAtomic(file, JSON.stringify(hub, null, 2) + '\n');
      else rmSync(file, { force: true });
    } catch (err) {
      this.log(`could not remember the hub: ${(err as Error).message}`);
    }
  }

  // ---- the shell's own pages ----

  private showWaiting(title: string, detail: string): void {
    const unchanged = this.waiting.title === title && this.waiting.detail === detail;
    this.waiting = { title, detail, appVersion: app.getVersion() };
    this.consoleShown = false;
    const current = this.win?.webContents.getURL() ?? '';
    // The page has no timed refresh (it would send a screen reader back to its top): it is loaded
    // again when what it says changes, and left alone when it already says this.
    if (unchanged && current.startsWith(`${SETUP_ORIGIN}/waiting`)) return;
    void this.loadSetup('/waiting');
  }

  private async loadSetup(path: string): Promise<void> {
    this.consoleShown = false;
    await this.win?.loadURL(`${SETUP_ORIGIN}${path}`).catch((err: Error) => {
      if (!/ERR_ABORTED/.test(err.message)) this.log(`could not show ${path}: ${err.message}`);
    });
  }

  private setupModel(): SetupModel {
    const c = this.config;
    return {
      reason: this.setupReason,
      appVersion: app.getVersion(),
      current: { role: c.role, hub: c.hub, seat: c.seat, hasKey: Boolean(c.key), hasWallKey: Boolean(c.wallKey) },
      discovery: { enabled: this.discoveryAvailable(), searching: Date.now() < this.searchingUntil, hubs: selectAll(this.candidates) },
      machineFile: this.opts.machineFile,
      userFile: this.opts.userFile,
      token: this.opts.setupToken,
    };
  }

  private registerSetupProtocol(): void {
    this.ses.protocol.handle(SETUP_SCHEME, async (request) => {
      const body = request.method === 'POST' ? await request.text() : '';
      const res = await handleSetupRequest(
        { method: request.method, url: request.url, body },
        {
          model: () => this.setupModel(),
          waiting: () => this.waiting,
          hasWallKey: () => Boolean(this.config.wallKey),
          search: () => {
            if (this.discoveryAvailable()) this.startBrowsing();
          },
          back: () => {
            this.forceSetup = false;
            this.waiting = { title: 'Returning to the console…', detail: '', appVersion: app.getVersion() };
            setTimeout(() => this.apply(), 50);
          },
          save: async (submission) => {
            const existing = readTextFile(this.opts.userFile);
            const merged = mergeUserFile(existing, submission.changes);
            if (!merged.ok) return { ok: false, errors: merged.problems };
            const trial = loadMachineConfig({
              machineFile: this.opts.machineFile,
              userFile: this.opts.userFile,
              flags: this.opts.flags,
              readText: (p) => (p === this.opts.userFile ? merged.text : readTextFile(p)),
            });
            if (!trial.ok) return { ok: false, errors: trial.problems };
            if (trial.user.state === 'ignored') return { ok: false, errors: [`IT has locked this PC's settings (allowUserOverride is false in ${this.opts.machineFile}); ask IT to change that file.`] };
            if (submission.changes.role && trial.config.role !== submission.changes.role) return { ok: false, errors: [`This PC's role is set to "${trial.config.role}" on its command line; remove --role from the shortcut to choose here.`] };
            writeFileAtomic(this.opts.userFile, merged.text);
            this.writeRemembered(submission.discovered ? { name: submission.discovered.name, origin: submission.discovered.origin } : null);
            this.config = trial.config;
            this.forceSetup = false;
            this.log(`setup saved to ${this.opts.userFile}: role ${trial.config.role}`);
            // After this response is shown: the page it returns is the waiting page.
            this.waiting = { title: 'Starting with the new settings…', detail: '', appVersion: app.getVersion() };
            setTimeout(() => this.apply(), 50);
            return { ok: true };
          },
        },
      );
      return new Response(res.body, { status: res.status, headers: res.headers });
    });
  }

  // ---- the window ----

  private ensureWindow(kind: WindowKind): void {
    if (this.win && this.winKind === kind) return;
    const old = this.win;
    const stateFile = windowStatePath(process.platform, app.getPath('userData'));
    const state = parseWindowState(readTextFile(stateFile));
    const displays = screen.getAllDisplays().map((d) => ({ id: d.id, workArea: d.workArea }));
    const primaryId = screen.getPrimaryDisplay().id;
    const saved = state.windows[kind];
    const bounds = kind === 'wall' ? (displayFor(saved, displays, primaryId)?.workArea ?? null) : restoreBounds(saved, displays, primaryId, CONSOLE_DEFAULT_SIZE);
    const icon = join(app.getAppPath(), 'build/icon.png');
    const win = createWindow(
      windowOptions(kind, {
        preloadPath: join(__dirname, '../preload/index.cjs'),
        bounds,
        devTools: this.config.devTools,
        title: 'Helpline Control Room',
        ...(existsSync(icon) ? { icon } : {}),
      }),
    );
    this.win = win;
    this.winKind = kind;
    if (kind === 'console' && saved?.maximized) win.maximize();
    win.once('ready-to-show', () => win.show());
    // Windows' shutdown, restart or log-off: before-quit is not emitted, and the process may be
    // ended soon after this returns, so the hub is asked to stop at once.
    win.on('session-end', () => this.shutdown.request('Windows is ending the session'));
    win.on('close', (e) => {
      // Closing the hub PC's window stops the hub for every seat: that takes a deliberate yes.
      if (this.config.role === 'hub' && !this.closingApp) {
        e.preventDefault();
        void dialog
          .showMessageBox(win, {
            type: 'warning',
            title: 'Stop the hub?',
            message: 'This PC is the hub. Closing the app stops it for every seat and the wall.',
            detail: 'Seats keep what operators type and send it when the hub is back, but no one can look up callers or see others’ work meanwhile.',
            buttons: ['Keep the hub running', 'Stop the hub and close'],
            defaultId: 0,
            cancelId: 0,
          })
          .then((r) => {
            if (r.response === 1) app.quit();
          });
        return;
      }
      this.saveWindowState(win, kind, stateFile);
    });
    win.on('closed', () => {
      if (this.win === win) this.win = null;
    });
    this.watchWindow(win);
    const template = menuTemplate(kind, { devTools: this.config.devTools, onSetup: () => this.openSettings(), onAbout: () => this.showAbout() });
    Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
    if (old) old.destroy();
  }

  private saveWindowState(win: BrowserWindow, kind: WindowKind, file: string): void {
    try {
      const state: WindowStateFile = parseWindowState(readTextFile(file));
      const bounds = win.getNormalBounds();
      state.windows[kind] = { bounds, maximized: win.isMaximized(), displayId: screen.getDisplayMatching(bounds).id };
      writeFileAtomic(file, serializeWindowState(state), 0o644);
    } catch (err) {
      this.log(`could not save the window's place: ${(err as Error).message}`);
    }
  }

  /** Crashes and hangs of the page: a wall in particular must come back without anyone touching it. */
  private watchWindow(win: BrowserWindow): void {
    const wc = win.webContents;
    wc.on('render-process-gone', (_e, details) => {
      this.log(`the window's page stopped (${details.reason}); reloading`);
      this.reconnect();
    });
    let hangTimer: ReturnType<typeof setTimeout> | null = null;
    win.on('unresponsive', () => {
      hangTimer = setTimeout(() => {
        this.log('the window did not respond for 30 s; reloading');
        wc.forcefullyCrashRenderer();
      }, 30_000);
    });
    win.on('responsive', () => {
      if (hangTimer) clearTimeout(hangTimer);
    });
    wc.on('did-fail-load', (_e, code, description, url, isMainFrame) => {
      if (!isMainFrame || code === -3) return; // -3: aborted by another load
      if (url.startsWith(SETUP_ORIGIN)) return;
      this.log(`page failed to load: ${url} (${description})`);
      this.reconnect();
    });
  }

  private applyWallExtras(wall: boolean): void {
    if (wall && this.powerBlocker === null) this.powerBlocker = powerSaveBlocker.start('prevent-display-sleep');
    if (!wall && this.powerBlocker !== null) {
      powerSaveBlocker.stop(this.powerBlocker);
      this.powerBlocker = null;
    }
  }

  /** Only an installed app registers itself; a development run must not start at every login. */
  private applyAutostart(enabled: boolean): void {
    if (!app.isPackaged) return;
    try {
      if (process.platform === 'win32' || process.platform === 'darwin') {
        app.setLoginItemSettings({ openAtLogin: enabled });
      } else if (process.platform === 'linux') {
        const file = linuxAutostartPath(homedir(), process.env.XDG_CONFIG_HOME);
        if (enabled) {
          mkdirSync(dirname(file), { recursive: true });
          const text = linuxAutostartEntry(process.env.APPIMAGE || process.execPath, []);
          if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
        } else rmSync(file, { force: true });
      }
    } catch (err) {
      this.log(`could not change starting with the machine: ${(err as Error).message}`);
    }
  }

  private openSettings(): void {
    this.forceSetup = true;
    this.run({ kind: 'setup', reason: 'asked' });
    this.forceSetup = false;
  }

  private showAbout(): void {
    const c = this.config;
    const lines = [
      `Role of this PC: ${c.role ?? 'not set'}`,
      `Hub: ${this.trusted.hub ?? 'not connected'}`,
      `Machine configuration: ${this.opts.machineFile}`,
      `User configuration: ${this.opts.userFile}`,
      `Logs: ${join(app.getPath('userData'), 'logs')}`,
    ];
    if (c.role === 'hub') {
      const data = hubDataDir(process.platform, app.getPath('userData'), c.hubData);
      lines.push(`Hub data: ${data}`, `Hub backups: ${c.hubBackupDir ?? hubBackupDir(process.platform, data)}`);
    }
    const opts = { type: 'info' as const, title: 'About', message: `Helpline Control Room ${app.getVersion()}`, detail: lines.join('\n') };
    void (this.win ? dialog.showMessageBox(this.win, opts) : dialog.showMessageBox(opts));
  }

  // ---- security wiring ----

  private async hardenSession(): Promise<void> {
    const ses = this.ses;
    const trusted = this.trusted;
    const devTools = this.config.devTools;
    // Before the first page loads: the window reaches the hub the way the reachability check does.
    await ses.setProxy(consoleSessionProxy()).catch((err: Error) => this.log(`could not set the session to go direct to the hub: ${err.message}`));
    ses.setPermissionRequestHandler((_wc, permission, callback, details) => callback(permissionAllowed(permission, details.requestingUrl, trusted)));
    ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin, trusted));
    ses.setDevicePermissionHandler(() => false);
    ses.setDisplayMediaRequestHandler((_req, callback) => callback(null));
    ses.webRequest.onBeforeRequest((details, callback) => {
      const allowed = requestAllowed(details.url, trusted, { devTools });
      if (!allowed) this.log(`blocked a request to ${details.url}`);
      callback({ cancel: !allowed });
    });
    ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.url, details.responseHeaders, trusted) as Record<string, string[]> }));
    ses.on('will-download', (e, item) => {
      // Downloads only of what the hub made (an export link); anything else is refused.
      if (!requestAllowed(item.getURL(), trusted, { devTools: false }) || item.getURL().startsWith('data:')) {
        e.preventDefault();
        return;
      }
      item.setSaveDialogOptions(exportSaveDialog(item.getFilename(), app.getPath('downloads')));
      item.once('done', (_ev, state) => this.log(state === 'completed' ? `export saved to ${item.getSavePath()}` : `export not saved (${state})`));
    });
    this.registerSetupProtocol();

    app.on('web-contents-created', (_e, contents) => this.hardenContents(contents));
  }

  private hardenContents(contents: WebContents): void {
    const trusted = this.trusted;
    contents.setWindowOpenHandler(({ url }) => {
      this.log(`refused to open a new window for ${url}`);
      return { action: 'deny' };
    });
    const guard = (e: { preventDefault(): void }, url: string) => {
      if (!navigationAllowed(contents.getURL(), url, trusted)) {
        this.log(`refused to navigate from ${contents.getURL()} to ${url}`);
        e.preventDefault();
      }
    };
    contents.on('will-navigate', (e) => guard(e, e.url));
    contents.on('will-redirect', (e) => guard(e, e.url));
    contents.on('will-frame-navigate', (e) => {
      if (!e.isMainFrame) guard(e, e.url);
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
  }

  private registerIpc(): void {
    const handlers = desktopHandlers({
      info: () => this.info(),
      saveFile: async (defaultName, format, content) => {
        const opts = {
          defaultPath: join(app.getPath('documents'), defaultName),
          filters: [{ name: format.toUpperCase(), extensions: [format] }],
        };
        const r = this.win ? await dialog.showSaveDialog(this.win, opts) : await dialog.showSaveDialog(opts);
        if (r.canceled || !r.filePath) return null;
        writeFileSync(r.filePath, content);
        this.log(`saved ${r.filePath}`);
        return r.filePath;
      },
      printToPdf: async (landscape) => {
        if (!this.win) throw new Error('no window to print');
        return this.win.webContents.printToPDF({ landscape, printBackground: true, pageSize: 'A4' });
      },
      notify: (n) => this.notify(n),
      now: () => Date.now(),
      log: this.log,
    });
    for (const channel of Object.values(DESKTOP_CHANNELS) as DesktopChannel[]) {
      ipcMain.handle(channel, (event, ...args: unknown[]) => {
        const frame = event.senderFrame;
        // Only this app's one window may call, and only its top frame.
        const fromOurWindow = this.win !== null && event.sender === this.win.webContents;
        const info = frame && fromOurWindow ? { url: frame.url, isMainFrame: frame.parent === null } : null;
        return dispatch(handlers, channel, info, this.trusted, args, this.log);
      });
    }
  }

  private info(): DesktopInfo | null {
    const c = this.config;
    if (!c.role || !this.trusted.hub) return null;
    const hubKey = c.window === 'supervisor' ? this.hubReady?.keys.supervisor : this.hubReady?.keys.operator;
    // Only the hub PC's supervisor window is shown the first supervisor's one-time PIN.
    const first = c.role === 'hub' && c.window === 'supervisor' ? readFirstSignIn(hubDataDir(process.platform, app.getPath('userData'), c.hubData)) : null;
    return {
      appVersion: app.getVersion(),
      role: c.role,
      window: c.window,
      seat: c.seat ?? null,
      signInKey: c.key ?? (c.role === 'hub' ? (hubKey ?? null) : null),
      hubUrl: this.trusted.hub,
      platform: process.platform === 'win32' ? 'windows' : process.platform === 'linux' ? 'linux' : process.platform === 'darwin' ? 'mac' : 'other',
      ...(first ? { firstSignIn: first } : {}),
    };
  }

  private notify(n: UrgentNotification): boolean {
    if (!Notification.isSupported()) return false;
    if (n.tag) this.notifications.get(n.tag)?.close();
    const note = new Notification({ title: n.title, body: n.body, urgency: 'critical', timeoutType: 'never' });
    note.on('click', () => this.focus());
    if (n.tag) {
      const tag = n.tag;
      this.notifications.set(tag, note);
      note.on('close', () => {
        if (this.notifications.get(tag) === note) this.notifications.delete(tag);
      });
    }
    note.show();
    return true;
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.discoveryTimer) clearTimeout(this.discoveryTimer);
    this.retryTimer = null;
    this.discoveryTimer = null;
  }
}

/** Every hub found, one per name, for the setup screen's list. */
function selectAll(candidates: HubCandidate[]): HubCandidate[] {
  const s = selectHub(candidates, {});
  return s.kind === 'one' ? [s.hub] : s.kind === 'several' ? s.hubs : [];
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
