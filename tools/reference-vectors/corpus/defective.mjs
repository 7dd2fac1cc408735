// Inputs on which geneva-uploader 0.4.0 is defective (wire-format page, section 8). The crate's
// output is still recorded (to document the difference); geneva-core is checked against our own
// documented output in `<name>.expected.json` instead.
import {
  arr,
  at,
  bool,
  bytes,
  dbl,
  int,
  kvlist,
  log,
  logsRequest,
  span,
  str,
  tracesRequest,
} from './otlp.mjs';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const SPAN_ID = 'b7ad6b7169203331';
const SECOND = 1_000_000_000n;

export const defectiveInputs = [
  {
    name: 'logs-defect-attr-builtin-name',
    description:
      'Attribute keys equal to built-in log columns (name, body, timestamp, Role, SeverityNumber, env_dt_traceId).',
    request: logsRequest([
      log({ time: at(0n), severity: 9, attributes: [['name', str('attr-name')]] }),
      log({ time: at(1n), severity: 9, body: str('real body'), attributes: [['body', str('attr-body')]] }),
      log({
        time: at(2n),
        severity: 9,
        attributes: [
          ['timestamp', str('attr-ts')],
          ['Role', str('attr-role')],
        ],
      }),
      log({ time: at(3n), severity: 9, attributes: [['SeverityNumber', int(99)]] }),
      log({ time: at(4n), severity: 9, attributes: [['env_dt_traceId', str('attr-trace')]] }),
    ]),
  },
  {
    name: 'logs-defect-duplicate-key',
    description: 'The same attribute key twice in one record, with the same and with different types.',
    request: logsRequest([
      log({
        time: at(0n),
        severity: 9,
        attributes: [
          ['k', str('first')],
          ['k', str('second')],
        ],
      }),
      log({
        time: at(1n),
        severity: 9,
        attributes: [
          ['k', str('text')],
          ['k', int(7)],
        ],
      }),
    ]),
  },
  {
    name: 'logs-defect-wrong-length-ids',
    description: 'Trace id of 8 bytes, span id of 4 bytes, trace id of 17 bytes.',
    request: logsRequest([
      log({ time: at(0n), severity: 9, traceId: '0af7651916cd43dd', spanId: 'b7ad6b71' }),
      log({ time: at(1n), severity: 9, traceId: `${TRACE_ID}ff`, spanId: SPAN_ID }),
    ]),
  },
  {
    name: 'logs-defect-first-record-no-time',
    description:
      'The first record of a batch has neither time nor observed time: 0.4.0 keeps batch start time 0.',
    request: logsRequest([
      log({ severity: 9, body: str('no time') }),
      log({ time: at(10n), severity: 9, body: str('has time') }),
    ]),
  },
  {
    name: 'logs-defect-complex-attrs',
    description: 'Array, map and bytes attributes and a KeyValue without value: 0.4.0 drops them silently.',
    request: logsRequest([
      log({
        time: at(),
        severity: 9,
        attributes: [
          ['before', str('kept')],
          ['list', arr(str('a'), int(1), bool(true))],
          [
            'map',
            kvlist([
              ['inner', str('x')],
              ['n', dbl(1.5)],
            ]),
          ],
          ['raw', bytes('AQID/w==')],
          ['novalue', undefined],
          ['after', int(2)],
        ],
      }),
    ]),
  },
  {
    name: 'logs-defect-non-string-body',
    description:
      'Bodies that are not strings (int, double, bool, array, map, bytes): 0.4.0 drops them silently.',
    request: logsRequest([
      log({ time: at(0n), severity: 9, body: int(42) }),
      log({ time: at(1n), severity: 9, body: dbl(1.5) }),
      log({ time: at(2n), severity: 9, body: bool(true) }),
      log({ time: at(3n), severity: 9, body: arr(str('a'), int(2)) }),
      log({
        time: at(4n),
        severity: 9,
        body: kvlist([
          ['msg', str('structured')],
          ['code', int(7)],
        ]),
      }),
      log({ time: at(5n), severity: 9, body: bytes('aGk=') }),
    ]),
  },
  {
    name: 'logs-defect-event-name-query-chars',
    description: 'Event names with & = + % characters: 0.4.0 writes them into the query unencoded.',
    request: logsRequest([
      log({ time: at(0n), severity: 9, eventName: 'a&b=c' }),
      log({ time: at(1n), severity: 9, eventName: 'x+y' }),
      log({ time: at(2n), severity: 9, eventName: '100%' }),
    ]),
  },
  {
    name: 'logs-defect-time-after-2262',
    description:
      'A time past i64::MAX nanoseconds (year 2262): 0.4.0 formats batch start/end from a wrapped negative value.',
    request: logsRequest([log({ time: '9300000000000000000', severity: 9 })]),
  },
  {
    name: 'traces-defect-attr-builtin-name',
    description:
      'Span attribute keys equal to built-in span columns (kind, success, name, startTime, links).',
    request: tracesRequest([
      span({
        traceId: TRACE_ID,
        spanId: SPAN_ID,
        name: 'op',
        kind: 1,
        start: at(0n),
        end: at(SECOND),
        attributes: [['kind', str('attr-kind')]],
      }),
      span({
        traceId: TRACE_ID,
        spanId: SPAN_ID,
        kind: 1,
        start: at(1n),
        end: at(SECOND),
        attributes: [['name', str('attr-name')]],
      }),
      span({
        traceId: TRACE_ID,
        spanId: SPAN_ID,
        name: 'op',
        kind: 1,
        start: at(2n),
        end: at(SECOND),
        attributes: [
          ['success', bool(false)],
          ['startTime', str('attr-start')],
        ],
      }),
    ]),
  },
  {
    name: 'traces-defect-duplicate-key',
    description: 'The same span attribute key twice with different types.',
    request: tracesRequest([
      span({
        traceId: TRACE_ID,
        spanId: SPAN_ID,
        name: 'op',
        kind: 1,
        start: at(0n),
        end: at(SECOND),
        attributes: [
          ['k', int(1)],
          ['k', bool(true)],
        ],
      }),
    ]),
  },
  {
    name: 'traces-defect-wrong-length-ids',
    description: 'Trace id of 8 bytes, span id of 4 bytes, parent id of 3 bytes.',
    request: tracesRequest([
      span({
        traceId: '0af7651916cd43dd',
        spanId: 'b7ad6b71',
        parentSpanId: 'abcdef',
        name: 'op',
        kind: 1,
        start: at(0n),
        end: at(SECOND),
      }),
    ]),
  },
  {
    name: 'traces-defect-batch-window',
    description:
      'Span end before its start, and a later span without end: 0.4.0 takes start = min start, end = max end, so the window misses rows.',
    request: tracesRequest([
      span({
        traceId: TRACE_ID,
        spanId: SPAN_ID,
        name: 'a',
        kind: 1,
        start: at(10n * SECOND),
        end: at(11n * SECOND),
      }),
      span({ traceId: TRACE_ID, spanId: SPAN_ID, name: 'b', kind: 1, start: at(20n * SECOND) }),
      span({
        traceId: TRACE_ID,
        spanId: SPAN_ID,
        name: 'c',
        kind: 1,
        start: at(3n * SECOND),
        end: at(2n * SECOND),
      }),
    ]),
  },
  {
    name: 'traces-defect-complex-attrs',
    description: 'Array, map and bytes span attributes: 0.4.0 drops them silently.',
    request: tracesRequest([
      span({
        traceId: TRACE_ID,
        spanId: SPAN_ID,
        name: 'op',
        kind: 1,
        start: at(0n),
        end: at(SECOND),
        attributes: [
          ['list', arr(int(1), int(2))],
          ['map', kvlist([['a', bool(true)]])],
          ['raw', bytes('AA==')],
          ['kept', str('yes')],
        ],
      }),
    ]),
  },
];
