/**
 * Loads bonjour-service where the build included it. Discovery is a convenience, never a
 * condition for running: a PC without it (or whose network refuses multicast) still works
 * with a typed hub address, so a failure here is a log line, not a crash.
 */
import { bonjourClass, type BonjourClass } from './bonjour';

export function loadBonjour(log: (line: string) => void): BonjourClass | null {
  try {
    // A plain require: scripts/build-electron.mjs bundles the package when it is installed
    // and otherwise leaves this call to fail here, at run time, with discovery turned off.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Bonjour = bonjourClass(require('bonjour-service'));
    if (!Bonjour) log('mDNS: bonjour-service did not export its class; finding the hub on the LAN is off');
    return Bonjour;
  } catch (err) {
    log(`mDNS: bonjour-service is not available (${(err as Error).message.split('\n')[0]}); finding the hub on the LAN is off`);
    return null;
  }
}
