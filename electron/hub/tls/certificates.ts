/**
 * The hub's TLS identity. On first start the hub makes its own certificate authority (an
 * ECDSA P-256 key and a ten-year self-signed certificate) and, signed by it, a server
 * certificate for every name and address of the PC; both are kept in DATA/tls (the folder
 * 0700, the keys 0600). The server certificate is made again before it expires, and whenever
 * the PC gained a name or an address it does not cover (DHCP gave it another). The CA stays,
 * so a seat that pinned the CA's fingerprint keeps trusting the hub. IT may give its own
 * certificate and key instead (`--tls-cert`, `--tls-key`).
 *
 * The certificates are made with @peculiar/x509 over Node's WebCrypto, not by hand-written ASN.1.
 */
import 'reflect-metadata';
import { createPrivateKey, webcrypto, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';

// Node's WebCrypto, typed as the DOM's Crypto that the library names.
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;
const CA_DAYS = 3650;
/** Browsers refuse server certificates valid for more than 398 days. */
const SERVER_DAYS = 397;
/** A server certificate this close to its end is made again at start (and by the renewal timer). */
export const RENEW_BEFORE_DAYS = 30;

export type HubTls = {
  /** PEM: the server's private key. */
  key: string;
  /** PEM: the server certificate, then the CA's (the chain a client is sent). */
  cert: string;
  /** PEM: the certificate clients pin or trust (`GET /ca.crt`). */
  ca: string;
  /** SHA-256 of the CA certificate, "AB:CD:…", as printed at start and shown to supervisors. */
  fingerprint: string;
  /** When the server certificate ends. */
  serverNotAfter: Date;
  /** The names and addresses the server certificate is valid for. */
  covers: string[];
  /** IT's own certificate (`--tls-cert`), which the hub neither makes nor renews. */
  own: boolean;
};

function pemChain(...pems: string[]): string {
  return pems.map((p) => `${p.trim()}\n`).join('');
}

/** SHA-256 fingerprint of a PEM certificate, as browsers and `openssl x509 -fingerprint -sha256` show it. */
export function fingerprintOf(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}

function randomSerial(): string {
  // Positive, 16 bytes: unique per certificate, as CAs are expected to make them.
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = bytes[0]! & 0x7f;
  return Buffer.from(bytes).toString('hex');
}

async function pemKey(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ type: 'pkcs8', format: 'pem' }) as string;
}

async function importKey(pem: string): Promise<CryptoKey> {
  const der = createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' });
  return webcrypto.subtle.importKey('pkcs8', der, ALG, true, ['sign']);
}

function writeSecret(file: string, text: string): void {
  // Written beside and renamed, so a crash never leaves half a key.
  writeFileSync(`${file}.new`, text, { mode: 0o600 });
  renameSync(`${file}.new`, file);
  chmodSync(file, 0o600);
}

async function makeCa(hostname: string, now: Date): Promise<{ keyPem: string; certPem: string }> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: `CN=Helpline Control Room hub CA (${hostname.replace(/[,=+<>#;"\\]/g, '_')})`,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + CA_DAYS * DAY),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { keyPem: await pemKey(keys.privateKey), certPem: cert.toString('pem') };
}

async function makeServer(ca: { keyPem: string; certPem: string }, covers: string[], now: Date): Promise<{ keyPem: string; certPem: string }> {
  const caCert = new x509.X509Certificate(ca.certPem);
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const names = covers.map((n) => (isIP(n) ? { type: 'ip' as const, value: n } : { type: 'dns' as const, value: n }));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: `CN=${(covers.find((n) => !isIP(n) && n !== 'localhost') ?? 'helpline-hub').replace(/[,=+<>#;"\\]/g, '_')}`,
    issuer: caCert.subject,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + SERVER_DAYS * DAY),
    signingKey: await importKey(ca.keyPem),
    publicKey: keys.publicKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  return { keyPem: await pemKey(keys.privateKey), certPem: cert.toString('pem') };
}

/** The names and addresses a server certificate covers, as written in its SAN. */
export function coveredBy(certPem: string): string[] {
  const san = new X509Certificate(certPem).subjectAltName ?? '';
  return san
    .split(', ')
    .map((entry) => entry.replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean)
    .map(canonical);
}

/** One spelling per name: lower case, and IPv6 addresses compressed ("0:0:0:0:0:0:0:1" is "::1"). */
function canonical(name: string): string {
  const lower = name.trim().toLowerCase();
  return isIP(lower) === 6 ? new URL(`http://[${lower}]/`).hostname.slice(1, -1) : lower;
}

function normalise(names: string[]): string[] {
  return [...new Set(names.map(canonical))].sort();
}

/**
 * The hub's own CA and a server certificate for `names` (the PC's names and addresses), made
 * or renewed as needed. Never replaces the CA while it is valid.
 */
export async function hubTls(dataDir: string, opts: { hostname: string; names: string[]; now?: Date; log?: (line: string) => void }): Promise<HubTls> {
  const now = opts.now ?? new Date();
  const log = opts.log ?? (() => undefined);
  const dir = join(dataDir, 'tls');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const files = { caKey: join(dir, 'ca.key'), caCert: join(dir, 'ca.crt'), key: join(dir, 'server.key'), cert: join(dir, 'server.crt') };

  let ca: { keyPem: string; certPem: string } | null = null;
  if (existsSync(files.caKey) && existsSync(files.caCert)) {
    ca = { keyPem: readFileSync(files.caKey, 'utf8'), certPem: readFileSync(files.caCert, 'utf8') };
    if (new X509Certificate(ca.certPem).validTo && Date.parse(new X509Certificate(ca.certPem).validTo) - now.getTime() < RENEW_BEFORE_DAYS * DAY) {
      log('the hub certificate authority is about to expire: a new one is made, and every seat must confirm the hub again');
      ca = null;
    }
  }
  let madeCa = false;
  if (!ca) {
    ca = await makeCa(opts.hostname, now);
    writeSecret(files.caKey, ca.keyPem);
    writeFileSync(files.caCert, pemChain(ca.certPem), { mode: 0o644 });
    madeCa = true;
  }

  const wanted = normalise(opts.names);
  let server: { keyPem: string; certPem: string } | null = null;
  if (!madeCa && existsSync(files.key) && existsSync(files.cert)) {
    server = { keyPem: readFileSync(files.key, 'utf8'), certPem: readFileSync(files.cert, 'utf8') };
    const cert = new X509Certificate(server.certPem);
    const have = new Set(normalise(coveredBy(server.certPem)));
    const expiring = Date.parse(cert.validTo) - now.getTime() < RENEW_BEFORE_DAYS * DAY;
    const missing = wanted.filter((n) => !have.has(n));
    const signedByCa = cert.checkIssued(new X509Certificate(ca.certPem)) && cert.verify(new X509Certificate(ca.certPem).publicKey);
    if (expiring || missing.length > 0 || !signedByCa) {
      log(`renewing the hub's server certificate (${expiring ? 'it ends soon' : missing.length > 0 ? `new names or addresses: ${missing.join(', ')}` : 'it was not made by this hub'})`);
      server = null;
    }
  }
  if (!server) {
    server = await makeServer(ca, wanted, now);
    writeSecret(files.key, server.keyPem);
    writeFileSync(files.cert, pemChain(server.certPem), { mode: 0o644 });
  }
  return {
    key: server.keyPem,
    cert: pemChain(server.certPem, ca.certPem),
    ca: pemChain(ca.certPem),
    fingerprint: fingerprintOf(ca.certPem),
    serverNotAfter: new Date(new X509Certificate(server.certPem).validTo),
    covers: coveredBy(server.certPem),
    own: false,
  };
}

/**
 * IT's own certificate and key. The file may hold the chain: the server's certificate first,
 * then its issuers; clients pin (and `GET /ca.crt` hands out) the last one, the root.
 */
export function ownTls(certFile: string, keyFile: string): HubTls {
  const chain = readFileSync(certFile, 'utf8');
  const key = readFileSync(keyFile, 'utf8');
  const pems = chain.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (pems.length === 0) throw new Error(`${certFile} holds no PEM certificate`);
  const leaf = new X509Certificate(pems[0]!);
  if (!leaf.checkPrivateKey(createPrivateKey(key))) throw new Error(`the key in ${keyFile} does not belong to the certificate in ${certFile}`);
  const root = `${pems[pems.length - 1]!}\n`;
  return { key, cert: chain, ca: root, fingerprint: fingerprintOf(root), serverNotAfter: new Date(leaf.validTo), covers: coveredBy(pems[0]!), own: true };
}
