// Runs the benchmark's server in a worker thread so that it does not share the client's event
// loop: the Geneva emulator (decodes and stores every body), or with workerData.sink a minimal
// node:http config service + gateway that only counts (isolates the client's own cost).
// Messages: {type:'reset'} → {type:'reset-done', counters}; {type:'stop'}.
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { startEmulator } from '@geneva-otel/geneva-emulator';

const target = workerData?.sink ? await startSink() : await startEmulator({ tokenLifetimeSeconds: 3600 });
parentPort.postMessage({
  type: 'ready',
  url: target.url,
  caCertPem: target.caCertPem,
  identity: target.identity,
});
parentPort.on('message', async (msg) => {
  if (msg.type === 'reset') {
    const counters = target.counters();
    target.reset();
    parentPort.postMessage({ type: 'reset-done', counters });
  } else if (msg.type === 'stop') {
    await target.stop();
    parentPort.close();
  }
});

async function startSink() {
  let counters = { accepted: 0, rowsReceived: 0 };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url, 'http://x');
      if (url.pathname.includes('/MonitoringStorageKeys/')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(
          JSON.stringify({
            IngestionGatewayInfo: {
              Endpoint: base,
              AuthToken: 'sink-token',
              AuthTokenExpiryTime: new Date(Date.now() + 3_600_000).toISOString(),
            },
            StorageAccountKeys: [
              { AccountMonikerName: 'sinkdiag', AccountGroupName: 'g', IsPrimaryMoniker: true },
            ],
            TagId: url.searchParams.get('TagId'),
          }),
        );
      }
      counters.accepted++;
      counters.rowsReceived += Number(url.searchParams.get('rowCount'));
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end(`{"ticket":"t${counters.accepted}"}`);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    url: base,
    caCertPem: undefined,
    identity: undefined,
    counters: () => counters,
    reset: () => {
      counters = { accepted: 0, rowsReceived: 0 };
    },
    stop: () => new Promise((r) => server.close(r)),
  };
}
