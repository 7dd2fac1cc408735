import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type GenevaEmulator, startEmulator } from '../../src/index.js';
import { fetchConfig, uploadUrl } from '../helpers/geneva-protocol.js';
import { send } from '../helpers/http-request.js';
import { encodedSampleBatches } from '../helpers/sample-logs.js';

describe('startEmulator', () => {
  let emulator: GenevaEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  it('works with no options: free port, loopback, CA written to a temp state dir', async () => {
    emulator = await startEmulator();
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.identity.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(emulator.caCertPath)).toBe(true);
    expect(readFileSync(emulator.caCertPath, 'utf8')).toBe(emulator.caCertPem);
    const res = await send(`${emulator.identity.authorityHost}/common/discovery/instance`, {
      ca: emulator.caCertPem,
    });
    expect(res.status).toBe(200);
    await emulator.stop();
    expect(existsSync(emulator.caCertPath)).toBe(false);
  });

  it('stop() closes idle keep-alive connections at once and is idempotent', async () => {
    emulator = await startEmulator();
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      request(`${emulator!.url}/__emulator/health`, { agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
    const started = performance.now();
    await Promise.all([emulator.stop(), emulator.stop()]);
    expect(performance.now() - started).toBeLessThan(1000);
    agent.destroy();
    await expect(send(`${emulator.url}/__emulator/health`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('caps a chunked body that grows past maxBodyBytes with 413', async () => {
    emulator = await startEmulator({ maxBodyBytes: 1024 });
    const info = await fetchConfig(emulator.url);
    const batch = encodedSampleBatches(1)[0]!;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(uploadUrl(info, batch), {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${info.token}`,
          Accept: 'application/json',
          'Transfer-Encoding': 'chunked',
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 4; i++) req.write(Buffer.alloc(512));
      req.end();
    });
    expect(status).toBe(413);
    expect(emulator.requests().at(-1)).toMatchObject({ errorCode: 'BODY_TOO_LARGE' });
  });
});
