import { describe, expect, it, vi } from 'vitest';
import type { IngestionInfo } from '../../../src/config-service/ingestion-info.js';
import { createTokenCache } from '../../../src/config-service/token-cache.js';

const MIN = 60_000;
function info(expiresAt: number, token = `t${expiresAt}`): IngestionInfo {
  return {
    gatewayEndpoint: 'https://g',
    authToken: token,
    expiresAt,
    monitoringEndpoint: 'https://g',
    moniker: 'm',
    accountGroup: '',
  };
}

describe('token cache', () => {
  it('reuses the token until 5 minutes before expiry, then fetches again', async () => {
    let t = 0;
    const fetch = vi.fn(async () => info(t + 60 * MIN));
    const cache = createTokenCache({ fetch, now: () => t });
    const first = await cache.get();
    t = 55 * MIN - 1;
    expect(await cache.get()).toBe(first);
    expect(fetch).toHaveBeenCalledTimes(1);
    t = 55 * MIN; // exactly at the 5-minute margin: no longer used
    const second = await cache.get();
    expect(second).not.toBe(first);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('shares one fetch among concurrent callers (single flight)', async () => {
    let resolve!: (v: IngestionInfo) => void;
    const fetch = vi.fn(() => new Promise<IngestionInfo>((r) => (resolve = r)));
    const cache = createTokenCache({ fetch, now: () => 0 });
    const waiters = Array.from({ length: 50 }, () => cache.get());
    expect(fetch).toHaveBeenCalledTimes(1);
    resolve(info(3_600_000));
    const results = await Promise.all(waiters);
    expect(new Set(results).size).toBe(1);
    expect(cache.fetches).toBe(1);
  });

  it('rejects every waiter when the shared fetch fails, and the next call tries again', async () => {
    let n = 0;
    const fetch = vi.fn(async () => {
      n++;
      if (n === 1) throw new Error('config service down');
      return info(3_600_000);
    });
    const cache = createTokenCache({ fetch, now: () => 0 });
    const results = await Promise.allSettled([cache.get(), cache.get(), cache.get()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(fetch).toHaveBeenCalledTimes(1);
    await expect(cache.get()).resolves.toMatchObject({ expiresAt: 3_600_000 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('invalidate drops only the entry it was given', async () => {
    let n = 0;
    const cache = createTokenCache({ fetch: async () => info(3_600_000, `tok${++n}`), now: () => 0 });
    const a = await cache.get();
    cache.invalidate(a);
    const b = await cache.get();
    expect(b.authToken).toBe('tok2');
    cache.invalidate(a); // stale: keeps b
    expect(await cache.get()).toBe(b);
  });

  it("a caller's abort stops only its own wait", async () => {
    let resolve!: (v: IngestionInfo) => void;
    const cache = createTokenCache({ fetch: () => new Promise((r) => (resolve = r)), now: () => 0 });
    const c = new AbortController();
    const aborted = cache.get(c.signal);
    const other = cache.get();
    c.abort(new Error('caller gave up'));
    await expect(aborted).rejects.toThrow('caller gave up');
    resolve(info(3_600_000));
    await expect(other).resolves.toMatchObject({ expiresAt: 3_600_000 });
  });

  it('close aborts the in-flight fetch and rejects later calls', async () => {
    let seen: AbortSignal | undefined;
    const cache = createTokenCache({
      fetch: (signal) => {
        seen = signal;
        return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      },
    });
    const p = cache.get();
    cache.close();
    await expect(p).rejects.toThrow('closed');
    expect(seen?.aborted).toBe(true);
    await expect(cache.get()).rejects.toThrow('closed');
  });
});
