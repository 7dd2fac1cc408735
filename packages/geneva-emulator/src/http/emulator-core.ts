// Shared state every route handler receives.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from '../faults/fault-injector.js';
import type { DecodeBody } from '../ingestion/decoder.js';
import type { EventStore } from '../state/event-store.js';
import type { TokenRegistry } from '../tokens/token-registry.js';
import type { ReceivedEvent, RequestLogEntry } from '../types.js';

export interface EmulatorCore {
  maxBodyBytes: number;
  tls: boolean;
  acceptedAudiences: string[];
  monikerWithoutDiag: boolean;
  tokens: TokenRegistry;
  store: EventStore;
  faults: FaultInjector;
  urls: { main: string; identity: string };
  identity: { tenantId: string; clientId: string; identityHeader: string };
  decode: DecodeBody;
  /** Called with every batch of stored rows (events-out file, --print table). */
  sinks: ((events: ReceivedEvent[]) => void)[];
}

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Filled in by handlers; logged when the answer is sent. */
  entry: RequestLogEntry;
  /** A `no-ticket` fault applies to this ingestion request. */
  noTicket: boolean;
}

export type RouteHandler = (ctx: RequestContext, core: EmulatorCore) => Promise<void>;
