// Keeps the CA on disk in the state directory, so that a CA trusted once (NODE_EXTRA_CA_CERTS is read at
// process start) stays valid for every emulator started later with the same state directory.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';
import {
  type CertificateAndKey,
  type CertificateAuthority,
  createCertificateAuthority,
  rebuildAuthority,
} from './certificate-authority.js';

const FILES = {
  caCert: 'ca-cert.pem',
  caKey: 'ca-key.pem',
  serverCert: 'server-cert.pem',
  serverKey: 'server-key.pem',
} as const;

/** In-process cache: creating RSA keys and signing costs about a second, pay it once per state dir. */
const cache = new Map<string, Promise<CertificateAuthority>>();
let processWide: CertificateAuthority | undefined;

function fromPem(certPem: string, keyPem: string): CertificateAndKey {
  return {
    certPem,
    keyPem,
    cert: forge.pki.certificateFromPem(certPem),
    key: forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey,
  };
}

async function loadOrCreate(stateDir: string): Promise<CertificateAuthority> {
  await mkdir(stateDir, { recursive: true });
  const path = (f: keyof typeof FILES) => join(stateDir, FILES[f]);
  if ((Object.keys(FILES) as (keyof typeof FILES)[]).every((f) => existsSync(path(f)))) {
    const [caCert, caKey, serverCert, serverKey] = await Promise.all(
      (['caCert', 'caKey', 'serverCert', 'serverKey'] as const).map((f) => readFile(path(f), 'utf8')),
    );
    return rebuildAuthority(fromPem(caCert!, caKey!), fromPem(serverCert!, serverKey!));
  }
  processWide ??= createCertificateAuthority();
  const authority = processWide;
  await writeFile(path('caKey'), authority.ca.keyPem, { mode: 0o600 });
  await writeFile(path('serverKey'), authority.server.keyPem, { mode: 0o600 });
  await writeFile(path('serverCert'), authority.server.certPem);
  await writeFile(path('caCert'), authority.ca.certPem);
  return authority;
}

/** Loads the CA from `stateDir`, or creates it there (files `ca-cert.pem`, `ca-key.pem`, `server-*.pem`). */
export function loadOrCreateAuthority(stateDir: string): Promise<CertificateAuthority> {
  let pending = cache.get(stateDir);
  if (!pending) {
    pending = loadOrCreate(stateDir);
    cache.set(stateDir, pending);
    pending.catch(() => cache.delete(stateDir));
  }
  return pending;
}

/** Path of the CA certificate inside a state directory. */
export const caCertPathIn = (stateDir: string): string => join(stateDir, FILES.caCert);
