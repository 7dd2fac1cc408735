// Composition root: state directory and CA, token registry, stores, both servers, public handle.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createFaultInjector } from './faults/fault-injector.js';
import type { EmulatorCore } from './http/emulator-core.js';
import { handleRequest } from './http/router.js';
import { coreDecoder } from './ingestion/decoder.js';
import { createEventsOutSink } from './output/events-out.js';
import { createPrintSink } from './output/print-table.js';
import { listen } from './server/listen.js';
import { createEventStore } from './state/event-store.js';
import { caCertPathIn, loadOrCreateAuthority } from './tls/ca-store.js';
import { fingerprint256 } from './tls/certificate-authority.js';
import { buildPkcs12 } from './tls/pkcs12.js';
import { createTokenRegistry } from './tokens/token-registry.js';
import type { EmulatorOptions, GenevaEmulator, IssuedClientCertificate } from './types.js';

/** Default tenant id of the emulated Entra ID. */
export const DEFAULT_TENANT_ID = '00000000-0000-4000-8000-0000000000a1';
/** Default client (application) id accepted by the emulated Entra ID. */
export const DEFAULT_CLIENT_ID = '00000000-0000-4000-8000-0000000000c1';
const DEFAULT_AUDIENCES = ['https://monitor.core.windows.net', 'https://monitor.azure.com'];

const urlHost = (host: string) =>
  host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

/**
 * Starts an emulator: config service + ingestion gateway on `port`, identity endpoints on a second
 * HTTPS port (emulator CA). Resolves once both listen.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<GenevaEmulator> {
  const host = options.host ?? '127.0.0.1';
  const tls = options.tls ?? false;
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'geneva-emulator-'));
  const authority = await loadOrCreateAuthority(stateDir);
  const caCertPath = caCertPathIn(stateDir);
  const tokens = createTokenRegistry(options.tokenLifetimeSeconds ?? 3600);
  const store = createEventStore();
  const faults = createFaultInjector();
  const core: EmulatorCore = {
    maxBodyBytes: options.maxBodyBytes ?? 16 * 1024 * 1024,
    tls,
    acceptedAudiences: options.acceptedAudiences ?? DEFAULT_AUDIENCES,
    monikerWithoutDiag: options.monikerWithoutDiag ?? false,
    tokens,
    store,
    faults,
    urls: { main: '', identity: '' },
    identity: {
      tenantId: options.tenantId ?? DEFAULT_TENANT_ID,
      clientId: options.clientId ?? DEFAULT_CLIENT_ID,
      identityHeader: randomBytes(16).toString('hex'),
    },
    decode: coreDecoder,
    sinks: [],
  };
  if (options.eventsOut) core.sinks.push(createEventsOutSink(options.eventsOut));
  if (options.print) core.sinks.push(createPrintSink(options.printTo ?? process.stdout));

  const listener = (req: Parameters<typeof handleRequest>[0], res: Parameters<typeof handleRequest>[1]) =>
    void handleRequest(req, res, core);
  const material = { key: authority.server.keyPem, cert: authority.server.certPem, ca: authority.ca.certPem };
  const main = await listen(
    host,
    options.port ?? 0,
    listener,
    tls
      ? { ...material, requestCert: true, rejectUnauthorized: options.requireClientCert ?? false }
      : undefined,
  );
  const identityServer = await listen(host, 0, listener, {
    ...material,
    requestCert: false,
    rejectUnauthorized: false,
  });
  core.urls.main = `${tls ? 'https' : 'http'}://${urlHost(host)}:${main.port}`;
  core.urls.identity = `https://${urlHost(host)}:${identityServer.port}`;

  let certificates = 0;
  const emulator: GenevaEmulator = {
    url: core.urls.main,
    caCertPath,
    caCertPem: authority.ca.certPem,
    identity: {
      url: core.urls.identity,
      managedIdentityEndpoint: `${core.urls.main}/msi/token`,
      identityHeader: core.identity.identityHeader,
      imdsAuthorityHost: core.urls.main,
      authorityHost: core.urls.identity,
      tenantId: core.identity.tenantId,
      clientId: core.identity.clientId,
    },
    async issueClientCertificate(opts = {}): Promise<IssuedClientCertificate> {
      const commonName = opts.commonName ?? `geneva-emulator client ${++certificates}`;
      const issued = authority.issueClient(commonName);
      const pfx = buildPkcs12({
        key: issued.key,
        cert: issued.cert,
        chain: [authority.ca.cert],
        password: opts.password ?? '',
        legacy: opts.legacy ?? false,
      });
      const path =
        opts.path ??
        join(stateDir, `client-${Date.now()}-${certificates}${opts.legacy ? '-legacy' : ''}.p12`);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, pfx, { mode: 0o600 });
      return { path, pfx, fingerprint256: fingerprint256(issued.certPem), subject: `CN=${commonName}` };
    },
    async writeFederatedToken(path, opts = {}) {
      const { token } = tokens.issue(
        'federated',
        'api://AzureADTokenExchange',
        { iss: core.urls.identity, sub: opts.subject ?? 'system:serviceaccount:default:geneva' },
        opts.lifetimeSeconds !== undefined ? { lifetimeSeconds: opts.lifetimeSeconds } : {},
      );
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, token, { mode: 0o600 });
    },
    faults: {
      inject: (rule) => faults.inject(rule),
      clear: () => faults.clear(),
      pending: () => faults.pending(),
    },
    revokeAllTokens: () => tokens.revokeAll(),
    setTokenLifetime: (seconds) => tokens.setLifetime(seconds),
    events: (filter) => store.events(filter),
    requests: () => store.requests(),
    counters: () => ({ ...store.counters, tokensIssued: tokens.list().length }),
    issuedTokens: () => tokens.list(),
    reset() {
      store.reset();
      faults.clear();
    },
    async stop() {
      await Promise.all([main.close(), identityServer.close()]);
      // A state directory we created ourselves is temporary: remove it (CA, certificates, tokens).
      if (!options.stateDir) await rm(stateDir, { recursive: true, force: true });
    },
  };
  return emulator;
}
