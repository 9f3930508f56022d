/**
 * What the hub prints when it starts: the addresses IT opens on each screen of the floor,
 * ready to use, which key goes where, and on a first start the first supervisor's account. A key is printed once, on the start that made it;
 * where the hub runs as a service its output is a log that others read, so no key goes into it
 * at all. Otherwise the lines say where to read the keys (`--print-addresses`).
 */
import type { FirstSupervisor } from './accounts/seed';
import type { Keys } from './keys';

export type AddressInput = {
  /** The hub's own URL (loopback or the address it listens on). */
  url: string;
  port: number;
  /** Addresses of this PC on the LAN (IPv4, not internal). */
  lanAddresses: string[];
  keys: Keys;
  /** Keys made on this start (the contract prints these once). */
  generated: (keyof Keys)[];
  keysFile: string;
  dataDir: string;
  /** Running as a service: no secret goes into the output. */
  service: boolean;
  /** The supervisor account this start made, with its one-time PIN (printed once, never as a service). */
  firstSupervisor?: FirstSupervisor;
};

/** The wall opens its page with its key in the address; nothing else needs to be typed on it. */
export function wallAddress(origin: string, wallKey: string): string {
  return `${origin}/wall?key=${encodeURIComponent(wallKey)}`;
}

export function startLines(a: AddressInput): string[] {
  const origins = a.lanAddresses.length > 0 ? a.lanAddresses.map((ip) => `http://${ip}:${a.port}`) : [a.url];
  const lines = [`Helpline hub listening on ${a.url}`];
  if (!a.service && a.generated.length > 0) {
    lines.push(`New access keys were generated and saved in ${a.keysFile} (readable only by this user):`);
    for (const role of a.generated) lines.push(`  ${role.padEnd(10)} ${a.keys[role]}`);
  }
  if (a.firstSupervisor) {
    const f = a.firstSupervisor;
    if (a.service) lines.push(`A first supervisor account was made; its username and one-time PIN are in ${f.file}, readable only by the hub's account, until the PIN is changed.`);
    else {
      lines.push('A first supervisor account was made (sign in at /supervisor with the supervisor key; you will choose your own PIN at once):');
      lines.push(`  username   ${f.username}`);
      lines.push(`  PIN        ${f.pin}  (one-time; also in ${f.file} until it is changed)`);
    }
  }
  lines.push('Open on the floor:');
  for (const origin of origins) {
    lines.push(`  operator seats     ${origin}/`);
    lines.push(`  supervisors        ${origin}/supervisor`);
    // A key is printed once, when it is made (the contract); later starts say how to see it.
    const wallKeyNew = !a.service && a.generated.includes('wall');
    lines.push(wallKeyNew ? `  wall display       ${wallAddress(origin, a.keys.wall)}` : `  wall display       ${origin}/wall  (with its key: see below)`);
  }
  lines.push(
    'Which key goes where: the operator key on every seat PC, the supervisor key on supervisors’ PCs, the wall key only in the wall’s address.',
  );
  if (a.service || !a.generated.includes('wall')) {
    lines.push(`The keys are in ${a.keysFile}, readable only by the hub's account; the wall's address with its key: npm run hub -- --data ${a.dataDir} --print-addresses`);
  }
  lines.push(`Data: ${a.dataDir}`);
  return lines;
}

/** `--print-addresses`: what IT needs to set up screens, read from the keys file, for a terminal. */
export function addressesWithKeys(origins: string[], keys: Keys): string[] {
  return [
    ...origins.flatMap((origin) => [`operator seats     ${origin}/`, `supervisors        ${origin}/supervisor`, `wall display       ${wallAddress(origin, keys.wall)}`]),
    `operator key       ${keys.operator}`,
    `supervisor key     ${keys.supervisor}`,
  ];
}
