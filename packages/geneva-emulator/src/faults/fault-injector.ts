// Scripted faults: the next N requests matching a route kind and/or event name get a chosen answer.
import type { FaultAction, FaultRule } from '../types.js';

export interface FaultInjector {
  inject(rule: FaultRule): void;
  clear(): void;
  pending(): FaultRule[];
  /** Takes (and consumes one use of) the first rule matching this request. */
  take(kind: 'config' | 'ingest' | 'identity', event: string | undefined): FaultAction | undefined;
}

const STATUS_MIN = 100;
const STATUS_MAX = 599;

/** Checks a rule (from a test or from the control API's JSON) and returns a normalised copy. */
export function validateFaultRule(input: unknown): FaultRule {
  const fail = (msg: string): never => {
    throw new TypeError(`invalid fault rule: ${msg}`);
  };
  if (typeof input !== 'object' || input === null) fail('expected an object');
  const rule = input as Record<string, unknown>;
  const kind = rule['kind'];
  if (kind !== undefined && kind !== 'config' && kind !== 'ingest' && kind !== 'identity') {
    fail(`'kind' must be config, ingest or identity, got ${JSON.stringify(kind)}`);
  }
  const event = rule['event'];
  if (event !== undefined && typeof event !== 'string') fail(`'event' must be a string`);
  let count = rule['count'] ?? 1;
  if (count === -1 || count === null) count = Number.POSITIVE_INFINITY;
  if (typeof count !== 'number' || !(count >= 1) || (Number.isFinite(count) && !Number.isInteger(count))) {
    fail(`'count' must be a positive integer, -1 or Infinity, got ${JSON.stringify(rule['count'])}`);
  }
  const action = rule['action'] as Record<string, unknown> | undefined;
  if (typeof action !== 'object' || action === null) fail(`'action' must be an object`);
  const a = action as Record<string, unknown>;
  switch (a['type']) {
    case 'status': {
      const status = a['status'];
      if (
        typeof status !== 'number' ||
        !Number.isInteger(status) ||
        status < STATUS_MIN ||
        status > STATUS_MAX
      ) {
        fail(`'action.status' must be an HTTP status code, got ${JSON.stringify(status)}`);
      }
      const secs = a['retryAfterSeconds'];
      if (secs !== undefined && (typeof secs !== 'number' || secs < 0 || !Number.isInteger(secs))) {
        fail(`'action.retryAfterSeconds' must be a non-negative integer`);
      }
      const date = a['retryAfterDate'];
      if (date !== undefined && Number.isNaN(new Date(date as string).getTime())) {
        fail(`'action.retryAfterDate' must be a date, got ${JSON.stringify(date)}`);
      }
      break;
    }
    case 'delay':
      if (typeof a['ms'] !== 'number' || (a['ms'] as number) < 0)
        fail(`'action.ms' must be a non-negative number`);
      break;
    case 'reset':
      break;
    case 'no-ticket':
      if (kind !== undefined && kind !== 'ingest') fail(`'no-ticket' applies to kind 'ingest' only`);
      break;
    default:
      fail(`'action.type' must be status, delay, reset or no-ticket, got ${JSON.stringify(a['type'])}`);
  }
  return {
    ...(kind !== undefined ? { kind: kind as FaultRule['kind'] } : {}),
    ...(event !== undefined ? { event: event as string } : {}),
    count: count as number,
    action: { ...(a as FaultAction) },
  };
}

export function createFaultInjector(): FaultInjector {
  let rules: { rule: FaultRule; left: number }[] = [];
  return {
    inject(rule) {
      const valid = validateFaultRule(rule);
      rules.push({ rule: valid, left: valid.count ?? 1 });
    },
    clear() {
      rules = [];
    },
    pending: () => rules.map(({ rule, left }) => ({ ...rule, count: left })),
    take(kind, event) {
      const found = rules.find(
        ({ rule }) =>
          (rule.kind === undefined || rule.kind === kind) &&
          (rule.event === undefined || rule.event === event) &&
          (rule.action.type !== 'no-ticket' || kind === 'ingest'),
      );
      if (!found) return undefined;
      found.left--;
      if (found.left <= 0) rules = rules.filter((r) => r !== found);
      return found.rule.action;
    },
  };
}

/** `Retry-After` header value of a status fault, if any. */
export function retryAfterHeader(action: FaultAction): string | undefined {
  if (action.type !== 'status') return undefined;
  if (action.retryAfterSeconds !== undefined) return String(action.retryAfterSeconds);
  if (action.retryAfterDate !== undefined) return new Date(action.retryAfterDate).toUTCString();
  return undefined;
}
