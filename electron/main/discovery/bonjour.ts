/**
 * mDNS through bonjour-service: the hub advertises `_helpline-hub._tcp`, seats browse for it.
 * The library is passed in (see loadBonjour.ts) rather than imported, so that a build without
 * it still runs (typed addresses only) and a test can run it inside a network namespace.
 * Only the calls used here are typed, matching bonjour-service 1.4.
 */
import { HUB_SERVICE_TYPE } from '../../../shared/desktop/config';
import { candidateFromService, type HubCandidate, type ServiceRecord } from './select';

export type PublishOptions = { name: string; type: string; protocol: 'tcp'; port: number; txt?: Record<string, string>; disableIPv6?: boolean };

export interface PublishedService {
  on(event: 'up', listener: () => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

export interface BonjourBrowser {
  on(event: 'up' | 'down', listener: (service: ServiceRecord) => void): unknown;
  update(): void;
  stop(): void;
  readonly services: ServiceRecord[];
}

export interface BonjourInstance {
  publish(options: PublishOptions): PublishedService;
  find(options: { type: string; protocol?: 'tcp' }): BonjourBrowser;
  unpublishAll(callback?: () => void): void;
  destroy(callback?: () => void): void;
}

/** Options reach multicast-dns (`interface`, `port`, `ip`); the error callback must be given, or it throws. */
export type BonjourClass = new (options: Record<string, unknown>, onError: (err: Error) => void) => BonjourInstance;

/** bonjour-service exports its class as the module itself, and as `.Bonjour` and `.default`. */
export function bonjourClass(mod: unknown): BonjourClass | null {
  const m = mod as { Bonjour?: unknown; default?: unknown } | null;
  for (const c of [m?.Bonjour, m?.default, m]) if (typeof c === 'function') return c as BonjourClass;
  return null;
}

export type Log = (line: string) => void;

export type Advertisement = { readonly name: string; stop(): Promise<void> };

/**
 * Advertises the hub until stopped. If another hub already uses the name, tries "name (2)"
 * and so on: a second hub on the LAN must be visible, not silently hidden.
 */
export function advertiseHub(Bonjour: BonjourClass, opts: { name: string; port: number; txt: Record<string, string>; log: Log; mdnsOptions?: Record<string, unknown> }): Advertisement {
  const bonjour = new Bonjour(opts.mdnsOptions ?? {}, (err) => opts.log(`mDNS: ${err.message}`));
  let current = opts.name;
  let stopped = false;
  const publish = (attempt: number) => {
    current = attempt === 1 ? opts.name : `${opts.name} (${attempt})`;
    const service = bonjour.publish({ name: current, type: HUB_SERVICE_TYPE, protocol: 'tcp', port: opts.port, txt: opts.txt });
    service.on('up', () => opts.log(`mDNS: advertising "${current}" (_${HUB_SERVICE_TYPE}._tcp, port ${opts.port})`));
    service.on('error', (err) => {
      if (stopped) return;
      if (attempt < 9 && /in use/i.test(err.message)) publish(attempt + 1);
      else opts.log(`mDNS: cannot advertise the hub (${err.message}); seats must be given its address`);
    });
  };
  publish(1);
  return {
    get name() {
      return current;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        stopped = true;
        // Goodbye packets tell seats at once that this hub is gone; do not wait on them forever.
        const timer = setTimeout(finish, 1500);
        function finish() {
          clearTimeout(timer);
          try {
            bonjour.destroy();
          } catch {
            // already closed
          }
          resolve();
        }
        try {
          bonjour.unpublishAll(finish);
        } catch {
          finish();
        }
      }),
  };
}

export type HubBrowser = { candidates(): HubCandidate[]; refresh(): void; stop(): void };

/** Browses for hubs and reports the usable ones on every change. */
export function browseHubs(Bonjour: BonjourClass, opts: { onChange: (candidates: HubCandidate[]) => void; log: Log; refreshMs?: number; mdnsOptions?: Record<string, unknown> }): HubBrowser {
  const bonjour = new Bonjour(opts.mdnsOptions ?? {}, (err) => opts.log(`mDNS: ${err.message}`));
  const browser = bonjour.find({ type: HUB_SERVICE_TYPE, protocol: 'tcp' });
  const candidates = () => browser.services.map(candidateFromService).filter((c): c is HubCandidate => c !== null);
  const changed = () => opts.onChange(candidates());
  browser.on('up', changed);
  browser.on('down', changed);
  // Queries and answers are single UDP packets: ask again now and then in case one was lost.
  const timer = setInterval(() => browser.update(), opts.refreshMs ?? 5000);
  timer.unref?.();
  let stopped = false;
  return {
    candidates,
    refresh: () => browser.update(),
    stop: () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      browser.stop();
      bonjour.destroy();
    },
  };
}
