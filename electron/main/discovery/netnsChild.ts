/**
 * Run by mdns.netns.test.ts inside a network namespace that has only a loopback interface.
 * `adapter`: advertises with the real bonjour-service and browses for it. `hub`: starts the
 * hub's process entry (which advertises itself), browses like a seat, and asks the hub found
 * at the discovered address for /healthz. Prints the outcome as one JSON line.
 * Never run it on a machine's real network.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { advertiseHub, type Advertisement, bonjourClass, browseHubs } from './bonjour';
import { type HubCandidate, hubTxt, selectHub } from './select';

const require = createRequire(import.meta.url);
const Bonjour = bonjourClass(require('bonjour-service'));
if (!Bonjour) throw new Error('bonjour-service did not export its class');

const mode = process.argv[2] === 'hub' ? 'hub' : 'adapter';
const logs: string[] = [];
const log = (line: string) => logs.push(line);
const started = Date.now();
let stopAdvertiser: () => Promise<void> = async () => undefined;
let hubPort: number | null = null;

if (mode === 'adapter') {
  const ad: Advertisement = advertiseHub(Bonjour, { name: 'Netns hub', port: 4950, txt: hubTxt(1), log });
  stopAdvertiser = () => ad.stop();
} else {
  const dataDir = mkdtempSync(join(tmpdir(), 'hcr-netns-hub-'));
  const entry = fileURLToPath(new URL('../hubProcess.ts', import.meta.url));
  const hub = fork(entry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  hub.on('message', (m: { type: string; port?: number; line?: string }) => {
    if (m.type === 'log' && m.line) logs.push(m.line);
    if (m.type === 'ready') hubPort = m.port ?? null;
  });
  hub.send({
    type: 'start',
    options: { dataDir, port: 0, host: '0.0.0.0', rendererDir: dataDir, keys: {}, advertiseAs: 'Netns hub', backup: { everyMinutes: 0 } },
  });
  stopAdvertiser = () =>
    new Promise<void>((resolve) => {
      hub.on('exit', () => {
        rmSync(dataDir, { recursive: true, force: true });
        resolve();
      });
      hub.send({ type: 'stop' });
    });
}

const browser = browseHubs(Bonjour, {
  log,
  refreshMs: 500,
  onChange: (candidates) => {
    if (candidates.length === 0) return;
    void finish(candidates);
  },
});
const timer = setTimeout(() => void finish([]), 20_000);

let done = false;
async function finish(candidates: HubCandidate[]): Promise<void> {
  if (done) return;
  done = true;
  clearTimeout(timer);
  browser.stop();
  const selection = selectHub(candidates, { hubName: 'netns HUB' });
  let health: unknown = null;
  if (mode === 'hub' && selection.kind === 'one') health = await (await fetch(`${selection.hub.origin}/healthz`)).json();
  await stopAdvertiser();
  console.log(JSON.stringify({ candidates, selection, health, hubPort, logs, ms: Date.now() - started }));
  process.exit(0);
}
