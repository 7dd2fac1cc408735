// What the demo prints at the end, and the exactly-once check behind its exit code.

const ID = 'demo.request_id';

/**
 * Groups received rows by namespace and event.
 * @param {import('@geneva-otel/geneva-emulator').ReceivedEvent[]} events
 */
export function groupRows(events) {
  /** @type {Map<string, Map<string, typeof events>>} */
  const byNamespace = new Map();
  for (const e of events) {
    const ns = byNamespace.get(e.namespace) ?? new Map();
    byNamespace.set(e.namespace, ns);
    const rows = ns.get(e.eventName) ?? [];
    ns.set(e.eventName, rows);
    rows.push(e);
  }
  return byNamespace;
}

/** Prints per namespace and event: row count, schema columns and a few decoded rows. */
export function printReceived(events, { sampleRows = 2, write = console.log } = {}) {
  const grouped = groupRows(events);
  if (grouped.size === 0) write('  (nothing)');
  for (const [namespace, byEvent] of grouped) {
    write(`  namespace ${namespace}`);
    for (const [eventName, rows] of [...byEvent].sort(([a], [b]) => a.localeCompare(b))) {
      const schemas = new Set(rows.map((r) => r.schema.md5));
      write(`    event ${eventName}: ${rows.length} rows, ${schemas.size} schema(s)`);
      const columns = rows[0].schema.columns.map((c) => `${c.name}:${c.type}`).join(' ');
      write(`      columns: ${columns}`);
      // The identity columns are the same in every row of an upload: print them once.
      const first = rows[0].values;
      write(`      every row: ${formatRow(pick(first, IDENTITY_COLUMNS))}`);
      for (const row of rows.slice(0, sampleRows))
        write(`      row: ${formatRow(omit(row.values, IDENTITY_COLUMNS))}`);
    }
  }
}

const IDENTITY_COLUMNS = ['env_name', 'env_ver', 'Tenant', 'Role', 'RoleInstance'];
const pick = (values, keys) => Object.fromEntries(keys.filter((k) => k in values).map((k) => [k, values[k]]));
const omit = (values, keys) => Object.fromEntries(Object.entries(values).filter(([k]) => !keys.includes(k)));

function formatRow(values) {
  return Object.entries(values)
    .map(
      ([k, v]) =>
        `${k}=${typeof v === 'string' ? JSON.stringify(v.length > 48 ? `${v.slice(0, 45)}...` : v) : String(v)}`,
    )
    .join(' ');
}

/**
 * Matches what the service emitted with what Geneva received, one-to-one by request id.
 * @param {{ logs: string[], events: string[], spans: string[] }} emitted
 * @param {import('@geneva-otel/geneva-emulator').ReceivedEvent[]} events  rows of the demo's namespace
 * @returns {{ ok: boolean, lines: string[] }}
 */
export function checkExactlyOnce(emitted, events) {
  const tables = [
    { label: 'log records', event: 'Log', ids: emitted.logs },
    { label: 'CheckoutCompleted events', event: 'CheckoutCompleted', ids: emitted.events },
    { label: 'server spans', event: 'Span', ids: emitted.spans },
  ];
  const lines = [];
  let ok = true;
  for (const { label, event, ids } of tables) {
    const rows = events.filter((e) => e.eventName === event);
    const seen = new Map();
    let withoutId = 0;
    for (const row of rows) {
      const id = row.values[ID];
      if (typeof id !== 'string') withoutId++;
      else seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    const missing = ids.filter((id) => !seen.has(id));
    const duplicated = [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} x${n}`);
    const expected = new Set(ids);
    const unexpected = [...seen.keys()].filter((id) => !expected.has(id));
    const good =
      missing.length === 0 && duplicated.length === 0 && unexpected.length === 0 && withoutId === 0;
    ok &&= good && ids.length > 0;
    lines.push(
      `  ${good ? 'OK  ' : 'FAIL'} ${label}: emitted ${ids.length}, received ${rows.length} (event ${event})` +
        (good ? ', each exactly once' : ''),
    );
    if (ids.length === 0) lines.push(`       nothing was emitted: the service did not produce ${label}`);
    if (missing.length) lines.push(`       missing ${missing.length}: ${preview(missing)}`);
    if (duplicated.length) lines.push(`       duplicated ${duplicated.length}: ${preview(duplicated)}`);
    if (unexpected.length)
      lines.push(`       not emitted by the service ${unexpected.length}: ${preview(unexpected)}`);
    if (withoutId) lines.push(`       ${withoutId} row(s) without a ${ID} column`);
  }
  const known = new Set(tables.map((t) => t.event));
  for (const [eventName, n] of countBy(
    events.filter((e) => !known.has(e.eventName)),
    (e) => e.eventName,
  )) {
    ok = false;
    lines.push(`  FAIL unexpected event ${eventName}: ${n} row(s) the service never emitted`);
  }
  return { ok, lines };
}

function countBy(items, key) {
  const m = new Map();
  for (const item of items) m.set(key(item), (m.get(key(item)) ?? 0) + 1);
  return m;
}

function preview(list) {
  return list.length > 5 ? `${list.slice(0, 5).join(', ')}, ...` : list.join(', ');
}
