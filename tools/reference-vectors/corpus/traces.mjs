// Span inputs on which geneva-uploader 0.4.0 is correct: its bytes are the golden reference.
import { at, bool, dbl, hex, int, prng, span, str, tracesRequest } from './otlp.mjs';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';
const PARENT_ID = '53995c3f42cd8ad8';
const SECOND = 1_000_000_000n;

/** A span with ids, a name and a 1 s duration starting `offset` ns after T0. */
const basic = (offset, extra = {}) =>
  span({
    traceId: TRACE_ID,
    spanId: SPAN_ID,
    name: 'op',
    kind: 1,
    start: at(offset),
    end: at(offset + SECOND),
    ...extra,
  });

export const traceInputs = [
  {
    name: 'traces-minimal',
    description: 'A span with only start and end times: no ids, no name, no status (success = true).',
    request: tracesRequest([span({ start: at(), end: at(SECOND) })]),
  },
  {
    name: 'traces-basic',
    description: 'Trace id, span id, name, kind server, 1 s duration.',
    request: tracesRequest([basic(0n, { kind: 2 })]),
  },
  {
    name: 'traces-kinds',
    description: 'Every span kind 0..5 and an unknown 99 (written as the raw OTLP enum number).',
    request: tracesRequest(
      [0, 1, 2, 3, 4, 5, 99].map((kind) => basic(BigInt(kind), { kind, name: `kind-${kind}` })),
    ),
  },
  {
    name: 'traces-status',
    description:
      'Status absent, unset, ok, error, error with message, ok with message, unset with message, unknown code 3 (success).',
    request: tracesRequest([
      basic(0n),
      basic(1n, { status: {} }),
      basic(2n, { status: { code: 1 } }),
      basic(3n, { status: { code: 2 } }),
      basic(4n, { status: { code: 2, message: 'boom: connection reset' } }),
      basic(5n, { status: { code: 1, message: 'fine' } }),
      basic(6n, { status: { code: 0, message: 'unset but described' } }),
      basic(7n, { status: { code: 3 } }),
    ]),
  },
  {
    name: 'traces-links',
    description:
      'No links, one, three (link trace state, attributes and flags are not written); empty, short and uppercase link ids (hex as given).',
    request: tracesRequest([
      basic(0n),
      basic(1n, { links: [{ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16) }] }),
      basic(2n, {
        links: [
          {
            traceId: '0af7651916cd43dd8448eb211c80319c',
            spanId: 'b7ad6b7169203331',
            traceState: 'k=v',
            attributes: [['l', str('x')]],
            flags: 1,
          },
          { traceId: '00000000000000000000000000000001', spanId: '0000000000000002' },
          { traceId: 'ffffffffffffffffffffffffffffffff', spanId: 'ffffffffffffffff' },
        ],
      }),
      basic(3n, {
        links: [
          { traceId: '', spanId: '' },
          { traceId: 'ABCDEF0123456789', spanId: '01020304' },
        ],
      }),
    ]),
  },
  {
    name: 'traces-parent-tracestate-flags',
    description: 'parentSpanId, traceState and flags, alone and together.',
    request: tracesRequest([
      basic(0n, { parentSpanId: PARENT_ID }),
      basic(1n, { traceState: 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE' }),
      basic(2n, { flags: 257 }),
      basic(3n, { parentSpanId: PARENT_ID, traceState: 'a=b', flags: 1 }),
      basic(4n, { parentSpanId: '', traceState: '' }),
      basic(5n, { parentSpanId: '53995C3F42CD8AD8' }),
    ]),
  },
  {
    name: 'traces-attr-types',
    description: 'Span attributes of every supported type, incl. int64 extremes and -0.',
    request: tracesRequest([
      basic(0n, {
        attributes: [
          ['http.method', str('GET')],
          ['http.status_code', int(200)],
          ['big', int('-9223372036854775808')],
          ['ratio', dbl(0.25)],
          ['negzero', dbl('__NEGATIVE_ZERO__')],
          ['cached', bool(false)],
          ['empty', str('')],
        ],
      }),
    ]),
  },
  {
    name: 'traces-attr-many',
    description: '120 attributes on each of 2 spans.',
    request: (() => {
      const rand = prng(120);
      const attributes = () =>
        Array.from({ length: 120 }, (_, i) => [
          `a${i}`,
          i % 3 === 0 ? str(hex(rand, 8)) : i % 3 === 1 ? int(i * 1000) : bool(i % 2 === 0),
        ]);
      return tracesRequest([
        basic(0n, { attributes: attributes() }),
        basic(1n, { attributes: attributes() }),
      ]);
    })(),
  },
  {
    name: 'traces-schema-changing',
    description: 'Spans whose column lists differ and repeat: several schema ids in the one Span batch.',
    request: tracesRequest([
      basic(0n, { attributes: [['a', str('1')]] }),
      basic(1n, { attributes: [['b', int(1)]] }),
      basic(2n, { attributes: [['a', str('2')]] }),
      basic(3n, { parentSpanId: PARENT_ID, attributes: [['a', str('3')]] }),
      basic(4n, { status: { code: 2, message: 'e' }, attributes: [['b', int(2)]] }),
      basic(5n, { attributes: [['b', int(3)]] }),
    ]),
  },
  {
    name: 'traces-unicode',
    description: 'Non-ASCII span name, trace state, status message and attributes.',
    request: tracesRequest([
      basic(0n, {
        name: 'GET /café/注文 🚀',
        status: { code: 2, message: 'échec — 失败 💥' },
        attributes: [['ключ', str('значение 🌍')]],
      }),
    ]),
  },
  {
    name: 'traces-empty-strings',
    description: 'Empty name (no column), empty status message (no column), empty string attribute (kept).',
    request: tracesRequest([
      basic(0n, { name: '', status: { code: 1, message: '' }, attributes: [['e', str('')]] }),
    ]),
  },
  {
    name: 'traces-times',
    description:
      'Out-of-order spans, sub-second precision, an end before its start: start = min start, end = max end.',
    request: tracesRequest([
      basic(5n * SECOND + 123_456_789n),
      basic(1n * SECOND + 100_000_000n),
      span({
        traceId: TRACE_ID,
        spanId: SPAN_ID,
        name: 'ends-before-start',
        start: at(3n * SECOND),
        end: at(2n * SECOND),
      }),
      span({
        traceId: TRACE_ID,
        spanId: SPAN_ID,
        name: 'long',
        start: at(2n * SECOND + 1n),
        end: at(60n * SECOND + 7n),
      }),
    ]),
  },
  {
    name: 'traces-no-end-time',
    description:
      'A span without end time next to one with: the batch end time comes from the one that has it.',
    request: tracesRequest([
      span({ traceId: TRACE_ID, spanId: SPAN_ID, name: 'no-end', start: at(SECOND) }),
      span({
        traceId: TRACE_ID,
        spanId: SPAN_ID,
        name: 'has-end',
        start: at(2n * SECOND),
        end: at(3n * SECOND),
      }),
    ]),
  },
  {
    name: 'traces-events-ignored',
    description: 'Span events and dropped counts are not written by 0.4.0.',
    request: tracesRequest([
      basic(0n, {
        events: [
          {
            timeUnixNano: at(5n),
            name: 'exception',
            attributes: [{ key: 'exception.message', value: str('x') }],
          },
        ],
        attributes: [['k', str('v')]],
      }),
    ]),
  },
  {
    name: 'traces-multi-resource',
    description: 'Two resources × two scopes: every span lands in the single Span batch, in order.',
    request: {
      resourceSpans: [0, 1].map((r) => ({
        resource: { attributes: [{ key: 'service.name', value: str(`svc-${r}`) }] },
        scopeSpans: [0, 1].map((s) => ({
          scope: { name: `scope-${s}` },
          spans: [basic(BigInt(r * 10 + s), { name: `r${r}s${s}` })],
        })),
      })),
    },
  },
  {
    name: 'traces-empty-request',
    description: 'No spans: no batch, no upload.',
    request: { resourceSpans: [] },
  },
  {
    name: 'traces-large-multichunk',
    description: '500 spans with varied optional columns and attributes: central blob over 64 KiB.',
    request: (() => {
      const rand = prng(500);
      return tracesRequest(
        Array.from({ length: 500 }, (_, i) =>
          span({
            traceId: hex(rand, 32),
            spanId: hex(rand, 16),
            parentSpanId: i % 2 ? hex(rand, 16) : undefined,
            traceState: i % 7 === 0 ? 'vendor=abc' : undefined,
            flags: i % 3 === 0 ? 1 : undefined,
            name: `operation-${i % 11}`,
            kind: i % 6,
            start: at(BigInt(i) * 999_983n),
            end: at(BigInt(i) * 999_983n + 5_000_000n),
            status: i % 13 === 0 ? { code: 2, message: `failure ${i}` } : { code: i % 2 },
            links: i % 17 === 0 ? [{ traceId: hex(rand, 32), spanId: hex(rand, 16) }] : undefined,
            attributes: [
              ['http.route', str(`/api/v${i % 3}/items`)],
              ['http.status_code', int(200 + (i % 5))],
              ['latency', dbl(i / 7)],
              ['cache.hit', bool(i % 4 === 0)],
            ],
          }),
        ),
      );
    })(),
  },
];
