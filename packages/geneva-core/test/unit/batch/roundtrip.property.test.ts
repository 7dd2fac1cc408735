import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOG_RESERVED } from '../../../src/encode/log-rows.js';
import { SPAN_RESERVED } from '../../../src/encode/span-rows.js';
import {
  type AnyValue,
  decodeBody,
  encodeLogs,
  encodeSpans,
  type KeyValue,
  type LogRecord,
  type Span,
} from '../../../src/encoding.js';
import { ENV_COLUMNS, IDENTITY, show } from './helpers.js';

type Expected = string | number | bigint | boolean;
const wf = (s: string) => (s as string & { toWellFormed(): string }).toWellFormed();

// Any code point, lone surrogates included (String.fromCodePoint(0xd800) is a lone surrogate), ASCII-biased.
const char = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udfff', '😀', 'é', '\u0000', '𝄞') },
);
const text = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: char, maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: char, maxLength: 20 }).map((s) => s + 'λ'.repeat(40_000) + s) },
);

/** [OTLP value in a random accepted form, expected decoded column value] */
const scalar: fc.Arbitrary<[AnyValue, Expected]> = fc.oneof(
  text.map((s): [AnyValue, Expected] => [{ stringValue: s }, wf(s)]),
  fc.boolean().map((b): [AnyValue, Expected] => [{ boolValue: b }, b]),
  fc
    .tuple(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.nat(2))
    .map(([n, form]): [AnyValue, Expected] => {
      const v = form === 0 ? n.toString() : form === 1 && Number.isSafeInteger(Number(n)) ? Number(n) : n;
      return [{ intValue: v }, n];
    }),
  fc.double().map((d): [AnyValue, Expected] => [{ doubleValue: d }, d]),
);
const plain = fc.oneof(
  fc.string({ unit: char, maxLength: 8 }),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const toAny = (p: string | boolean | number): AnyValue =>
  typeof p === 'string'
    ? { stringValue: p }
    : typeof p === 'boolean'
      ? { boolValue: p }
      : Number.isSafeInteger(p) && !Object.is(p, -0)
        ? { intValue: p }
        : { doubleValue: p };
const complex: fc.Arbitrary<[AnyValue, Expected]> = fc.oneof(
  fc
    .array(plain, { maxLength: 5 })
    .map((xs): [AnyValue, Expected] => [
      { arrayValue: { values: xs.map(toAny) } },
      JSON.stringify(xs.map((x) => (Object.is(x, -0) ? 0 : x))),
    ]),
  fc
    .uniqueArray(fc.tuple(fc.string({ maxLength: 5 }), plain), { selector: ([k]) => k, maxLength: 4 })
    .map((kvs): [AnyValue, Expected] => [
      { kvlistValue: { values: kvs.map(([key, v]) => ({ key, value: toAny(v) })) } },
      `{${kvs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(Object.is(v, -0) ? 0 : v)}`).join(',')}}`,
    ]),
  fc
    .uint8Array({ maxLength: 40 })
    .map((b): [AnyValue, Expected] => [{ bytesValue: b }, Buffer.from(b).toString('base64')]),
);
const value = fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 1, arbitrary: complex });

const attributes = (reserved: ReadonlySet<string>) =>
  fc.uniqueArray(
    fc.tuple(
      fc
        .string({ unit: char, maxLength: 12 })
        .filter((k) => !reserved.has(wf(k)) && !wf(k).startsWith('attr_')),
      value,
    ),
    { selector: ([k]) => wf(k), maxLength: 40 },
  );

const u64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
const time = fc.oneof(
  fc.constant(undefined),
  fc.constant(0n),
  u64,
  fc.bigInt({ min: 1_500_000_000_000_000_000n, max: 1_900_000_000_000_000_000n }),
);
const timeForm = (t: bigint | undefined, form: number) =>
  t === undefined ? undefined : form === 0 ? t.toString() : t;
const id = (bytes: number) =>
  fc.option(
    fc.tuple(fc.uint8Array({ minLength: bytes, maxLength: bytes }), fc.nat(2)).map(([b, form]) => ({
      hex: Buffer.from(b).toString('hex'),
      form: form === 0 ? Buffer.from(b).toString('hex') : form === 1 ? Buffer.from(b).toString('base64') : b,
    })),
    { nil: undefined },
  );

/** chrono to_rfc3339, computed independently with Date. */
function rfc3339(t: bigint): string {
  const s = t / 1_000_000_000n;
  const ns = Number(t % 1_000_000_000n);
  const base = new Date(Number(s) * 1000).toISOString().slice(0, 19);
  const frac =
    ns === 0
      ? ''
      : ns % 1e6 === 0
        ? `.${String(ns / 1e6).padStart(3, '0')}`
        : ns % 1e3 === 0
          ? `.${String(ns / 1e3).padStart(6, '0')}`
          : `.${String(ns).padStart(9, '0')}`;
  return `${base}${frac}+00:00`;
}

const logCase = fc.record({
  time: time,
  observed: time,
  form: fc.nat(1),
  severity: fc.integer({ min: 0, max: 24 }),
  severityText: fc.oneof(fc.constant(''), fc.string({ unit: char, maxLength: 8 })),
  body: fc.option(value, { nil: undefined }),
  traceId: id(16),
  spanId: id(8),
  flags: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffffffff })),
  eventName: fc.oneof(fc.constant(''), fc.constantFrom('Audit', 'Événement', '😀')),
  attrs: attributes(LOG_RESERVED),
});
type LogCase = typeof logCase extends fc.Arbitrary<infer T> ? T : never;

function toLog(c: LogCase): LogRecord {
  return {
    timeUnixNano: timeForm(c.time, c.form),
    observedTimeUnixNano: timeForm(c.observed, c.form),
    severityNumber: c.severity,
    severityText: c.severityText,
    ...(c.body ? { body: c.body[0] } : {}),
    ...(c.traceId ? { traceId: c.traceId.form } : {}),
    ...(c.spanId ? { spanId: c.spanId.form } : {}),
    flags: c.flags,
    eventName: c.eventName,
    attributes: c.attrs.map(([key, [v]]): KeyValue => ({ key, value: v })),
  };
}

function expectedLog(c: LogCase): [string, Expected][] {
  const t = c.time ? c.time : (c.observed ?? 0n);
  const cols: [string, Expected][] = [
    ['env_name', ENV_COLUMNS.env_name],
    ['env_ver', ENV_COLUMNS.env_ver],
    ['timestamp', rfc3339(t)],
    ['env_time', rfc3339(t)],
    ['Tenant', ENV_COLUMNS.Tenant],
    ['Role', ENV_COLUMNS.Role],
    ['RoleInstance', ENV_COLUMNS.RoleInstance],
  ];
  if (c.traceId) cols.push(['env_dt_traceId', c.traceId.hex]);
  if (c.spanId) cols.push(['env_dt_spanId', c.spanId.hex]);
  if (c.flags) cols.push(['env_dt_traceFlags', c.flags]);
  if (c.eventName) cols.push(['name', c.eventName]);
  cols.push(['SeverityNumber', c.severity]);
  if (c.severityText) cols.push(['SeverityText', wf(c.severityText)]);
  if (c.body) cols.push(['body', typeof c.body[1] === 'string' ? c.body[1] : textOf(c.body[1])]);
  for (const [k, [, v]] of c.attrs) cols.push([wf(k), v]);
  return cols;
}
/** Scalar bodies as text: ints as digits, doubles as JSON numbers (non-finite as the quoted name), bools. */
function textOf(v: Expected): string {
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : JSON.stringify(String(v));
  return String(v);
}

describe('encode → decode round trip (fast-check)', () => {
  it('logs: every column and value comes back, in order, grouped by event name', () => {
    fc.assert(
      fc.property(fc.array(logCase, { minLength: 1, maxLength: 12 }), (cases) => {
        const r = encodeLogs({ resourceLogs: [{ scopeLogs: [{ logRecords: cases.map(toLog) }] }] }, IDENTITY);
        expect(r.rejected).toEqual([]);
        expect(r.warnings).toEqual([]);
        const byName = new Map<string, LogCase[]>();
        for (const c of cases) {
          const n = c.eventName || 'Log';
          byName.set(n, [...(byName.get(n) ?? []), c]);
        }
        expect(r.batches.map((b) => b.eventName)).toEqual([...byName.keys()]);
        for (const b of r.batches) {
          const blob = decodeBody(b.data);
          const want = byName.get(b.eventName)!;
          expect(blob.events).toHaveLength(want.length);
          blob.events.forEach((e, i) => {
            const fields = blob.schemas.find((s) => s.id === e.schemaId)!.fields;
            const got = fields.map((f) => [f.name, e.values[f.name]]);
            const exp = expectedLog(want[i]!);
            if (show(got) !== show(exp)) expect(got).toEqual(exp);
            expect(e.level).toBe(want[i]!.severity);
          });
          expect(new Set(blob.schemas.map((s) => s.md5)).size).toBe(blob.schemas.length);
        }
      }),
      { numRuns: 60 },
    );
  });

  const spanCase = fc.record({
    start: time,
    end: time,
    kind: fc.integer({ min: 0, max: 5 }),
    code: fc.integer({ min: 0, max: 2 }),
    message: fc.oneof(fc.constant(''), fc.string({ unit: char, maxLength: 8 })),
    name: fc.oneof(fc.constant(''), fc.string({ unit: char, maxLength: 10 })),
    traceState: fc.oneof(fc.constant(''), fc.constant('k=v')),
    traceId: id(16),
    spanId: id(8),
    parentId: id(8),
    links: fc.array(
      fc.tuple(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
      ),
      { maxLength: 3 },
    ),
    attrs: attributes(SPAN_RESERVED),
  });

  it('spans: every column and value comes back, in order', () => {
    fc.assert(
      fc.property(fc.array(spanCase, { minLength: 1, maxLength: 8 }), (cases) => {
        const spans: Span[] = cases.map((c) => ({
          startTimeUnixNano: timeForm(c.start, 1),
          endTimeUnixNano: timeForm(c.end, 0),
          kind: c.kind,
          status: { code: c.code, message: c.message },
          name: c.name,
          traceState: c.traceState,
          ...(c.traceId ? { traceId: c.traceId.form } : {}),
          ...(c.spanId ? { spanId: c.spanId.form } : {}),
          ...(c.parentId ? { parentSpanId: c.parentId.form } : {}),
          links: c.links.map(([t, s]) => ({ traceId: t, spanId: s })),
          attributes: c.attrs.map(([key, [v]]) => ({ key, value: v })),
        }));
        const r = encodeSpans({ resourceSpans: [{ scopeSpans: [{ spans }] }] }, IDENTITY);
        expect(r.rejected).toEqual([]);
        expect(r.batches).toHaveLength(1);
        const blob = decodeBody(r.batches[0]!.data);
        blob.events.forEach((e, i) => {
          const c = cases[i]!;
          const ts = rfc3339(c.start ?? 0n);
          const exp: [string, Expected][] = [
            ['env_name', 'Test'],
            ['env_ver', 'Ver2v0'],
            ['timestamp', ts],
            ['env_time', ts],
            ['Tenant', 'tenantA'],
            ['Role', 'roleB'],
            ['RoleInstance', 'inst-1'],
            ['kind', c.kind],
            ['startTime', ts],
            ['success', c.code !== 2],
          ];
          if (c.traceId) exp.push(['env_dt_traceId', c.traceId.hex]);
          if (c.spanId) exp.push(['env_dt_spanId', c.spanId.hex]);
          if (c.name) exp.push(['name', wf(c.name)]);
          if (c.traceState) exp.push(['traceState', c.traceState]);
          if (c.parentId) exp.push(['parentId', c.parentId.hex]);
          if (c.links.length) {
            const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
            exp.push([
              'links',
              JSON.stringify(c.links.map(([t, s]) => ({ toSpanId: hex(s), toTraceId: hex(t) }))),
            ]);
          }
          if (c.message) exp.push(['statusMessage', wf(c.message)]);
          for (const [k, [, v]] of c.attrs) exp.push([wf(k), v]);
          const fields = blob.schemas.find((s) => s.id === e.schemaId)!.fields;
          const got = fields.map((f) => [f.name, e.values[f.name]]);
          if (show(got) !== show(exp)) expect(got).toEqual(exp);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('never throws on arbitrary JSON-ish input', () => {
    const anything = fc.anything({ withBigInt: true, withTypedArray: true, withNullPrototype: true });
    const shaped = fc.record({
      resourceLogs: fc.array(
        fc.record({ scopeLogs: fc.array(fc.record({ logRecords: fc.array(anything) })) }),
      ),
      resourceSpans: fc.array(fc.record({ scopeSpans: fc.array(fc.record({ spans: fc.array(anything) })) })),
    });
    fc.assert(
      fc.property(fc.oneof(anything, shaped), (input) => {
        const logs = encodeLogs(input as never, IDENTITY);
        const spans = encodeSpans(input as never, IDENTITY);
        for (const r of [logs, spans]) {
          for (const b of r.batches) expect(decodeBody(b.data).events).toHaveLength(b.rowCount);
        }
      }),
      { numRuns: 150 },
    );
  });
});
