// Runtime of the generated config validator. geneva-codegen embeds this file's text into
// `<type>.validator.js` (with `export` removed), next to the ajv standalone code and the schema.

const DURATION_RE = /^[-+]?(0|(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$/u;
const UNIT_RE = /(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))/gu;
const UNIT_NS = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 3.6e12 };
const MAX_NS = 2 ** 63 - 1; // int64 max (as a float, like the overflow check needs)

/** Parses a Go duration string (`100ms`, `1h30m`, `-1s`) to nanoseconds; throws Go's error text. */
export function parseGoDurationNs(text) {
  if (typeof text !== 'string' || !DURATION_RE.test(text)) {
    throw new TypeError(`time: invalid duration ${goQuote(String(text))}`);
  }
  const sign = text.startsWith('-') ? -1 : 1;
  let ns = 0;
  for (const m of text.matchAll(UNIT_RE)) ns += Number(m[2]) * UNIT_NS[m[4]];
  if (ns > MAX_NS) throw new TypeError(`time: invalid duration ${goQuote(text)}`);
  return sign * Math.round(ns);
}

/** Parses a Go duration string to milliseconds (fractional below 1 ms). */
export function parseGoDuration(text) {
  return parseGoDurationNs(text) / 1e6;
}

function goQuote(s) {
  return JSON.stringify(s);
}

/** Formats like Go's fmt for the verbs the collector messages use (%d %s %v %q %%). */
export function goSprintf(format, args) {
  let i = 0;
  return format.replace(/%[-+# 0]*\d*(\.\d+)?([dsvqxf%])/g, (_whole, _p, verb) => {
    if (verb === '%') return '%';
    const a = args[i++];
    if (verb === 'q') return goQuote(String(a));
    if (verb === 'd') return String(Math.trunc(Number(a)));
    return typeof a === 'object' ? JSON.stringify(a) : String(a);
  });
}

function goTypeOfValue(v) {
  if (v === null) return 'nil';
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'object') return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

function show(v) {
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

function childSchema(node, key) {
  if (!node) return undefined;
  if (node.properties && key in node.properties) return node.properties[key];
  if (node.additionalProperties && typeof node.additionalProperties === 'object')
    return node.additionalProperties;
  if (node.items) return node.items;
  return undefined;
}

function pointerKeys(pointer) {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(root, keys) {
  let v = root;
  for (const k of keys) v = v == null ? undefined : v[k];
  return v;
}

function schemaAt(schema, keys) {
  let node = schema;
  for (const k of keys) node = childSchema(node, k);
  return node;
}

function decodeIssue(keys, message) {
  const path = keys.join('::');
  return {
    path,
    message,
    error: path ? `${path}: ${message}` : message,
    source: 'decode',
    code: 'GENEVA_ERR_CONFIG_DECODE',
  };
}

/** Maps ajv errors to the messages Go's confmap/mapstructure decoding gives. */
function decodeIssues(errors, schema, data) {
  const invalidKeys = new Map();
  const out = [];
  for (const e of errors) {
    if (e.schemaPath.includes('/anyOf/')) continue;
    const keys = pointerKeys(e.instancePath);
    if (e.keyword === 'additionalProperties') {
      const id = keys.join('.');
      if (!invalidKeys.has(id)) {
        invalidKeys.set(id, { keys, names: [] });
        out.push(invalidKeys.get(id));
      }
      invalidKeys.get(id).names.push(e.params.additionalProperty);
      continue;
    }
    const node = schemaAt(schema, keys) ?? {};
    const name = keys.join('.');
    // Secrets (writeOnly / configopaque.String) never have their value echoed in a message.
    const secret = node.writeOnly === true || node['x-redact'] === true;
    const value = secret ? '[REDACTED]' : valueAt(data, keys);
    const goType = node['x-go-type'] ?? node.type;
    let msg;
    if (node['x-geneva-message']) msg = goSprintf(node['x-geneva-message'], [value]);
    else if (keys.length === 0 && e.keyword === 'type')
      msg = `'' expected a map, got '${goTypeOfValue(value)}'`;
    else if (e.keyword === 'type')
      msg = `'${name}' expected type '${goType}', got unconvertible type '${goTypeOfValue(valueAt(data, keys))}', value: '${secret ? value : show(value)}'`;
    else if (e.keyword === 'pattern' && node['x-go-type'] === 'time.Duration')
      msg = `error decoding '${name}': time: invalid duration ${goQuote(String(value))}`;
    else if (e.keyword === 'enum' && node['x-go-text-error'])
      msg = `error decoding '${name}': ${goSprintf(node['x-go-text-error'], [value])}`;
    else if (e.keyword === 'minimum' || e.keyword === 'maximum')
      msg = `cannot parse '${name}', ${show(value)} overflows ${goType}`;
    else msg = `'${name}' ${e.message}`;
    out.push({ keys: keys.slice(0, -1), message: msg });
  }
  const seen = new Set();
  const issues = [];
  for (const item of out) {
    const message = item.names
      ? `'${item.keys.join('.')}' has invalid keys: ${[...item.names].sort().join(', ')}`
      : item.message;
    if (seen.has(message)) continue;
    seen.add(message);
    issues.push(decodeIssue([], message));
  }
  return issues;
}

function fieldValue(obj, expr) {
  const v = valueAt(obj, expr.path);
  switch (expr.kind) {
    case 'duration':
      return v === undefined ? 0 : parseGoDurationNs(v);
    case 'int':
    case 'uint':
    case 'float':
    case 'enum':
      return v === undefined ? 0 : v;
    case 'string':
    case 'opaque':
    case 'textEnum':
    case 'text':
      return v === undefined ? '' : v;
    case 'bool':
      return v === undefined ? false : v;
    default:
      return v;
  }
}

function evalExpr(expr, obj, raw) {
  const a = expr.args ?? [];
  switch (expr.op) {
    case 'lit':
      return expr.value;
    case 'field':
      return fieldValue(obj, expr);
    case 'given':
      return valueAt(raw, expr.path) !== undefined;
    case 'set':
      return valueAt(obj, expr.path) != null;
    case 'unset':
      return valueAt(obj, expr.path) == null;
    case 'not':
      return !evalExpr(a[0], obj, raw);
    case 'and':
      return a.every((x) => evalExpr(x, obj, raw));
    case 'or':
      return a.some((x) => evalExpr(x, obj, raw));
    case 'len': {
      const v = evalExpr(a[0], obj, raw);
      if (typeof v === 'string') return new TextEncoder().encode(v).length;
      if (Array.isArray(v)) return v.length;
      return v == null ? 0 : Object.keys(v).length;
    }
  }
  const l = evalExpr(a[0], obj, raw);
  const r = evalExpr(a[1], obj, raw);
  switch (expr.op) {
    case '==':
      return l === r;
    case '!=':
      return l !== r;
    case '<':
      return l < r;
    case '<=':
      return l <= r;
    case '>':
      return l > r;
    case '>=':
      return l >= r;
  }
  throw new Error(`unknown rule operator ${expr.op}`);
}

/** Runs the Validate() rules like Go's xconfmap.Validate: the struct's own rules, then its fields. */
function ruleIssues(node, value, keys, out) {
  if (!node || value == null || typeof value !== 'object') return;
  if (node.type === 'object' && node.properties) {
    for (const group of node['x-go-rules'] ?? []) {
      for (const rule of group.rules) {
        if (!evalExpr(rule.when, value)) continue;
        const message = goSprintf(
          rule.message,
          (rule.args ?? []).map((x) => evalExpr(x, value)),
        );
        const path = (group.label ? [...keys, group.label] : keys).join('::');
        out.push({
          path,
          message,
          error: path ? `${path}: ${message}` : message,
          source: group.source,
          code: 'GENEVA_ERR_CONFIG_INVALID',
        });
        break;
      }
    }
    for (const [key, prop] of Object.entries(node.properties))
      ruleIssues(prop, value[key], [...keys, key], out);
  } else if (node.type === 'array') {
    for (const [i, v] of value.entries()) ruleIssues(node.items, v, [...keys, String(i)], out);
  } else if (node.type === 'object' && typeof node.additionalProperties === 'object') {
    for (const [k, v] of Object.entries(value)) ruleIssues(node.additionalProperties, v, [...keys, k], out);
  }
}

/** Runs translated confmap Unmarshal hooks: children first (they decode inside the parent's call). */
function applyHooks(node, value, raw) {
  if (!node || value == null || typeof value !== 'object' || !node.properties) return;
  for (const [key, prop] of Object.entries(node.properties)) applyHooks(prop, value[key], raw?.[key]);
  for (const hook of node['x-go-unmarshal'] ?? []) {
    if (!evalExpr(hook.when, value, raw)) continue;
    const parent = valueAt(value, hook.target.slice(0, -1));
    if (parent != null) parent[hook.target[hook.target.length - 1]] = valueAt(value, hook.from);
  }
}

/** Replaces enum names accepted by the overlay (e.g. auth_method "certificate") by their Go values. */
function normalizeEnumNames(node, value) {
  if (!node || value == null || typeof value !== 'object' || !node.properties) return;
  for (const [key, prop] of Object.entries(node.properties)) {
    const v = value[key];
    if (typeof v === 'string' && Array.isArray(prop['x-go-enum'])) {
      const hit = prop['x-go-enum'].find((e) => e.string === v);
      if (hit) value[key] = hit.value;
    } else normalizeEnumNames(prop, v);
  }
}

function redact(node, value) {
  if (!node || value == null || typeof value !== 'object') return value;
  const out = Array.isArray(value) ? [] : {};
  for (const [k, v] of Object.entries(value)) {
    const child = childSchema(node, k);
    out[k] = child?.writeOnly && typeof v === 'string' && v !== '' ? '[REDACTED]' : redact(child, v);
  }
  return out;
}

/** Builds the validator API over ajv's standalone function and the schema. */
export function createConfigValidator(structural, schema) {
  function validateConfig(input) {
    const data = input !== null && typeof input === 'object' ? structuredClone(input) : input;
    if (!structural(data)) {
      return { ok: false, issues: decodeIssues(structural.errors ?? [], schema, data) };
    }
    applyHooks(schema, data, input);
    normalizeEnumNames(schema, data);
    const issues = [];
    ruleIssues(schema, data, [], issues);
    return issues.length ? { ok: false, issues } : { ok: true, config: data, issues: [] };
  }
  function createDefaultConfig() {
    const data = {};
    structural(data);
    normalizeEnumNames(schema, data);
    return data;
  }
  return {
    validateConfig,
    createDefaultConfig,
    redactConfig: (config) => redact(schema, config),
  };
}

/** Joins issues the way Go's errors.Join prints them (one per line). */
export function formatConfigIssues(issues) {
  return issues.map((i) => i.error).join('\n');
}
