/**
 * PKCS#12 client certificate → TLS options for mutual TLS to the config service.
 * Modern files (AES/PBES2) load through Node's own TLS; legacy ones (RC2-40, 3DES) that
 * OpenSSL 3 refuses are decoded with node-forge into a PEM key and certificate chain.
 * The password never appears in an error or a log line.
 */
import { readFile } from 'node:fs/promises';
import { createSecureContext } from 'node:tls';
import forge from 'node-forge';
import { PermanentError } from '../send/errors.js';
import type { TlsOptions } from '../transport/http-client.js';

/** Client certificate material ready for undici's `connect` options. */
export interface ClientCertificate extends TlsOptions {
  /** How the file was loaded: `native` (OpenSSL) or `forge` (legacy algorithms). */
  loader: 'native' | 'forge';
  /** Subject CN of the leaf certificate, for logs. */
  subject?: string;
}

function certError(path: string, reason: string, cause?: unknown): PermanentError {
  return new PermanentError('GENEVA_ERR_CERTIFICATE', `cannot use client certificate "${path}": ${reason}`, {
    phase: 'auth',
    ...(cause === undefined ? {} : { cause: scrub(cause) }),
  });
}

/** Keeps only the message of a library error (some echo their inputs). */
function scrub(err: unknown): Error {
  return new Error(err instanceof Error ? err.message : String(err));
}

/** Reads and decodes a PKCS#12 file. Throws {@link PermanentError} `GENEVA_ERR_CERTIFICATE`. */
export async function loadClientCertificate(path: string, password?: string): Promise<ClientCertificate> {
  let pfx: Buffer;
  try {
    pfx = await readFile(path);
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'read error';
    throw certError(path, `the file cannot be read (${code})`, err);
  }
  return decodePkcs12(pfx, password, path);
}

/** Decodes PKCS#12 bytes (see {@link loadClientCertificate}); `label` names the source in errors. */
export function decodePkcs12(
  pfx: Buffer,
  password: string | undefined,
  label = '<buffer>',
): ClientCertificate {
  let nativeError: unknown;
  try {
    createSecureContext({ pfx, passphrase: password ?? '' });
    return { loader: 'native', pfx, passphrase: password ?? '' };
  } catch (err) {
    nativeError = err;
  }
  if (/mac verify failure|invalid password/i.test(messageOf(nativeError))) {
    throw certError(label, 'wrong password (PKCS#12 MAC verification failed)');
  }
  return decodeWithForge(pfx, password ?? '', label, nativeError);
}

function decodeWithForge(
  pfx: Buffer,
  password: string,
  label: string,
  nativeError: unknown,
): ClientCertificate {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(pfx.toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (err) {
    const text = messageOf(err);
    if (/MAC could not be verified|Invalid password/i.test(text)) {
      throw certError(label, 'wrong password (PKCS#12 MAC verification failed)');
    }
    throw certError(label, `not a readable PKCS#12 file (${messageOf(nativeError)}; ${text})`);
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ??
      []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const key = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw certError(label, 'no private key found (wrong password or unsupported key type)');
  const certs = (p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [])
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => c !== undefined && c !== null);
  if (certs.length === 0) throw certError(label, 'no certificate found');
  const matches = (c: forge.pki.Certificate) =>
    (c.publicKey as forge.pki.rsa.PublicKey).n?.equals(key.n) === true;
  const leaf = certs.find(matches) ?? certs[0]!;
  const chain = [leaf, ...certs.filter((c) => c !== leaf)];
  return {
    loader: 'forge',
    key: forge.pki.privateKeyToPem(key),
    cert: chain.map((c) => forge.pki.certificateToPem(c)).join(''),
    subject: String(leaf.subject.getField('CN')?.value ?? ''),
  };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
