/**
 * GenevaClient: the composition root of the client. Inert constructor (validation only);
 * `start()` (implicit on first upload) loads the certificate and builds the HTTP clients; the
 * first upload fetches config. `upload()` is ONE logical attempt (plus the single 401/403
 * refresh-and-retry), so callers can retry a batch without re-encoding it.
 */
import { diag } from '@opentelemetry/api';
import { loadClientCertificate } from './auth/certificate.js';
import { createTokenSource } from './auth/credential.js';
import { encodeLogs } from './batch/encode-logs.js';
import { encodeSpans } from './batch/encode-spans.js';
import type { EncodeResult, EncoderIdentity, EncoderOptions } from './batch/types.js';
import {
  type GenevaClientConfig,
  type ResolvedGenevaClientConfig,
  resolveClientConfig,
} from './config-service/client-config.js';
import { createConfigServiceClient } from './config-service/config-service-client.js';
import { createTokenCache, type TokenCache } from './config-service/token-cache.js';
import type { UploadSource } from './ingestion/upload-url.js';
import { type UploadableBatch, type UploadResult, uploadOnce } from './ingestion/uploader.js';
import { validateBatch } from './ingestion/validate-batch.js';
import type { ExportLogsServiceRequest, ExportTraceServiceRequest } from './model/otlp-types.js';
import { AuthError, type GenevaError, isGenevaError, PermanentError } from './send/errors.js';
import { createHttpClient, type HttpClient } from './transport/http-client.js';
import { createSemaphore, type Semaphore } from './transport/semaphore.js';

const log = diag.createComponentLogger({ namespace: 'geneva-core/client' });

/** Options of one {@link GenevaClient.upload} call. */
export interface UploadOptions {
  /** Aborts waiting for a slot, the config fetch wait and the request. */
  signal?: AbortSignal;
}

interface Running {
  cache: TokenCache;
  gateway: HttpClient;
  config: HttpClient;
  semaphore: Semaphore;
}

/** Talks to Geneva: encodes OTLP-shaped data and uploads encoded batches. */
export class GenevaClient {
  readonly #config: ResolvedGenevaClientConfig;
  readonly #source: UploadSource;
  /** Identity the encoder stamps into every row (from the config). */
  readonly identity: Readonly<EncoderIdentity>;
  #starting?: Promise<Running>;
  #closing?: Promise<void>;
  readonly #inflight = new Set<Promise<unknown>>();
  #running?: Running;

  /** Validates `config` (throws `GENEVA_ERR_INVALID_CONFIG` naming the field). Does no I/O. */
  constructor(config: GenevaClientConfig) {
    this.#config = resolveClientConfig(config);
    const c = this.#config;
    this.#source = {
      namespace: c.namespace,
      configMajorVersion: c.configMajorVersion,
      tenant: c.tenant,
      roleName: c.roleName,
      roleInstance: c.roleInstance,
    };
    this.identity = Object.freeze({ ...this.#source, environment: c.environment });
  }

  /** Number of config-service fetches so far (diagnostics). */
  get configFetches(): number {
    return this.#running?.cache.fetches ?? 0;
  }

  /**
   * Loads the client certificate (certificate auth) and builds the credential and HTTP clients.
   * No network I/O. Idempotent; called implicitly by `upload()`. A missing or unreadable
   * certificate file or a wrong password fails here with `GENEVA_ERR_CERTIFICATE`.
   */
  async start(): Promise<void> {
    await this.#start();
  }

  #start(): Promise<Running> {
    if (this.#closing) return Promise.reject(closedError());
    this.#starting ??= this.#build().then((running) => {
      this.#running = running;
      return running;
    });
    return this.#starting;
  }

  async #build(): Promise<Running> {
    const c = this.#config;
    const cert =
      c.auth.kind === 'certificate' ? await loadClientCertificate(c.auth.path, c.auth.password) : undefined;
    const tls = { ...(c.ca === undefined ? {} : { ca: c.ca }) };
    const dispatcher = c.dispatcher === undefined ? {} : { dispatcher: c.dispatcher };
    const config = createHttpClient({
      timeoutMs: c.timeoutMs,
      connections: 2,
      tls: { ...tls, ...cert },
      ...dispatcher,
    });
    // The gateway authenticates by bearer token; the client certificate is still offered in case
    // a gateway (or a TLS-terminating proxy, or the emulator with requireClientCert) asks for one.
    const gateway = createHttpClient({
      timeoutMs: c.timeoutMs,
      connections: c.maxConcurrentUploads,
      tls: { ...tls, ...cert },
      ...dispatcher,
    });
    const service = createConfigServiceClient({
      target: { ...c, apiPath: c.auth.kind === 'certificate' ? 'api' : 'userapi' },
      http: config,
      userAgent: c.userAgent,
      tokenSource: createTokenSource(c.auth, c.ca === undefined ? {} : { ca: c.ca }),
    });
    const cache = createTokenCache({
      fetch: (signal) => service.fetchIngestionInfo(signal),
      refreshMarginMs: c.tokenRefreshMarginMs,
    });
    if (cert) log.debug(`client certificate loaded (${cert.loader})`);
    return { cache, gateway, config, semaphore: createSemaphore(c.maxConcurrentUploads) };
  }

  /** Encodes OTLP logs into batches (the encoder's `encodeLogs`) with this client's identity. Never throws. */
  encodeLogs(request: ExportLogsServiceRequest, options?: EncoderOptions): EncodeResult {
    return encodeLogs(request, this.identity, options);
  }

  /** Encodes OTLP spans into one `Span` batch (or more when capped) with this client's identity. Never throws. */
  encodeSpans(request: ExportTraceServiceRequest, options?: EncoderOptions): EncodeResult {
    return encodeSpans(request, this.identity, options);
  }

  /**
   * Uploads one encoded batch: ONE logical attempt. On 401/403 from the gateway the cached token
   * is dropped, a new one fetched and the upload retried once; a second 401/403 is an
   * {@link AuthError}. Rejects with RetryableError / PermanentError / AuthError; never retries
   * anything else (retries belong to the caller's backoff).
   */
  upload(batch: UploadableBatch, options: UploadOptions = {}): Promise<UploadResult> {
    if (this.#closing) return Promise.reject(closedError());
    const { signal } = options;
    const p = this.#upload(batch, signal).catch((err: unknown) => {
      if (signal?.aborted && !isGenevaError(err)) {
        throw new PermanentError('GENEVA_ERR_ABORTED', `upload of event "${batch.eventName}" was aborted`, {
          phase: 'upload',
          eventName: batch.eventName,
          cause: err,
        });
      }
      throw err;
    });
    this.#inflight.add(p);
    const forget = () => this.#inflight.delete(p);
    p.then(forget, forget);
    return p;
  }

  async #upload(batch: UploadableBatch, signal?: AbortSignal): Promise<UploadResult> {
    validateBatch(batch);
    const { cache, gateway, semaphore } = await this.#start();
    const release = await semaphore.acquire(signal);
    try {
      const attempt = async () => {
        const info = await cache.get(signal);
        const base = { http: gateway, batch, source: this.#source, userAgent: this.#config.userAgent };
        const run = () =>
          uploadOnce({ ...base, info, timeoutMs: this.#config.timeoutMs, ...(signal ? { signal } : {}) });
        return { info, run };
      };
      const first = await attempt();
      try {
        return await first.run();
      } catch (err) {
        if (!(err instanceof AuthError) || err.phase !== 'upload') throw err;
        log.info(
          `gateway answered HTTP ${err.status} for event "${batch.eventName}"; refreshing the token and retrying once`,
        );
        cache.invalidate(first.info);
      }
      const second = await attempt();
      try {
        return await second.run();
      } catch (err) {
        if (err instanceof AuthError && err.phase === 'upload') {
          throw new AuthError(`${err.message} (after one token refresh)`, {
            status: err.status,
            endpoint: err.endpoint,
            eventName: err.eventName,
            phase: 'upload',
          });
        }
        throw err;
      }
    } finally {
      release();
    }
  }

  /** Waits for in-flight uploads, then closes connections. Idempotent; later uploads reject. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await Promise.allSettled([...this.#inflight]);
      const running = await this.#starting?.catch(() => undefined);
      if (!running) return;
      running.cache.close();
      await Promise.allSettled([running.gateway.close(), running.config.close()]);
    })();
    return this.#closing;
  }
}

function closedError(): GenevaError {
  return new PermanentError('GENEVA_ERR_CLOSED', 'the Geneva client is closed', { phase: 'upload' });
}

/** Factory form of `new GenevaClient(config)`. */
export function createGenevaClient(config: GenevaClientConfig): GenevaClient {
  return new GenevaClient(config);
}
