/**
 * Loads bonjour-service. Discovery is a convenience, never a condition for running: a PC
 * where the library cannot load (or whose network refuses multicast) still works with a
 * typed hub address, so a failure here is a log line, not a crash.
 */
import { bonjourClass, type BonjourClass } from './bonjour';

export async function loadBonjour(log: (line: string) => void): Promise<BonjourClass | null> {
  try {
    const Bonjour = bonjourClass(await import('bonjour-service'));
    if (!Bonjour) log('mDNS: bonjour-service did not export its class; finding the hub on the LAN is off');
    return Bonjour;
  } catch (err) {
    log(`mDNS: bonjour-service is not available (${(err as Error).message.split('\n')[0]}); finding the hub on the LAN is off`);
    return null;
  }
}
