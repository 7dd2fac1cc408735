import { describe, expect, it } from 'vitest';
import { createEventStore, MAX_EVENTS } from '../../../src/state/event-store.js';
import type { ReceivedEvent, RequestLogEntry } from '../../../src/types.js';

const row = (i: number, eventName = 'Log'): ReceivedEvent => ({
  namespace: 'ns',
  eventName,
  level: 1,
  metadata: '',
  schema: { md5: '', structName: 'S', columns: [] },
  values: { i },
  requestId: 1,
  receivedAt: '',
});
const entry = (kind: RequestLogEntry['kind'], status: number, fault?: 'reset'): RequestLogEntry => ({
  id: 1,
  time: '',
  method: 'GET',
  path: '/',
  kind,
  status,
  durationMs: 0,
  ...(fault ? { fault } : {}),
});

describe('event store', () => {
  it('filters by namespace and event', () => {
    const store = createEventStore();
    store.addEvents([row(1), row(2, 'Span')]);
    expect(store.events({ event: 'Span' })).toHaveLength(1);
    expect(store.events({ namespace: 'other' })).toHaveLength(0);
    expect(store.counters.rowsReceived).toBe(2);
  });

  it('keeps at most MAX_EVENTS rows, dropping the oldest, while counting all', () => {
    const store = createEventStore();
    const total = Math.ceil(MAX_EVENTS * 1.1) + 5;
    for (let i = 0; i < total; i += 1000)
      store.addEvents(Array.from({ length: Math.min(1000, total - i) }, (_, k) => row(i + k)));
    const kept = store.events();
    expect(kept.length).toBeLessThanOrEqual(Math.ceil(MAX_EVENTS * 1.1));
    expect(kept.at(-1)!.values['i']).toBe(total - 1);
    expect(store.counters.rowsReceived).toBe(total);
  });

  it('counts requests per kind, accepted/rejected and faults; skips control calls', () => {
    const store = createEventStore();
    store.logRequest(entry('config', 200));
    store.logRequest(entry('ingest', 400));
    store.logRequest(entry('identity', -1, 'reset'));
    store.logRequest(entry('control', 200));
    expect(store.requests()).toHaveLength(3);
    expect(store.counters).toMatchObject({
      requests: 3,
      configRequests: 1,
      ingestRequests: 1,
      identityRequests: 1,
      accepted: 1,
      rejected: 2,
      faultsApplied: 1,
    });
    store.reset();
    expect(store.requests()).toEqual([]);
    expect(store.counters.requests).toBe(0);
  });
});
