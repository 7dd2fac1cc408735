import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodePkcs12 } from '../../../src/auth/certificate.js';
import {
  createHttpClient,
  type HttpClient,
  RequestTimeoutError,
} from '../../../src/transport/http-client.js';
import { createTestPki, type TestPki } from '../auth/pki.js';

async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}
const close = (s: Server) => new Promise<void>((r) => s.close(() => r()));

let clients: HttpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  clients = [];
});
const client = (opts: Parameters<typeof createHttpClient>[0]) => {
  const c = createHttpClient(opts);
  clients.push(c);
  return c;
};

describe('http client over plain HTTP', () => {
  let server: Server;
  let base: string;
  const sockets = new Set<unknown>();
  beforeAll(async () => {
    server = createServer((req, res) => {
      sockets.add(req.socket);
      if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2_000).unref();
      if (req.url === '/redirect') {
        res.writeHead(307, { location: 'http://127.0.0.2:1/elsewhere' });
        return void res.end();
      }
      let n = 0;
      req.on('data', (c: Buffer) => (n += c.length));
      req.on('end', () => {
        res.writeHead(202, { 'content-type': 'application/json', 'x-version': req.httpVersion });
        res.end(JSON.stringify({ ticket: `t-${n}`, auth: req.headers['authorization'] ?? null }));
      });
    });
    base = `http://127.0.0.1:${await listen(server)}`;
  });
  afterAll(() => close(server));

  it('posts a body and reuses keep-alive HTTP/1.1 connections', async () => {
    sockets.clear();
    const http = client({ timeoutMs: 2_000 });
    for (let i = 0; i < 6; i++) {
      const res = await http.send({
        method: 'POST',
        url: new URL(`${base}/ingest`),
        headers: {},
        body: new Uint8Array(10 + i),
      });
      expect(res.status).toBe(202);
      expect(JSON.parse(res.body).ticket).toBe(`t-${10 + i}`);
      expect(res.headers['x-version']).toBe('1.1');
    }
    // undici's pool may open a second socket while the first is still settling; both are reused.
    expect(sockets.size).toBeLessThanOrEqual(2);
  });

  it('times out with RequestTimeoutError', async () => {
    const http = client({ timeoutMs: 100 });
    const err = await http
      .send({ method: 'GET', url: new URL(`${base}/slow`), headers: {} })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestTimeoutError);
    expect((err as Error).name).toBe('TimeoutError');
  });

  it('does not follow redirects (so a bearer token never leaves for another host)', async () => {
    const http = client({ timeoutMs: 2_000 });
    const res = await http.send({
      method: 'POST',
      url: new URL(`${base}/redirect`),
      headers: { authorization: 'Bearer x' },
    });
    expect(res.status).toBe(307);
  });

  it('honours the caller’s AbortSignal', async () => {
    const http = client({ timeoutMs: 5_000 });
    const c = new AbortController();
    const p = http.send({ method: 'GET', url: new URL(`${base}/slow`), headers: {}, signal: c.signal });
    setTimeout(() => c.abort(Object.assign(new Error('stop'), { name: 'AbortError' })), 20);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('http client over TLS', () => {
  let pki: TestPki;
  let server: ReturnType<typeof createTlsServer>;
  let base: string;
  beforeAll(async () => {
    pki = createTestPki();
    server = createTlsServer(
      {
        key: pki.serverKeyPem,
        cert: pki.serverCertPem,
        ca: pki.caPem,
        requestCert: true,
        rejectUnauthorized: false,
      },
      (req, res) => {
        const s = req.socket as TLSSocket;
        const peer = s.getPeerCertificate();
        res.end(JSON.stringify({ authorized: s.authorized, cn: peer?.subject?.CN ?? null }));
      },
    );
    base = `https://127.0.0.1:${await listen(server as unknown as Server)}`;
  });
  afterAll(async () => {
    await close(server as unknown as Server);
    pki.cleanup();
  });

  it('trusts the configured CA on top of the system roots, and refuses an unknown CA', async () => {
    const trusted = client({ timeoutMs: 2_000, tls: { ca: pki.caPem } });
    const res = await trusted.send({ method: 'GET', url: new URL(base), headers: {} });
    expect(JSON.parse(res.body)).toEqual({ authorized: false, cn: null });
    const untrusted = client({ timeoutMs: 2_000 });
    await expect(untrusted.send({ method: 'GET', url: new URL(base), headers: {} })).rejects.toMatchObject({
      code: expect.stringMatching(/CERT|SIGNED|VERIFY/),
    });
  });

  it('presents a client certificate loaded from modern and legacy PKCS#12 (mutual TLS)', async () => {
    for (const legacy of [false, true]) {
      const path = pki.clientP12({ password: 'pw', legacy });
      const cert = decodePkcs12(readFileSync(path), 'pw', path);
      expect(cert.loader).toBe(legacy ? 'forge' : 'native');
      const http = client({ timeoutMs: 2_000, tls: { ca: pki.caPem, ...cert } });
      const res = await http.send({ method: 'GET', url: new URL(base), headers: {} });
      expect(JSON.parse(res.body)).toEqual({ authorized: true, cn: 'geneva-test-client' });
    }
  });
});
