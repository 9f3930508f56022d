import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { advertiseHub, bonjourClass, type BonjourClass, browseHubs, type PublishOptions } from './bonjour';
import type { ServiceRecord } from './select';

/** A stand-in for bonjour-service that records what it is asked and lets a test answer. */
function fakeBonjour(opts: { namesInUse?: string[] } = {}) {
  const published: PublishOptions[] = [];
  const browsers: (EventEmitter & { services: ServiceRecord[]; update: () => void; stop: () => void; updates: number })[] = [];
  const instances: { destroyed: boolean; options: Record<string, unknown> }[] = [];
  class Fake {
    destroyed = false;
    constructor(
      public options: Record<string, unknown>,
      public onError: (err: Error) => void,
    ) {
      instances.push(this);
    }
    publish(o: PublishOptions) {
      published.push(o);
      const s = new EventEmitter();
      setTimeout(() => (opts.namesInUse?.includes(o.name) ? s.emit('error', new Error('Service name is already in use on the network')) : s.emit('up')), 0);
      return s;
    }
    find() {
      const b = Object.assign(new EventEmitter(), { services: [] as ServiceRecord[], updates: 0, update: () => b.updates++, stop: vi.fn() });
      browsers.push(b);
      return b;
    }
    unpublishAll(cb?: () => void) {
      setTimeout(() => cb?.(), 0);
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return { Bonjour: Fake as unknown as BonjourClass, published, browsers, instances };
}

describe('bonjourClass', () => {
  it('finds the class however the module exports it', () => {
    class B {}
    expect(bonjourClass(B)).toBe(B);
    expect(bonjourClass({ Bonjour: B })).toBe(B);
    expect(bonjourClass({ default: B })).toBe(B);
    expect(bonjourClass({})).toBeNull();
  });
});

describe('advertiseHub', () => {
  it('publishes _helpline-hub._tcp with its port and TXT record, and says so', async () => {
    const fake = fakeBonjour();
    const log = vi.fn();
    const ad = advertiseHub(fake.Bonjour, { name: 'Floor A', port: 4950, txt: { txtvers: '1', proto: '1' }, log });
    await new Promise((r) => setTimeout(r, 5));
    expect(fake.published).toEqual([{ name: 'Floor A', type: 'helpline-hub', protocol: 'tcp', port: 4950, txt: { txtvers: '1', proto: '1' } }]);
    expect(log).toHaveBeenCalledWith('mDNS: advertising "Floor A" (_helpline-hub._tcp, port 4950)');
    await ad.stop();
    expect(fake.instances[0]!.destroyed).toBe(true);
  });

  it('a name already taken on the LAN: the next free one', async () => {
    const fake = fakeBonjour({ namesInUse: ['Floor A', 'Floor A (2)'] });
    const ad = advertiseHub(fake.Bonjour, { name: 'Floor A', port: 4950, txt: {}, log: () => undefined });
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.published.map((p) => p.name)).toEqual(['Floor A', 'Floor A (2)', 'Floor A (3)']);
    expect(ad.name).toBe('Floor A (3)');
    await ad.stop();
  });
});

describe('browseHubs', () => {
  it('reports usable hubs on every change and re-asks now and then', () => {
    vi.useFakeTimers();
    try {
      const fake = fakeBonjour();
      const seen: string[][] = [];
      const browser = browseHubs(fake.Bonjour, { log: () => undefined, onChange: (c) => seen.push(c.map((h) => h.origin)), refreshMs: 1000 });
      const b = fake.browsers[0]!;
      b.services.push({ name: 'Floor A', type: 'helpline-hub', protocol: 'tcp', port: 4950, addresses: ['10.0.0.5'] });
      b.services.push({ name: 'Printer', type: 'helpline-hub', protocol: 'tcp', port: 0, addresses: ['10.0.0.9'] });
      b.emit('up', b.services[0]);
      expect(seen).toEqual([['http://10.0.0.5:4950']]);
      b.services.splice(0, 1);
      b.emit('down', {});
      expect(seen[1]).toEqual([]);
      vi.advanceTimersByTime(3000);
      expect(b.updates).toBe(3);
      browser.stop();
      expect(b.stop).toHaveBeenCalled();
      expect(fake.instances[0]!.destroyed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
