/**
 * Test PKI made with the real `openssl` CLI: a CA, a server certificate for 127.0.0.1, a client
 * certificate, and PKCS#12 bundles in modern (AES-256/PBKDF2) and legacy (RC2-40/3DES) form.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPki {
  dir: string;
  caPem: string;
  serverKeyPem: string;
  serverCertPem: string;
  clientKeyPem: string;
  clientCertPem: string;
  /** Writes a PKCS#12 of the client key + certificate (+ CA) and returns its path. */
  clientP12(opts: { password?: string; legacy?: boolean; name?: string }): string;
  cleanup(): void;
}

function ssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Creates the PKI in a fresh temporary directory (about 0.3 s). */
export function createTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'geneva-pki-'));
  ssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=Geneva Test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  const issue = (name: string, cn: string, ext: string) => {
    writeFileSync(join(dir, `${name}.ext`), ext);
    ssl(
      [
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.csr`,
        '-subj',
        `/CN=${cn}`,
      ],
      dir,
    );
    ssl(
      [
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        `${name}.pem`,
        '-days',
        '2',
        '-extfile',
        `${name}.ext`,
      ],
      dir,
    );
  };
  issue('server', '127.0.0.1', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  issue('client', 'geneva-test-client', 'extendedKeyUsage=clientAuth\n');
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  let n = 0;
  return {
    dir,
    caPem: read('ca.pem'),
    serverKeyPem: read('server.key'),
    serverCertPem: read('server.pem'),
    clientKeyPem: read('client.key'),
    clientCertPem: read('client.pem'),
    clientP12({ password = '', legacy = false, name }) {
      const file = join(dir, name ?? `client-${++n}${legacy ? '-legacy' : ''}.p12`);
      ssl(
        [
          'pkcs12',
          '-export',
          ...(legacy ? ['-legacy'] : []),
          '-in',
          'client.pem',
          '-inkey',
          'client.key',
          '-certfile',
          'ca.pem',
          '-out',
          file,
          '-passout',
          `pass:${password}`,
        ],
        dir,
      );
      return file;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
