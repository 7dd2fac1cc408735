/**
 * The HTTP client of the Geneva client: one undici Agent per destination kind, HTTP/1.1 with
 * keep-alive, a per-request timeout and no redirect following (a bearer token must never be
 * replayed to another host; 3xx responses are returned to the caller, which treats them as errors).
 */
import { rootCertificates } from 'node:tls';
import { Agent, type Dispatcher, request } from 'undici';

/** TLS material for outgoing connections. */
export interface TlsOptions {
  /** Extra trusted CA certificate(s), PEM. Replaces nothing: the system roots stay trusted. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Client certificate chain (PEM) for mutual TLS. */
  cert?: string | Buffer;
  /** Client private key (PEM) for mutual TLS. */
  key?: string | Buffer;
  /** PKCS#12 bundle for mutual TLS (alternative to cert/key). */
  pfx?: Buffer;
  passphrase?: string;
}

/** Settings of {@link createHttpClient}. */
export interface HttpClientOptions {
  /** Per-request timeout in ms, covering connect, headers and body. */
  timeoutMs: number;
  /** Maximum sockets per origin. */
  connections?: number;
  tls?: TlsOptions;
  /** Test hook: use this dispatcher (e.g. undici MockAgent) instead of building an Agent. */
  dispatcher?: Dispatcher;
}

/** One HTTP request. */
export interface HttpRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body?: Uint8Array;
  signal?: AbortSignal;
}

/** A fully read response. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A small request/close interface over undici. */
export interface HttpClient {
  send(req: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

/** Raised (as the abort reason) when the per-request timeout fires. */
export class RequestTimeoutError extends Error {
  readonly timedOut = true;
  constructor(ms: number) {
    super(`request timed out after ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** Builds an {@link HttpClient}. No I/O until the first request. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { timeoutMs } = options;
  const owned = options.dispatcher === undefined;
  const tls = options.tls ?? {};
  const dispatcher =
    options.dispatcher ??
    new Agent({
      connections: options.connections ?? 16,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      connectTimeout: Math.min(timeoutMs, 10_000),
      allowH2: false,
      connect: {
        ...(tls.ca === undefined ? {} : { ca: withSystemRoots(tls.ca) }),
        ...(tls.cert === undefined ? {} : { cert: tls.cert }),
        ...(tls.key === undefined ? {} : { key: tls.key }),
        ...(tls.pfx === undefined ? {} : { pfx: tls.pfx }),
        ...(tls.passphrase === undefined ? {} : { passphrase: tls.passphrase }),
      },
    });
  let closed = false;

  return {
    async send(req) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new RequestTimeoutError(timeoutMs)), timeoutMs);
      timer.unref?.();
      const onAbort = () => controller.abort(req.signal?.reason);
      if (req.signal?.aborted) onAbort();
      else req.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const res = await request(req.url, {
          dispatcher,
          method: req.method,
          headers: req.headers,
          body:
            req.body === undefined
              ? null
              : Buffer.from(req.body.buffer, req.body.byteOffset, req.body.byteLength),
          signal: controller.signal,
        });
        const body = await res.body.text();
        return { status: res.statusCode, headers: res.headers, body };
      } catch (err) {
        // undici rejects with the abort reason; surface our timeout error as such.
        if (controller.signal.aborted && controller.signal.reason instanceof RequestTimeoutError) {
          throw controller.signal.reason;
        }
        throw err;
      } finally {
        clearTimeout(timer);
        req.signal?.removeEventListener('abort', onAbort);
      }
    },
    async close() {
      if (closed || !owned) return;
      closed = true;
      await dispatcher.close();
    },
  };
}

function withSystemRoots(ca: NonNullable<TlsOptions['ca']>): Array<string | Buffer> {
  // Node's `ca` replaces the default roots; keep them so public endpoints still verify.
  const extra = Array.isArray(ca) ? ca : [ca];
  return [...rootCertificates, ...extra];
}
