/**
 * Every name and address by which seats may reach this PC: what the hub's server certificate
 * must cover. Seats on the LAN use the PC's address or its name (as DHCP, the LAN's DNS or mDNS
 * gives it); the hub's own PC uses localhost.
 */
import { hostname, networkInterfaces } from 'node:os';

export function hostNames(): { hostname: string; names: string[] } {
  const host = hostname().toLowerCase();
  const names = new Set<string>(['localhost', '127.0.0.1', '::1']);
  if (host) {
    names.add(host);
    if (!host.includes('.')) names.add(`${host}.local`);
  }
  for (const addrs of Object.values(networkInterfaces())) {
    for (const a of addrs ?? []) {
      // Link-local IPv6 addresses carry a zone (%eth0) that no certificate can name.
      if (a.family === 'IPv6' && a.address.toLowerCase().startsWith('fe80:')) continue;
      names.add(a.address.toLowerCase());
    }
  }
  return { hostname: host || 'helpline-hub', names: [...names] };
}
