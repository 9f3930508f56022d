/**
 * A hub in its own process, started the way `npm run hub` starts it (tsx + electron/hub/cli.ts),
 * so that a test can kill it with SIGKILL (a power cut) or stop it with SIGTERM.
 *
 * tsx runs the hub in a child node process of its own. The child is started as the leader of
 * a new process group: SIGKILL goes to the whole group (tsx and the hub die together, nothing
 * survives to finish a write), while SIGTERM goes to the hub process itself, as a service
 * manager's stop would, so the test observes the hub's own shutdown and not tsx's relay.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHub } from '../../electron/hub/index';
import type { UsersFileEntry } from '../../shared/protocol/accounts';
import { TEST_KEYS, TEST_PIN_HASHING, TEST_USERS } from './keys';
import type { Resources } from './resources';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

export type ChildHubOptions = {
  dataDir: string;
  seats?: number;
  initialTotal?: number;
  /** `--call-grace`: seconds a call stays open after its seat went offline. */
  callGraceSeconds?: number;
  readyTimeoutMs?: number;
  /** The role keys to pass in the environment; `null` passes none (the hub then uses hub.json). */
  keys?: Partial<Record<'operator' | 'supervisor' | 'wall', string>> | null;
  /**
   * Accounts put in a new data folder before the first start (default TEST_USERS), hashed
   * lightly so that a start costs no seconds; `null` for none (the hub makes its first
   * supervisor). `--users` itself is tested with `args`.
   */
  users?: UsersFileEntry[] | null;
  /** More command-line arguments. */
  args?: string[];
};
export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type ChildHub = {
  url: string;
  port: number;
  /** The tsx launcher's pid, also the process group id. */
  pid: number;
  exited: Promise<Exit>;
  isRunning(): boolean;
  output(): string;
  /** The pid of the node process that runs the hub (tsx's child). */
  hubPid(): number;
  /** Sends `signal` to the hub process. */
  signalHub(signal: NodeJS.Signals): void;
  /** SIGKILL to the whole process group; resolves when the launcher is gone. */
  killHard(): Promise<Exit>;
};

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // Kernels without the children file: scan every process for its parent.
    const found: number[] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === pid) found.push(Number(entry));
      } catch {
        // The process ended while we looked.
      }
    }
    return found;
  }
}

/** Creates `users` in a data folder that has no database yet, through a hub of its own run in this process. */
async function seedAccounts(dataDir: string, users: UsersFileEntry[]): Promise<void> {
  if (existsSync(path.join(dataDir, 'hub.sqlite'))) return;
  const hub = await startHub({ dataDir, keys: { ...TEST_KEYS }, port: 0, host: '127.0.0.1', users, pinHashing: TEST_PIN_HASHING, backup: { everyMinutes: 0 }, log: () => undefined });
  await hub.close();
}

export async function spawnHub(res: Resources, options: ChildHubOptions): Promise<ChildHub> {
  if (options.users !== null) await seedAccounts(options.dataDir, options.users ?? TEST_USERS);
  // --host keeps test hubs on the loopback address (the CLI's default is every network).
  const args = ['electron/hub/cli.ts', '--host', '127.0.0.1', '--port', '0', '--data', options.dataDir, ...(options.args ?? [])];
  if (options.seats !== undefined) args.push('--seats', String(options.seats));
  if (options.initialTotal !== undefined) args.push('--initial-total', String(options.initialTotal));
  if (options.callGraceSeconds !== undefined) args.push('--call-grace', String(options.callGraceSeconds));
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.HUB_OPERATOR_KEY;
  delete env.HUB_SUPERVISOR_KEY;
  delete env.HUB_WALL_KEY;
  const keys = options.keys === undefined ? TEST_KEYS : options.keys;
  if (keys?.operator) env.HUB_OPERATOR_KEY = keys.operator;
  if (keys?.supervisor) env.HUB_SUPERVISOR_KEY = keys.supervisor;
  if (keys?.wall) env.HUB_WALL_KEY = keys.wall;
  const proc: ChildProcess = spawn(TSX, args, { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = proc.pid!;
  let output = '';
  let running = true;
  const exited = new Promise<Exit>((resolve) => {
    proc.on('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
  });
  const killGroup = (): void => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  // A failed test must not leave a hub (or its orphaned node child) behind.
  res.defer(async () => {
    killGroup();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  });

  const url = await new Promise<string>((resolve, reject) => {
    const timeoutMs = options.readyTimeoutMs ?? 30_000;
    const timer = setTimeout(() => reject(new Error(`no "listening on" line within ${timeoutMs} ms; output:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((e) => {
      clearTimeout(timer);
      reject(new Error(`the hub exited (${e.code ?? e.signal}) before listening; output:\n${output}`));
    });
  });
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`the test hub must listen on 127.0.0.1, it printed ${url}`);
  const port = Number(new URL(url).port);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`no port in the listening line: ${url}`);

  const hubPid = (): number => {
    const kids = childPids(pid);
    // tsx runs the script in exactly one node child; without one, tsx itself runs it.
    return kids.length === 1 ? kids[0]! : pid;
  };
  return {
    // Tests talk to the hub on the loopback address only, whatever address it printed.
    url: `http://127.0.0.1:${port}`,
    port,
    pid,
    exited,
    isRunning: () => running,
    output: () => output,
    hubPid,
    signalHub: (signal) => process.kill(hubPid(), signal),
    killHard: async () => {
      killGroup();
      return exited;
    },
  };
}
