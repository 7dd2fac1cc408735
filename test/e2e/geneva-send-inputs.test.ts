// geneva-send's input side: OTLP/JSON and OTLP/protobuf files (as the OTel JS serializers write
// them) become the same validated records, nothing rounded, and bad input is refused with the file
// and the record named.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  JsonLogsSerializer,
  JsonTraceSerializer,
  ProtobufLogsSerializer,
  ProtobufTraceSerializer,
} from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOtlpInput } from '../../packages/otel-plugin/src/cli/otlp-input.js';
import { repoRoot } from './support/spawn-node.js';

const payloads = `${repoRoot}examples/payloads/`;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'geneva-send-inputs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readLogs(file: string) {
  const input = await readOtlpInput(file, 'logs');
  if (input.signal !== 'logs') throw new Error('expected logs');
  return input;
}
async function readTraces(file: string) {
  const input = await readOtlpInput(file, 'traces');
  if (input.signal !== 'traces') throw new Error('expected traces');
  return input;
}

const resource = resourceFromAttributes({ 'service.name': 'inputs-test', 'service.version': '1.2.3' });

async function sdkLogRecords() {
  const exporter = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({ resource, processors: [new SimpleLogRecordProcessor({ exporter })] });
  const logger = provider.getLogger('inputs', '0.1.0');
  logger.emit({ body: 'plain', severityNumber: 9, severityText: 'INFO', timestamp: [1700000000, 123456789] });
  logger.emit({
    eventName: 'Audit',
    body: { nested: { deep: [1, 'two', true] } },
    severityNumber: 17,
    attributes: { count: 42, ratio: 0.5, ok: false, tags: ['a', 'b'], bytes: new Uint8Array([1, 2, 255]) },
  });
  await provider.forceFlush();
  return exporter.getFinishedLogRecords();
}

async function sdkSpans() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ resource, spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer('inputs', '0.1.0');
  const parent = tracer.startSpan('parent', { kind: SpanKind.SERVER, startTime: [1700000000, 0] });
  const ctx = trace.setSpan(context.active(), parent);
  const child = tracer.startSpan(
    'child',
    {
      kind: SpanKind.CLIENT,
      attributes: { 'http.status_code': 503, big: 9007199254740991 },
      links: [{ context: parent.spanContext(), attributes: { why: 'follows' } }],
      startTime: [1700000000, 500],
    },
    ctx,
  );
  child.addEvent('retry', { attempt: 2 }, [1700000000, 900]);
  child.setStatus({ code: SpanStatusCode.ERROR, message: 'unavailable' });
  child.end([1700000001, 0]);
  parent.end([1700000002, 0]);
  await provider.forceFlush();
  return exporter.getFinishedSpans();
}

describe('OTLP inputs', () => {
  it('reads the sample logs payload exactly as written', async () => {
    const input = await readLogs(`${payloads}sample-logs.json`);
    expect(input.records).toHaveLength(1);
    const unit = input.records[0]!;
    expect(unit.resource.resource.attributes[0]).toEqual({
      key: 'service.name',
      value: { stringValue: 'test-service' },
    });
    expect(unit.scope.scope).toMatchObject({ name: 'test-scope', version: '1.0.0' });
    expect(unit.record).toEqual({
      timeUnixNano: '1700000000123456789',
      observedTimeUnixNano: '1700000000123456789',
      severityNumber: 9,
      severityText: 'INFO',
      body: { stringValue: 'This is a test log message for Azure GigWarm exporter' },
      attributes: [
        { key: 'log.level', value: { stringValue: 'info' } },
        { key: 'http.method', value: { stringValue: 'GET' } },
        { key: 'http.status_code', value: { intValue: '200' } },
        { key: 'custom.field', value: { stringValue: 'custom-value' } },
      ],
      droppedAttributesCount: 0,
    });
  });

  it('reads the sample trace payload: ids, a 1 s span, kind and status as given, no flags', async () => {
    const input = await readTraces(`${payloads}sample-traces.json`);
    expect(input.records[0]!.record).toMatchObject({
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      name: 'test-operation',
      kind: 1,
      startTimeUnixNano: '1700000000000000000',
      endTimeUnixNano: '1700000001000000000',
      status: { code: 1 },
    });
    expect(input.records[0]!.record).not.toHaveProperty('parentSpanId');
    expect(input.records[0]!.record).not.toHaveProperty('flags');
  });

  it('reads OTel JS protobuf and JSON serializations of the same logs identically', async () => {
    const records = await sdkLogRecords();
    await writeFile(join(dir, 'logs.pb'), ProtobufLogsSerializer.serializeRequest(records)!);
    await writeFile(join(dir, 'logs.json'), JsonLogsSerializer.serializeRequest(records)!);
    const pb = await readLogs(join(dir, 'logs.pb'));
    const json = await readLogs(join(dir, 'logs.json'));
    expect(pb.records).toHaveLength(2);
    expect(pb.records).toEqual(json.records);
    expect(pb.records[0]!.record.timeUnixNano).toBe('1700000000123456789');
    expect(pb.records[1]!.record.eventName).toBe('Audit');
    expect(pb.records[1]!.record.attributes.find((a) => a.key === 'bytes')?.value).toEqual({
      bytesValue: 'AQL/',
    });
  });

  it('reads OTel JS protobuf and JSON serializations of the same spans identically', async () => {
    const spans = await sdkSpans();
    await writeFile(join(dir, 'traces.pb'), ProtobufTraceSerializer.serializeRequest(spans)!);
    await writeFile(join(dir, 'traces.json'), JsonTraceSerializer.serializeRequest(spans)!);
    const pb = await readTraces(join(dir, 'traces.pb'));
    const json = await readTraces(join(dir, 'traces.json'));
    expect(pb.records).toEqual(json.records);
    const child = pb.records.find((u) => u.record.name === 'child')!.record;
    const parent = pb.records.find((u) => u.record.name === 'parent')!.record;
    expect(child).toMatchObject({
      parentSpanId: parent.spanId,
      kind: 3, // OTLP CLIENT
      startTimeUnixNano: '1700000000000000500',
      status: { code: 2, message: 'unavailable' },
      events: [{ name: 'retry', timeUnixNano: '1700000000000000900' }],
      links: [{ spanId: parent.spanId }],
    });
    expect(child.attributes).toContainEqual({ key: 'big', value: { intValue: '9007199254740991' } });
  });

  it('keeps int64 values beyond 2^53 exact', async () => {
    const file = join(dir, 'int64.json');
    const attr = { key: 'n', value: { intValue: '9223372036854775807' } };
    await writeFile(
      file,
      JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [{ attributes: [attr] }] }] }] }),
    );
    expect((await readLogs(file)).records[0]!.record.attributes).toEqual([attr]);
  });

  it.each([
    [
      'logs',
      { resourceLogs: [{ scopeLogs: [{ logRecords: [{ traceId: 'xyz', spanId: 'eee19b7ec3c1b174' }] }] }] },
      'resourceLogs[0].scopeLogs[0].logRecords[0].traceId: expected 32 hex digits',
    ],
    [
      'logs',
      { resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: -5 }] }] }] },
      'logRecords[0].timeUnixNano: expected unsigned nanoseconds',
    ],
    [
      'logs',
      {
        resourceLogs: [
          { scopeLogs: [{ logRecords: [{ attributes: [{ key: 'n', value: { intValue: '1e3' } }] }] }] },
        ],
      },
      'logRecords[0].attributes[0].value.intValue: expected a 64-bit integer',
    ],
    ['logs', { resourceSpans: [] }, 'not an ExportLogsServiceRequest'],
    [
      'traces',
      { resourceSpans: [{ scopeSpans: [{ spans: [{ name: 'x' }] }] }] },
      'resourceSpans[0].scopeSpans[0].spans[0]: a span needs a traceId and a spanId',
    ],
  ] as const)('refuses bad %s input, naming the record (%#)', async (signal, body, message) => {
    const file = join(dir, `bad-${signal}.json`);
    await writeFile(file, JSON.stringify(body));
    const error = await readOtlpInput(file, signal).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'GENEVA_ERR_CLI_INPUT' });
    expect((error as Error).message).toContain(`${file}: `);
    expect((error as Error).message).toContain(message);
  });

  it('refuses truncated protobuf, non-JSON and unknown extensions', async () => {
    await writeFile(join(dir, 'truncated.pb'), Buffer.from([0x0a, 0x10, 0x0a]));
    await expect(readOtlpInput(join(dir, 'truncated.pb'), 'logs')).rejects.toThrow(
      /truncated\.pb: not valid OTLP\/protobuf: .* at byte \d+/,
    );
    await writeFile(join(dir, 'broken.json'), '{"resourceLogs": [');
    await expect(readOtlpInput(join(dir, 'broken.json'), 'logs')).rejects.toThrow(
      'broken.json: not valid OTLP/JSON',
    );
    await expect(readOtlpInput(join(dir, 'x.txt'), 'logs')).rejects.toThrow('unknown input format ".txt"');
  });
});
