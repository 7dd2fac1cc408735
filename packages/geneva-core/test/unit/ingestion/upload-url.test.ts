import { describe, expect, it } from 'vitest';
import { buildUploadUrl, sourceIdentity } from '../../../src/ingestion/upload-url.js';

const info = {
  gatewayEndpoint: 'https://gig.example.com/',
  monitoringEndpoint: 'https://mon.example.com/a?b=c',
  moniker: 'acctdiag',
};
const source = { namespace: 'Ns', configMajorVersion: 3, tenant: 'T', roleName: 'R', roleInstance: 'RI' };
const batch = {
  eventName: 'Log',
  startTime: '2026-01-01T00:00:00.1234567Z',
  endTime: '2026-01-01T00:00:01.0000000Z',
  schemaIds: ['0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210'],
  rowCount: 42,
  dataSize: 1234,
};

describe('buildUploadUrl', () => {
  it('builds the path and the query in 0.4.0 order', () => {
    const url = buildUploadUrl(info, batch, source, '11111111-2222-4333-8444-555555555555');
    expect(url.origin + url.pathname).toBe('https://gig.example.com/api/v1/ingestion/ingest');
    expect([...url.searchParams.keys()]).toEqual([
      'endpoint',
      'moniker',
      'namespace',
      'event',
      'version',
      'sourceUniqueId',
      'sourceIdentity',
      'startTime',
      'endTime',
      'format',
      'dataSize',
      'minLevel',
      'schemaIds',
      'rowCount',
    ]);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      endpoint: 'https://mon.example.com/a?b=c',
      moniker: 'acctdiag',
      namespace: 'Ns',
      event: 'Log',
      version: 'Ver3v0',
      sourceUniqueId: '11111111-2222-4333-8444-555555555555',
      sourceIdentity: 'Tenant=T/Role=R/RoleInstance=RI',
      startTime: '2026-01-01T00:00:00.1234567Z',
      endTime: '2026-01-01T00:00:01.0000000Z',
      format: 'centralbond/lz4hc',
      dataSize: '1234',
      minLevel: '2',
      schemaIds: '0123456789abcdef0123456789abcdef;fedcba9876543210fedcba9876543210',
      rowCount: '42',
    });
    // the values 0.4.0 encodes are encoded the same way (form-style bytes, %2F for '/')
    expect(url.search).toContain('endpoint=https%3A%2F%2Fmon.example.com%2Fa%3Fb%3Dc&');
    expect(url.search).toContain('sourceIdentity=Tenant%3DT%2FRole%3DR%2FRoleInstance%3DRI&');
    expect(url.search).toContain('format=centralbond%2Flz4hc&');
    expect(url.search).toContain(
      'schemaIds=0123456789abcdef0123456789abcdef%3Bfedcba9876543210fedcba9876543210&',
    );
  });

  it('percent-encodes event names with &, spaces, + and non-ASCII so the query stays intact', () => {
    for (const eventName of ['Audit&Security', 'my event', 'a+b=c', 'Événement_日本', 'x#y?z']) {
      const url = buildUploadUrl(info, { ...batch, eventName }, source);
      expect(url.searchParams.get('event')).toBe(eventName);
      expect(url.searchParams.get('version')).toBe('Ver3v0');
      expect(url.search).toMatch(/&event=[A-Za-z0-9%_.!~*'()-]+&version=/);
    }
  });

  it('uses a fresh sourceUniqueId per call', () => {
    const a = buildUploadUrl(info, batch, source).searchParams.get('sourceUniqueId');
    const b = buildUploadUrl(info, batch, source).searchParams.get('sourceUniqueId');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });

  it('formats the source identity', () => {
    expect(sourceIdentity(source)).toBe('Tenant=T/Role=R/RoleInstance=RI');
  });
});
