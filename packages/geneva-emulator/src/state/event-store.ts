// In-memory record of what arrived: decoded rows, request log and counters.
import type { EmulatorCounters, ReceivedEvent, RequestLogEntry } from '../types.js';

const MAX_REQUESTS = 10_000;
/** Rows kept in memory (oldest dropped first, in slices of 10%); --events-out keeps everything. */
export const MAX_EVENTS = 200_000;

export interface EventStore {
  addEvents(events: ReceivedEvent[]): void;
  events(filter?: { namespace?: string; event?: string }): ReceivedEvent[];
  logRequest(entry: RequestLogEntry): void;
  requests(): RequestLogEntry[];
  counters: EmulatorCounters;
  nextRequestId(): number;
  reset(): void;
}

const zeroCounters = (): EmulatorCounters => ({
  requests: 0,
  configRequests: 0,
  ingestRequests: 0,
  identityRequests: 0,
  accepted: 0,
  rejected: 0,
  rowsReceived: 0,
  bytesReceived: 0,
  faultsApplied: 0,
  tokensIssued: 0,
});

export function createEventStore(): EventStore {
  let events: ReceivedEvent[] = [];
  let requests: RequestLogEntry[] = [];
  let requestId = 0;
  const store: EventStore = {
    counters: zeroCounters(),
    addEvents(added) {
      for (const e of added) events.push(e);
      if (events.length > MAX_EVENTS * 1.1) events = events.slice(-MAX_EVENTS);
      store.counters.rowsReceived += added.length;
    },
    events(filter = {}) {
      return events.filter(
        (e) =>
          (filter.namespace === undefined || e.namespace === filter.namespace) &&
          (filter.event === undefined || e.eventName === filter.event),
      );
    },
    logRequest(entry) {
      if (entry.kind === 'control') return; // inspection calls would drown what is inspected
      requests.push(entry);
      if (requests.length > MAX_REQUESTS) requests = requests.slice(-MAX_REQUESTS);
      const c = store.counters;
      c.requests++;
      if (entry.kind === 'config') c.configRequests++;
      if (entry.kind === 'ingest') c.ingestRequests++;
      if (entry.kind === 'identity') c.identityRequests++;
      if (entry.fault) c.faultsApplied++;
      if (entry.status >= 200 && entry.status < 300) c.accepted++;
      else c.rejected++;
    },
    requests: () => [...requests],
    nextRequestId: () => ++requestId,
    reset() {
      events = [];
      requests = [];
      store.counters = zeroCounters();
    },
  };
  return store;
}
