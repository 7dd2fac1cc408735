import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireEntraToken, createTokenSource } from '../../../src/auth/credential.js';
import { AuthError } from '../../../src/send/errors.js';
import { type IdentityServer, startEntraServer, startManagedIdentityServer } from './identity-servers.js';
import { createTestPki, type TestPki } from './pki.js';

// Real @azure/identity credentials against local identity endpoints; nothing is mocked.
const ENV_KEYS = [
  'IDENTITY_ENDPOINT',
  'IDENTITY_HEADER',
  'AZURE_CLIENT_ID',
  'AZURE_TENANT_ID',
  'AZURE_FEDERATED_TOKEN_FILE',
  'AZURE_AUTHORITY_HOST',
];
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
afterEach(() => {
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

describe('managed identity', () => {
  let msi: IdentityServer;
  beforeAll(async () => {
    msi = await startManagedIdentityServer('identity-header-secret');
  });
  afterAll(() => msi.close());

  function useMsiEnv() {
    process.env['IDENTITY_ENDPOINT'] = msi.url;
    process.env['IDENTITY_HEADER'] = 'identity-header-secret';
  }

  it('system-assigned: uses the default resource https://monitor.core.windows.net', async () => {
    useMsiEnv();
    msi.requests.length = 0;
    const source = createTokenSource({ kind: 'msi' })!;
    expect(source.resource).toBe('https://monitor.core.windows.net');
    expect(await acquireEntraToken(source)).toBe('msi:https://monitor.core.windows.net');
    const q = new URL(msi.requests[0]!.url, 'http://x').searchParams;
    expect(q.get('client_id')).toBeNull();
    expect(q.get('resource')).toBe('https://monitor.core.windows.net');
  });

  it('user-assigned by client id, object id and resource id, with a custom resource', async () => {
    useMsiEnv();
    const cases = [
      [{ clientId: 'cid-1' }, 'client_id', 'cid-1'],
      [{ objectId: 'oid-2' }, 'object_id', 'oid-2'],
      [
        { resourceId: '/subscriptions/s/resourcegroups/g/providers/x/y' },
        'mi_res_id',
        '/subscriptions/s/resourcegroups/g/providers/x/y',
      ],
    ] as const;
    for (const [ids, param, value] of cases) {
      msi.requests.length = 0;
      const source = createTokenSource({ kind: 'msi', resource: 'https://geneva.example.com/', ...ids })!;
      expect(await acquireEntraToken(source)).toBe('msi:https://geneva.example.com');
      const q = new URL(msi.requests[0]!.url, 'http://x').searchParams;
      expect(q.get(param)).toBe(value);
    }
  });

  it('falls back to the next scope form when one is refused, and reports all when every form fails', async () => {
    useMsiEnv();
    msi.refuse.add('https://r.example.com');
    try {
      // "{r}/.default" and "{r}" both map to resource "{r}" (refused); "{r}/" is accepted.
      const source = createTokenSource({ kind: 'msi', resource: 'https://r.example.com' })!;
      expect(await acquireEntraToken(source)).toBe('msi:https://r.example.com/');
      // another resource: MSAL caches managed-identity tokens process-wide
      msi.refuse.add('https://s.example.com').add('https://s.example.com/');
      const fresh = createTokenSource({ kind: 'msi', resource: 'https://s.example.com' })!;
      const err = await acquireEntraToken(fresh).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AuthError);
      expect((err as Error).message).toMatch(
        /managed identity could not get a token \(scopes tried: .*\/\.default, .*, .*\/\)/,
      );
      expect((err as Error).message).not.toContain('identity-header-secret');
    } finally {
      msi.refuse.clear();
    }
  });
});

describe('workload identity', () => {
  let pki: TestPki;
  let entra: IdentityServer;
  let tokenFile: string;
  beforeAll(async () => {
    pki = createTestPki();
    entra = await startEntraServer({ key: pki.serverKeyPem, cert: pki.serverCertPem });
    tokenFile = join(pki.dir, 'federated-token');
    writeFileSync(tokenFile, 'federated-jwt-1');
  });
  afterAll(async () => {
    await entra.close();
    pki.cleanup();
  });

  it('reads AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_FEDERATED_TOKEN_FILE and AZURE_AUTHORITY_HOST', async () => {
    process.env['AZURE_CLIENT_ID'] = 'app-123';
    process.env['AZURE_TENANT_ID'] = 'tenant-abc';
    process.env['AZURE_FEDERATED_TOKEN_FILE'] = tokenFile;
    process.env['AZURE_AUTHORITY_HOST'] = entra.url;
    entra.requests.length = 0;
    const source = createTokenSource(
      {
        kind: 'workload_identity',
        resource: 'https://monitor.core.windows.net',
        disableInstanceDiscovery: true,
      },
      { ca: pki.caPem },
    )!;
    expect(await acquireEntraToken(source)).toBe(
      'wi:app-123:federated-jwt-1:https://monitor.core.windows.net/.default',
    );
    expect(entra.requests.map((r) => r.url.split('?')[0])).toEqual([
      '/tenant-abc/v2.0/.well-known/openid-configuration',
      '/tenant-abc/oauth2/v2.0/token',
    ]);
    const form = new URLSearchParams(entra.requests[1]!.body);
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
  });

  it('explicit options win over the environment; an untrusted TLS authority fails with AuthError', async () => {
    const explicit = createTokenSource(
      {
        kind: 'workload_identity',
        resource: 'https://custom.example.com',
        clientId: 'app-9',
        tenantId: 'tenant-9',
        tokenFilePath: tokenFile,
        authorityHost: entra.url,
        disableInstanceDiscovery: true,
      },
      { ca: pki.caPem },
    )!;
    expect(await acquireEntraToken(explicit)).toBe(
      'wi:app-9:federated-jwt-1:https://custom.example.com/.default',
    );
    const untrusted = createTokenSource({
      kind: 'workload_identity',
      resource: 'https://custom.example.com',
      clientId: 'app-9',
      tenantId: 'tenant-9',
      tokenFilePath: tokenFile,
      authorityHost: entra.url,
      disableInstanceDiscovery: true,
    })!;
    await expect(acquireEntraToken(untrusted)).rejects.toBeInstanceOf(AuthError);
  });
});
