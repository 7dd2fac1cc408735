// A cheap local sink for the CPU benchmark, run in its own process so its CPU time is not
// counted against the exporters. It plays just enough of Geneva (config service + ingestion
// gateway, without decoding) and of an OTLP/HTTP receiver. Prints its port on stdout.
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const { pathname } = new URL(req.url ?? '/', 'http://sink');
    if (pathname.includes('/MonitoringStorageKeys')) {
      const host = `http://${req.headers.host}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          IngestionGatewayInfo: {
            Endpoint: host,
            AuthToken: 'header.payload.signature',
            AuthTokenExpiryTime: new Date(Date.now() + 3600_000).toISOString(),
          },
          StorageAccountKeys: [
            { AccountMonikerName: 'benchdiag', AccountGroupName: 'g', IsPrimaryMoniker: true },
          ],
          TagId: 'bench',
        }),
      );
    } else if (pathname.startsWith('/api/v1/ingestion/ingest')) {
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end('{"ticket":"bench"}');
    } else {
      res.writeHead(200, { 'content-type': 'application/x-protobuf' });
      res.end();
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.on('disconnect', () => server.close(() => process.exit(0)));
process.on('SIGTERM', () => process.exit(0));
