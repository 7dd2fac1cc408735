// Log inputs on which geneva-uploader 0.4.0 is correct: its bytes are the golden reference.
import { at, attrs, bool, dbl, hex, int, log, logsRequest, prng, severityText, str } from './otlp.mjs';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const SPAN_ID = 'b7ad6b7169203331';

/** Values of every supported attribute type (string, int64, double, bool), varied. */
function mixedAttributes(rand, count, prefix = 'attr') {
  const out = [];
  for (let i = 0; i < count; i++) {
    const key = `${prefix}.${i}`;
    switch (i % 4) {
      case 0:
        out.push([key, str(`value-${i}-${hex(rand, 6)}`)]);
        break;
      case 1:
        out.push([key, int(BigInt(Math.floor(rand() * 2 ** 40)) * (i % 8 === 1 ? -1n : 1n))]);
        break;
      case 2:
        out.push([key, dbl(Math.round(rand() * 1e6) / 1e3)]);
        break;
      default:
        out.push([key, bool(rand() < 0.5)]);
    }
  }
  return out;
}

export const logInputs = [
  {
    name: 'logs-minimal',
    description: 'One record: a time, severity 9, nothing else (no body, no attributes, no ids).',
    request: logsRequest([log({ time: at(), severity: 9 })]),
  },
  {
    name: 'logs-string-body',
    description: 'String body, severity text, one string attribute.',
    request: logsRequest([
      log({
        time: at(),
        observed: at(5n),
        severity: 9,
        severityText: 'INFO',
        body: str('hello geneva'),
        attributes: [['user', str('alice')]],
      }),
    ]),
  },
  {
    name: 'logs-severity-all',
    description: 'Every severity number 0..24 with its text: the event level byte is the severity number.',
    request: logsRequest(
      Array.from({ length: 25 }, (_, n) =>
        log({
          time: at(BigInt(n) * 1_000_000n),
          severity: n,
          severityText: severityText(n),
          body: str(`severity ${n}`),
        }),
      ),
    ),
  },
  {
    name: 'logs-severity-number-only',
    description:
      'Severity without text; neither (SeverityNumber 0 still written); numbers outside the enum (30, -1: level is the low byte).',
    request: logsRequest([
      log({ time: at(), severity: 17 }),
      log({ time: at(1n) }),
      log({ time: at(2n), severity: 30, severityText: 'beyond the enum' }),
      log({ time: at(3n), severity: -1, severityText: 'negative: level byte 255' }),
    ]),
  },
  {
    name: 'logs-attr-string',
    description:
      'String attributes: ASCII, empty, whitespace, quotes and backslashes, control characters, long.',
    request: logsRequest([
      log({
        time: at(),
        severity: 9,
        attributes: [
          ['s.ascii', str('plain')],
          ['s.empty', str('')],
          ['s.space', str('  padded  ')],
          ['s.quotes', str('say "hi" \\ bye')],
          ['s.controls', str('tab\tnl\ncr\r nul\u0000 bell\u0007')],
          ['s.long', str('x'.repeat(5000))],
          ['s.json', str('{"a":[1,2,3]}')],
        ],
      }),
    ]),
  },
  {
    name: 'logs-attr-int',
    description: 'int64 attributes: 0, ±1, 2^31 boundaries, 2^53±1, int64 min/max, and JSON-number ints.',
    request: logsRequest([
      log({
        time: at(),
        severity: 9,
        attributes: [
          ['i.zero', int(0)],
          ['i.one', int('1')],
          ['i.minus', int('-1')],
          ['i.i32max', int('2147483647')],
          ['i.i32min', int('-2147483648')],
          ['i.u32max', int('4294967295')],
          ['i.2p53p1', int('9007199254740993')],
          ['i.m2p53m1', int('-9007199254740993')],
          ['i.max', int('9223372036854775807')],
          ['i.min', int('-9223372036854775808')],
          ['i.jsonNumber', int(42)],
          ['i.jsonNegative', int(-7)],
        ],
      }),
    ]),
  },
  {
    name: 'logs-attr-double',
    description: 'double attributes: 0, -0, fractions, integral values, extremes, subnormals.',
    request: logsRequest([
      log({
        time: at(),
        severity: 9,
        attributes: [
          ['d.zero', dbl(0)],
          ['d.negzero', dbl('__NEGATIVE_ZERO__')],
          ['d.pi', dbl(Math.PI)],
          ['d.tenth', dbl(0.1)],
          ['d.sum', dbl(0.1 + 0.2)],
          ['d.integral', dbl(2)],
          ['d.negative', dbl(-1.5)],
          ['d.big', dbl(1e300)],
          ['d.max', dbl(Number.MAX_VALUE)],
          ['d.minNormal', dbl(2.2250738585072014e-308)],
          ['d.subnormal', dbl(5e-324)],
          ['d.2p53', dbl(9007199254740992)],
        ],
      }),
    ]),
  },
  {
    name: 'logs-attr-bool',
    description: 'bool attributes true and false.',
    request: logsRequest([
      log({
        time: at(),
        severity: 9,
        attributes: [
          ['b.true', bool(true)],
          ['b.false', bool(false)],
        ],
      }),
    ]),
  },
  {
    name: 'logs-attr-mixed',
    description: 'All four attribute types interleaved, with body, severity text and trace context.',
    request: logsRequest([
      log({
        time: at(),
        severity: 13,
        severityText: 'WARN',
        body: str('mixed'),
        traceId: TRACE_ID,
        spanId: SPAN_ID,
        flags: 1,
        attributes: [
          ['a', str('x')],
          ['b', int('-5')],
          ['c', dbl(2.5)],
          ['d', bool(true)],
          ['e', str('y')],
          ['f', int('6')],
        ],
      }),
    ]),
  },
  {
    name: 'logs-attr-many',
    description: '150 attributes of mixed types on each of 3 records (same keys, so one schema).',
    request: (() => {
      const rand = prng(150);
      return logsRequest(
        Array.from({ length: 3 }, (_, i) =>
          log({
            time: at(BigInt(i)),
            severity: 9,
            body: str(`many ${i}`),
            attributes: mixedAttributes(rand, 150),
          }),
        ),
      );
    })(),
  },
  {
    name: 'logs-schema-repeat',
    description: 'Five records with the same columns: one schema id, five events.',
    request: logsRequest(
      Array.from({ length: 5 }, (_, i) =>
        log({
          time: at(BigInt(i) * 1000n),
          severity: 9,
          body: str(`row ${i}`),
          attributes: [
            ['n', int(i)],
            ['ok', bool(i % 2 === 0)],
          ],
        }),
      ),
    ),
  },
  {
    name: 'logs-schema-changing',
    description: 'Columns change between records (A B A C B): schema ids 1 2 1 3 2 in one batch.',
    request: (() => {
      const A = [['k1', str('a')]];
      const B = [
        ['k1', str('b')],
        ['k2', int(2)],
      ];
      const C = [
        ['k2', int(3)],
        ['k1', str('c')],
      ];
      return logsRequest(
        [A, B, A, C, B].map((attributes, i) => log({ time: at(BigInt(i)), severity: 9, attributes })),
      );
    })(),
  },
  {
    name: 'logs-schema-type-change',
    description: 'Same key with a different type in each record: a new schema per type.',
    request: logsRequest([
      log({ time: at(0n), severity: 9, attributes: [['v', str('1')]] }),
      log({ time: at(1n), severity: 9, attributes: [['v', int(1)]] }),
      log({ time: at(2n), severity: 9, attributes: [['v', dbl(1)]] }),
      log({ time: at(3n), severity: 9, attributes: [['v', bool(true)]] }),
      log({ time: at(4n), severity: 9, attributes: [['v', str('again')]] }),
    ]),
  },
  {
    name: 'logs-schema-optional-columns',
    description:
      'Optional built-in columns come and go (severity text, body, ids, flags, name): one schema per shape.',
    request: logsRequest([
      log({ time: at(0n), severity: 9 }),
      log({ time: at(1n), severity: 9, severityText: 'INFO' }),
      log({ time: at(2n), severity: 9, body: str('b') }),
      log({ time: at(3n), severity: 9, traceId: TRACE_ID }),
      log({ time: at(4n), severity: 9, spanId: SPAN_ID }),
      log({ time: at(5n), severity: 9, flags: 1 }),
      log({ time: at(6n), severity: 9 }),
      log({
        time: at(7n),
        severity: 9,
        severityText: 'INFO',
        body: str('b'),
        traceId: TRACE_ID,
        spanId: SPAN_ID,
        flags: 1,
      }),
    ]),
  },
  {
    name: 'logs-event-names',
    description:
      'Several event names interleaved: one batch per name, each with its own schema ids and times.',
    request: logsRequest([
      log({ time: at(30_000_000n), severity: 9, eventName: 'OrderPlaced', attributes: [['order', int(1)]] }),
      log({ time: at(10_000_000n), severity: 13, eventName: 'PaymentFailed', body: str('card declined') }),
      log({
        time: at(20_000_000n),
        severity: 9,
        eventName: 'OrderPlaced',
        attributes: [
          ['order', int(2)],
          ['vip', bool(true)],
        ],
      }),
      log({ time: at(5_000_000n), severity: 5, body: str('no event name goes to Log') }),
      log({ time: at(50_000_000n), severity: 9, eventName: 'OrderPlaced', attributes: [['order', int(3)]] }),
      log({ time: at(40_000_000n), severity: 17, eventName: 'PaymentFailed', body: str('timeout') }),
    ]),
  },
  {
    name: 'logs-event-name-log-explicit',
    description:
      'An explicit event name "Log" shares the batch with unnamed records, but adds the name column.',
    request: logsRequest([
      log({ time: at(0n), severity: 9, body: str('unnamed') }),
      log({ time: at(1n), severity: 9, eventName: 'Log', body: str('named Log') }),
    ]),
  },
  {
    name: 'logs-event-name-unicode',
    description:
      'Event names with spaces and non-ASCII characters (UTF-16 in the blob, percent-encoded in the URL).',
    request: logsRequest([
      log({ time: at(0n), severity: 9, eventName: 'Événement café', body: str('é') }),
      log({ time: at(1n), severity: 9, eventName: '注文イベント', body: str('日本語') }),
    ]),
  },
  {
    name: 'logs-trace-context',
    description:
      'Trace id, span id and flags in every combination; flags without ids; flags = 0xffffffff; uppercase hex ids.',
    request: logsRequest([
      log({ time: at(0n), severity: 9, traceId: TRACE_ID, spanId: SPAN_ID, flags: 1 }),
      log({ time: at(1n), severity: 9, traceId: TRACE_ID }),
      log({ time: at(2n), severity: 9, spanId: SPAN_ID }),
      log({ time: at(3n), severity: 9, flags: 1 }),
      log({ time: at(4n), severity: 9, traceId: TRACE_ID, spanId: SPAN_ID, flags: 0 }),
      log({
        time: at(5n),
        severity: 9,
        traceId: 'ffffffffffffffffffffffffffffffff',
        spanId: 'ffffffffffffffff',
        flags: 4294967295,
      }),
      log({
        time: at(6n),
        severity: 9,
        traceId: '00000000000000000000000000000001',
        spanId: '0000000000000001',
        flags: 256,
      }),
      log({ time: at(7n), severity: 9, traceId: '', spanId: '' }),
      log({
        time: at(8n),
        severity: 9,
        traceId: '0AF7651916CD43DD8448EB211C80319C',
        spanId: 'B7AD6B7169203331',
      }),
    ]),
  },
  {
    name: 'logs-unicode',
    description:
      'Non-ASCII everywhere a string goes: body, severity text, attribute keys and values (BMP, astral, combining, RTL).',
    request: logsRequest([
      log({
        time: at(),
        severity: 9,
        severityText: 'INFO·情報',
        body: str('héllo wörld — 你好 🌍 👩‍💻 e\u0301 مرحبا'),
        attributes: [
          ['ключ', str('значение')],
          ['emoji.🔑', str('🎉🎉')],
          ['mixed', str('a\u00e9\u4e2d\ud83d\ude00z')],
          ['bmp.edge', str('\uffff\ue000')],
        ],
      }),
    ]),
  },
  {
    name: 'logs-empty-strings',
    description:
      'Empty strings: empty body (the column stays), empty severity text (no column), empty attribute values, empty event name.',
    request: logsRequest([
      log({
        time: at(0n),
        severity: 9,
        severityText: '',
        body: str(''),
        eventName: '',
        attributes: [
          ['empty', str('')],
          ['also.empty', str('')],
        ],
      }),
    ]),
  },
  {
    name: 'logs-time-fallback',
    description: 'time_unix_nano = 0 falls back to observed_time_unix_nano (row columns and batch times).',
    request: logsRequest([
      log({ time: at(100n), observed: at(900n), severity: 9, body: str('time wins') }),
      log({ time: '0', observed: at(200n), severity: 9, body: str('observed used') }),
      log({ observed: at(50n), severity: 9, body: str('time absent, observed used') }),
    ]),
  },
  {
    name: 'logs-time-precision',
    description:
      'RFC 3339 columns use 0/3/6/9 fraction digits; batch times use 7 (100 ns units, truncated); leap days, 1970, year 2200.',
    request: logsRequest([
      log({ time: at(0n), severity: 9 }),
      log({ time: at(100_000_000n), severity: 9 }),
      log({ time: at(123_000_000n), severity: 9 }),
      log({ time: at(123_400_000n), severity: 9 }),
      log({ time: at(123_456_000n), severity: 9 }),
      log({ time: at(123_456_700n), severity: 9 }),
      log({ time: at(123_456_789n), severity: 9 }),
      log({ time: at(999_999_999n), severity: 9 }),
      log({ time: '1', severity: 9 }),
      log({ time: '946684799999999999', severity: 9 }),
      log({ time: '951782400000000000', severity: 9 }),
      log({ time: '1709164800000000001', severity: 9 }),
      log({ time: '7258118400123456789', severity: 9 }),
    ]),
  },
  {
    name: 'logs-batch-time-order',
    description: 'Records out of time order: batch start/end are the min/max record time, not first/last.',
    request: logsRequest([
      log({ time: at(5_000_000_000n), severity: 9 }),
      log({ time: at(1_000_000_000n), severity: 9 }),
      log({ time: at(9_000_000_050n), severity: 9 }),
      log({ time: at(3_000_000_000n), severity: 9 }),
    ]),
  },
  {
    name: 'logs-zero-time-later-record',
    description:
      'A later record without any time: its columns read 1970-01-01T00:00:00+00:00 and batch times ignore it.',
    request: logsRequest([
      log({ time: at(10n), severity: 9, body: str('has time') }),
      log({ severity: 9, body: str('no time at all') }),
      log({ time: at(20n), severity: 9, body: str('has time') }),
    ]),
  },
  {
    name: 'logs-multi-resource-scope',
    description:
      'Two resources × two scopes: records flatten in order; resource and scope attributes are not written.',
    request: {
      resourceLogs: [0, 1].map((r) => ({
        resource: {
          attributes: attrs([
            ['service.name', str(`svc-${r}`)],
            ['r.int', int(r)],
          ]),
        },
        scopeLogs: [0, 1].map((s) => ({
          scope: { name: `scope-${s}`, version: '2.0', attributes: attrs([['scope.attr', str('ignored')]]) },
          logRecords: [
            log({
              time: at(BigInt(r * 10 + s)),
              severity: 9,
              body: str(`r${r}s${s}`),
              attributes: [['where', str(`r${r}s${s}`)]],
            }),
          ],
        })),
      })),
    },
  },
  {
    name: 'logs-attr-empty-value',
    description:
      'KeyValues without a value or with value null are skipped, as are their columns (0.4.0 and ours agree).',
    request: logsRequest([
      log({
        time: at(),
        severity: 9,
        attributes: [
          ['before', str('b')],
          ['missing', undefined],
          ['after', int(1)],
        ],
      }),
      {
        ...log({ time: at(1n), severity: 9 }),
        attributes: [
          { key: 'null', value: null },
          { key: 'kept', value: bool(false) },
        ],
      },
    ]),
  },
  {
    name: 'logs-identity-empty-fields',
    description:
      'Identity with empty tenant and role instance: empty STRING columns and empty metadata parts.',
    identity: {
      namespace: 'VectorsNamespace',
      environment: 'Test',
      configMajorVersion: 1,
      tenant: '',
      roleName: 'vectors-role',
      roleInstance: '',
      account: 'VectorsAccount',
      region: 'westus2',
    },
    request: logsRequest([log({ time: at(), severity: 9, body: str('empty identity parts') })]),
  },
  {
    name: 'logs-dropped-attributes-count',
    description: 'droppedAttributesCount is not written.',
    request: logsRequest([
      log({ time: at(), severity: 9, droppedAttributesCount: 3, attributes: [['kept', str('yes')]] }),
    ]),
  },
  {
    name: 'logs-empty-request',
    description: 'No records at all: no batches, no upload.',
    request: { resourceLogs: [] },
  },
  {
    name: 'logs-empty-scope',
    description:
      'An empty resource object, a resource without scopes, and a scope with no records next to one with a record.',
    request: {
      resourceLogs: [
        {},
        { resource: { attributes: [] }, scopeLogs: [] },
        {
          resource: { attributes: [] },
          scopeLogs: [
            { scope: { name: 'empty' }, logRecords: [] },
            { scope: { name: 's' }, logRecords: [log({ time: at(), severity: 9 })] },
          ],
        },
      ],
    },
  },
  {
    name: 'logs-identity-variant',
    description:
      'Another identity: config version 7, spaces, slashes and non-ASCII in tenant/role/instance (metadata, columns, sourceIdentity).',
    identity: {
      namespace: 'Contoso.Shop_Logs',
      environment: 'Prod-EU',
      configMajorVersion: 7,
      tenant: 'contoso tenant/ü',
      roleName: 'checkout api',
      roleInstance: 'checkout-api-0 (west)',
      account: 'ContosoShop',
      region: 'westeurope',
    },
    request: logsRequest([
      log({ time: at(), severity: 9, body: str('identity'), attributes: [['k', str('v')]] }),
    ]),
  },
  // The blob of one minimal record with a string body of L ASCII characters is 1231 + L bytes
  // (default identity): these two land exactly on, and one byte past, the 64 KiB chunk size.
  {
    name: 'logs-blob-exactly-64k',
    description: 'A central blob of exactly 65536 bytes: one full LZ4 chunk, nothing after it.',
    request: logsRequest([log({ time: at(), severity: 9, body: str(hex(prng(64), 65536 - 1231)) })]),
  },
  {
    name: 'logs-blob-64k-plus-1',
    description: 'A central blob of 65537 bytes: a full 64 KiB chunk, then a chunk holding one byte.',
    request: logsRequest([log({ time: at(), severity: 9, body: str(hex(prng(64), 65537 - 1231)) })]),
  },
  {
    name: 'logs-large-multichunk',
    description:
      '400 records, 2 event names, varied schemas: central blobs over 64 KiB, so each body has two LZ4 chunks.',
    request: (() => {
      const rand = prng(600);
      const names = ['', 'Audit'];
      return logsRequest(
        Array.from({ length: 400 }, (_, i) => {
          const sev = 1 + Math.floor(rand() * 24);
          return log({
            time: at(BigInt(i) * 1_000_123n),
            observed: at(BigInt(i) * 1_000_123n + 7n),
            severity: sev,
            severityText: severityText(sev),
            body: str(`record ${i}: ${hex(rand, 24)}`),
            eventName: names[i % 2],
            traceId: i % 3 === 0 ? hex(rand, 32) : undefined,
            spanId: i % 3 === 0 ? hex(rand, 16) : undefined,
            flags: i % 6 === 0 ? 1 : undefined,
            attributes: mixedAttributes(rand, 4 + (i % 5) * 3, `k${i % 3}`),
          });
        }),
      );
    })(),
  },
];
