// Public types of the emulator. Everything a test or the CLI touches is declared here.

/** Options of {@link startEmulator}. Every field is optional: `startEmulator()` works with no setup. */
export interface EmulatorOptions {
  /** TCP port of the main server (config service + ingestion gateway). 0 (default) = a free port. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** Serve the main server over HTTPS with the emulator's CA. Default false (plain HTTP). */
  tls?: boolean;
  /** With `tls`: refuse every TLS connection without a client certificate signed by the emulator's CA. */
  requireClientCert?: boolean;
  /** Lifetime of every token the emulator issues (ingestion and identity tokens). Default 3600. */
  tokenLifetimeSeconds?: number;
  /** Largest accepted request body; larger bodies get 413. Default 16 MiB. */
  maxBodyBytes?: number;
  /**
   * Where the CA, server and client certificates are written; an existing CA there is reused (so a CA
   * trusted through NODE_EXTRA_CA_CERTS stays valid). Default: a fresh temp directory, removed by `stop()`.
   */
  stateDir?: string;
  /** Append every decoded row as one JSON line to this file. */
  eventsOut?: string;
  /** Print arriving rows as a readable table (to `printTo`, default stdout). */
  print?: boolean;
  /** Stream used by `print`. Default `process.stdout`. */
  printTo?: NodeJS.WritableStream;
  /**
   * Audiences (resources) accepted on `userapi` bearer tokens. A trailing `/` or `/.default` is ignored.
   * Default: `https://monitor.core.windows.net` and `https://monitor.azure.com`. `['*']` accepts any.
   */
  acceptedAudiences?: string[];
  /** Serve a primary moniker whose name does not contain `diag` (exercises the 0.4.0 defect). */
  monikerWithoutDiag?: boolean;
  /** Tenant id served by the Entra ID endpoints. Default: a fixed uuid. */
  tenantId?: string;
  /** Client (application) id the Entra ID token endpoint accepts. Default: a fixed uuid. */
  clientId?: string;
}

/** The kind of an emulator route, used by fault matching and the request log. */
export type RequestKind = 'config' | 'ingest' | 'identity' | 'control' | 'other';

/** What a matching request gets instead of (or before) normal handling. */
export type FaultAction =
  | {
      type: 'status';
      /** HTTP status to answer, e.g. 400, 401, 403, 429, 500, 503. */
      status: number;
      /** `Retry-After` as delta seconds. */
      retryAfterSeconds?: number;
      /** `Retry-After` as an HTTP-date (a Date or any string `Date` parses). */
      retryAfterDate?: Date | string;
      /** Message placed in the JSON body. */
      message?: string;
    }
  /** Wait, then handle the request normally. */
  | { type: 'delay'; ms: number }
  /** Destroy the TCP connection without an answer. */
  | { type: 'reset' }
  /** Ingestion only: accept and store the data but answer 202 without a ticket. */
  | { type: 'no-ticket' };

/** One fault-injection rule: the next `count` requests matching `kind`/`event` get `action`. */
export interface FaultRule {
  /** Route kind to match; default: any of config, ingest, identity. */
  kind?: 'config' | 'ingest' | 'identity';
  /** Ingestion event name (the `event` query value) to match. */
  event?: string;
  /** How many matching requests are affected. Default 1. `Infinity` (or -1 over HTTP) = until cleared. */
  count?: number;
  action: FaultAction;
}

/** A typed column of a decoded schema. */
export interface ReceivedColumn {
  name: string;
  /**
   * Bond type name as the decoder reports it, in upper case: `STRING`, `INT64`, `INT32`,
   * `DOUBLE`, `BOOL`, ... (geneva-core's `BondTypeName`).
   */
  type: string;
}

/** One decoded row, as stored by the gateway. */
export interface ReceivedEvent {
  namespace: string;
  eventName: string;
  level: number;
  /** Decoded blob metadata, e.g. `namespace=ns/eventVersion=Ver1v0/tenant=t/role=r/roleinstance=ri`. */
  metadata: string;
  schema: { md5: string; structName: string; columns: ReceivedColumn[] };
  /** Values in schema order. INT64 values are bigint (strings in the control API's JSON). */
  values: Record<string, string | number | bigint | boolean>;
  /** Ticket of the upload that carried the row (absent for a `no-ticket` fault). */
  ticket?: string;
  requestId: number;
  receivedAt: string;
}

/** One line of the request log (control API calls are not logged). Never holds tokens, passwords or bodies. */
export interface RequestLogEntry {
  id: number;
  time: string;
  method: string;
  /** Path without the query string. */
  path: string;
  kind: RequestKind;
  /** HTTP status answered; -1 = connection reset by a fault, 0 = client went away before an answer. */
  status: number;
  /** Stable code of the protocol violation or auth failure, e.g. `BAD_QUERY`, `TOKEN_EXPIRED`. */
  errorCode?: string;
  error?: string;
  namespace?: string;
  event?: string;
  rowCount?: number;
  /** Audience (resource) of the bearer token or of the token asked for. */
  audience?: string;
  /** Scope asked of the Entra ID token endpoint. */
  scope?: string;
  /** Identity endpoint flavour: `app-service`, `imds`, `workload-identity`, `discovery`. */
  identityFlow?: string;
  /** Verified client certificate that authenticated the request. */
  clientCertificate?: { subject: string; fingerprint256: string };
  /** Injected fault that shaped the answer. */
  fault?: FaultAction['type'];
  durationMs: number;
}

/** Running totals since start or the last `reset()` (control API calls are not counted). */
export interface EmulatorCounters {
  /** Every request: identity, config and ingest. */
  requests: number;
  configRequests: number;
  ingestRequests: number;
  identityRequests: number;
  /**
   * Requests of ANY kind answered 2xx (identity tokens, config responses and uploads), not only
   * uploads. For accepted uploads count `requests()` entries with `kind === 'ingest'` and a 2xx
   * `status`, or the rows with `events()`.
   */
  accepted: number;
  /** Requests of any kind answered with a non-2xx status (faults included). */
  rejected: number;
  rowsReceived: number;
  bytesReceived: number;
  faultsApplied: number;
  tokensIssued: number;
}

/** A token the emulator issued (the token string itself is never exposed). */
export interface IssuedToken {
  /** JWT `jti`. */
  id: string;
  kind: 'ingestion' | 'managed-identity' | 'workload-identity' | 'federated';
  audience: string;
  scope?: string;
  clientId?: string;
  issuedAt: string;
  expiresAt: string;
  revoked: boolean;
}

/** A PKCS#12 client certificate issued by the emulator's CA. */
export interface IssuedClientCertificate {
  path: string;
  pfx: Buffer;
  /** SHA-256 fingerprint as Node prints it (`AA:BB:...`). */
  fingerprint256: string;
  subject: string;
}

/** A running emulator. */
export interface GenevaEmulator {
  /** Config service base URL = ingestion gateway URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Path of the CA certificate PEM (always written: the identity endpoint is HTTPS). */
  caCertPath: string;
  caCertPem: string;
  identity: {
    /** HTTPS base URL of the identity server (emulator CA). */
    url: string;
    /** App Service style endpoint (`IDENTITY_ENDPOINT`). */
    managedIdentityEndpoint: string;
    /** `IDENTITY_HEADER` value the App Service endpoint requires. */
    identityHeader: string;
    /** Base for `AZURE_POD_IDENTITY_AUTHORITY_HOST` (IMDS style; MSAL appends `/metadata/identity/oauth2/token`). */
    imdsAuthorityHost: string;
    /** `AZURE_AUTHORITY_HOST` for workload identity (HTTPS). */
    authorityHost: string;
    tenantId: string;
    clientId: string;
  };
  /** Issue a PKCS#12 client certificate signed by the emulator's CA. */
  issueClientCertificate(opts?: {
    password?: string;
    /** 3DES key bag + RC2-40 certificate bag + SHA-1 MAC (OpenSSL 3 refuses it by default). */
    legacy?: boolean;
    path?: string;
    commonName?: string;
  }): Promise<IssuedClientCertificate>;
  /** Write a federated (service account) token that the Entra ID endpoint accepts as `client_assertion`. */
  writeFederatedToken(path: string, opts?: { subject?: string; lifetimeSeconds?: number }): Promise<void>;
  faults: { inject(rule: FaultRule): void; clear(): void; pending(): FaultRule[] };
  revokeAllTokens(): void;
  setTokenLifetime(seconds: number): void;
  events(filter?: { namespace?: string; event?: string }): ReceivedEvent[];
  requests(): RequestLogEntry[];
  counters(): EmulatorCounters;
  issuedTokens(): IssuedToken[];
  /** Forget events, requests, counters and faults (tokens stay valid). */
  reset(): void;
  /** Close both servers and every open connection. Idempotent. */
  stop(): Promise<void>;
}
