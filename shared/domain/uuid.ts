/**
 * Random UUIDs (version 4) from a source of random bytes. Browsers offer
 * `crypto.randomUUID` only in a secure context (https or loopback), and a seat on the floor
 * opens the hub at its LAN address over http, where it is missing; `crypto.getRandomValues`
 * is available in every context, in browsers and in Node alike, so ids are made from it.
 */
export type RandomBytes = (bytes: Uint8Array) => Uint8Array;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function uuidV4(random: RandomBytes): string {
  const b = random(new Uint8Array(16));
  // RFC 9562: version 4 in the high nibble of byte 6, variant 10 in the top bits of byte 8.
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => HEX[x]!);
  return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
