// The instrumented service of the demo: a plain node:http server that only talks to the
// OpenTelemetry API. Telemetry (SDK, HTTP instrumentation, the azuregigwarm exporter) is set up
// before this module runs, by `node --import @geneva-otel/builder-manifest/register`, from
// examples/azuregigwarm.yaml (OTEL_GENEVA_CONFIG) and the generated manifest (OTEL_GENEVA_MANIFEST).
//
// Every request logs one record carrying the request id; checkouts also emit a named event
// (`CheckoutCompleted`, its own Geneva event); the HTTP instrumentation makes one server span per
// request, tagged with the same id. The parent process talks to us over IPC: we report `ready`,
// and on `shutdown` we close the server, flush telemetry and report what we emitted.
import http from 'node:http';
import { trace } from '@opentelemetry/api';
import { logs, SeverityNumber } from '@opentelemetry/api-logs';
import { shutdownTelemetry, telemetryStats } from './telemetry-handle.mjs';

const logger = logs.getLogger('geneva-otel-demo', '1.0.0');
const emitted = { logs: [], events: [], spans: [] };

const server = http.createServer((req, res) => {
  const id = String(req.headers['x-request-id'] ?? '');
  const span = trace.getActiveSpan();
  if (span?.isRecording()) {
    span.setAttribute('demo.request_id', id);
    emitted.spans.push(id);
  }
  const checkout = /^\/checkout\/(\d+)$/.exec(req.url ?? '');
  const started = performance.now();
  const body = JSON.stringify({ id, item: req.url });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(body, () => {
    logger.emit({
      severityNumber: SeverityNumber.INFO,
      severityText: 'INFO',
      body: `handled ${req.method} ${req.url}`,
      attributes: {
        'demo.request_id': id,
        'http.request.method': req.method ?? '',
        'url.path': req.url ?? '',
        'http.response.status_code': 200,
        'demo.duration_ms': Math.round((performance.now() - started) * 1000) / 1000,
      },
    });
    emitted.logs.push(id);
    if (checkout) {
      logger.emit({
        eventName: 'CheckoutCompleted',
        severityNumber: SeverityNumber.INFO,
        body: `order ${checkout[1]} completed`,
        attributes: {
          'demo.request_id': id,
          'order.id': Number(checkout[1]),
          'order.total': 19.99,
          'order.gift': false,
        },
      });
      emitted.events.push(id);
    }
  });
});

server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'ready', port: server.address().port });
});

process.on('message', async (message) => {
  if (message?.type !== 'shutdown') return;
  await new Promise((resolve) => server.close(resolve));
  let error;
  try {
    await shutdownTelemetry();
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  process.send?.({ type: 'stopped', emitted, exporter: telemetryStats(), error }, () => process.disconnect());
});
