// Encoder throughput: `npm run bench` (builds, then runs this with tsx). Prints records/s, blob bytes/s
// and the LZ4 share of the time for logs and spans, 1/100/1000 records, 4/16 attributes.
// It measures the built package (dist/), as users run it: tsx's on-the-fly transform of src/ adds
// per-closure naming helpers that roughly double the cost of small calls.
import { performance } from 'node:perf_hooks';
import {
  compressChunks,
  decompressChunks,
  type EncoderIdentity,
  encodeLogs,
  encodeSpans,
  type KeyValue,
  type LogRecord,
  type Span,
} from '../dist/index.js';

const identity: EncoderIdentity = {
  namespace: 'benchNamespace',
  environment: 'Production',
  configMajorVersion: 2,
  tenant: 'tenant-01',
  roleName: 'checkout-service',
  roleInstance: 'checkout-7d9f8b6c5-x2k4p',
};

function attributes(n: number, i: number): KeyValue[] {
  const out: KeyValue[] = [];
  for (let a = 0; a < n; a++) {
    switch (a % 4) {
      case 0:
        out.push({ key: `attr.string.${a}`, value: { stringValue: `value-${i}-${a}-lorem-ipsum` } });
        break;
      case 1:
        out.push({ key: `attr.int.${a}`, value: { intValue: String(1_000_000 + i * a) } });
        break;
      case 2:
        out.push({ key: `attr.double.${a}`, value: { doubleValue: i / (a + 1) } });
        break;
      default:
        out.push({ key: `attr.bool.${a}`, value: { boolValue: (i + a) % 2 === 0 } });
    }
  }
  return out;
}

const hex = (n: number, len: number) => n.toString(16).padStart(len, '0').slice(-len);
const baseNs = 1_700_000_000_000_000_000n;

function logs(count: number, attrs: number): LogRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    timeUnixNano: String(baseNs + BigInt(i) * 1_234_567n),
    observedTimeUnixNano: String(baseNs + BigInt(i) * 1_234_567n + 1000n),
    severityNumber: 9,
    severityText: 'INFO',
    body: { stringValue: `Processed order ${i} for customer ${i * 7} in ${i % 97} ms` },
    traceId: hex(i * 7919 + 1, 32),
    spanId: hex(i * 104729 + 1, 16),
    flags: 1,
    attributes: attributes(attrs, i),
  }));
}

function spans(count: number, attrs: number): Span[] {
  return Array.from({ length: count }, (_, i) => ({
    traceId: hex(i * 7919 + 1, 32),
    spanId: hex(i * 104729 + 1, 16),
    parentSpanId: hex(i * 13 + 5, 16),
    name: `GET /api/orders/{id}`,
    kind: 2,
    startTimeUnixNano: String(baseNs + BigInt(i) * 1_234_567n),
    endTimeUnixNano: String(baseNs + BigInt(i) * 1_234_567n + 5_000_000n),
    status: { code: i % 10 === 0 ? 2 : 1, message: i % 10 === 0 ? 'upstream timeout' : '' },
    attributes: attributes(attrs, i),
  }));
}

interface Row {
  signal: string;
  records: number;
  attrs: number;
  recordsPerSec: number;
  mbPerSec: number;
  usPerCall: number;
  lz4Share: number;
  ratio: number;
}

/**
 * Runs `fn` repeatedly for about `ms` milliseconds of wall time after a warm-up, three times; returns
 * the best CPU seconds (user + system) per call: on a shared machine that is the steadiest figure.
 */
function time(fn: () => void, ms = 250): number {
  return Math.min(timeOnce(fn, ms), timeOnce(fn, ms), timeOnce(fn, ms));
}

function timeOnce(fn: () => void, ms: number): number {
  const warmEnd = performance.now() + ms / 4;
  while (performance.now() < warmEnd) fn();
  let calls = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  while (performance.now() - start < ms) {
    fn();
    calls++;
  }
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1e6 / calls;
}

// Warm-up: let the JIT settle on every path before the first measurement.
{
  const wl = { resourceLogs: [{ scopeLogs: [{ logRecords: logs(200, 16) }] }] };
  const ws = { resourceSpans: [{ scopeSpans: [{ spans: spans(200, 16) }] }] };
  const end = performance.now() + 1500;
  while (performance.now() < end) {
    encodeLogs(wl, identity);
    encodeSpans(ws, identity);
  }
}

const rows: Row[] = [];
for (const signal of ['logs', 'spans'] as const) {
  for (const attrs of [4, 16]) {
    for (const records of [1, 100, 1000]) {
      const encode =
        signal === 'logs'
          ? (() => {
              const req = { resourceLogs: [{ scopeLogs: [{ logRecords: logs(records, attrs) }] }] };
              return () => encodeLogs(req, identity);
            })()
          : (() => {
              const req = { resourceSpans: [{ scopeSpans: [{ spans: spans(records, attrs) }] }] };
              return () => encodeSpans(req, identity);
            })();
      const sample = encode();
      const blobs = sample.batches.map((b) => decompressChunks(b.data));
      const blobBytes = sample.batches.reduce((n, b) => n + b.uncompressedSize, 0);
      const bodyBytes = sample.batches.reduce((n, b) => n + b.data.length, 0);
      const perCall = time(encode);
      const lz4PerCall = time(() => {
        for (const blob of blobs) compressChunks(blob);
      });
      rows.push({
        signal,
        records,
        attrs,
        recordsPerSec: records / perCall,
        mbPerSec: blobBytes / perCall / 1e6,
        usPerCall: perCall * 1e6,
        lz4Share: lz4PerCall / perCall,
        ratio: blobBytes / bodyBytes,
      });
    }
  }
}

const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`geneva-core encoder bench — node ${process.version}, ${process.platform}/${process.arch}`);
console.log(
  'best of 3 runs, CPU time per call (user + system); blob = uncompressed central blob, body = LZ4 chunks',
);
console.log('| signal | records | attrs | records/s | blob MB/s | µs/call | LZ4 share | blob/body |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.signal} | ${r.records} | ${r.attrs} | ${fmt(r.recordsPerSec)} | ${fmt(r.mbPerSec, 1)} | ${fmt(r.usPerCall, 1)} | ${fmt(r.lz4Share * 100)}% | ${fmt(r.ratio, 1)}x |`,
  );
}
