/**
 * ONE upload attempt of one encoded batch to the ingestion gateway. No retry and no token
 * refresh here: the client owns the single 401/403 refresh, callers own retries.
 */
import { diag } from '@opentelemetry/api';
import type { IngestionInfo } from '../config-service/ingestion-info.js';
import { classifyStatus, classifyTransportError, describeEndpoint } from '../send/classify.js';
import { PermanentError } from '../send/errors.js';
import type { HttpClient, HttpResponse } from '../transport/http-client.js';
import { parseTicket } from './upload-response.js';
import { buildUploadUrl, type UploadSource } from './upload-url.js';

const log = diag.createComponentLogger({ namespace: 'geneva-core/ingestion' });

/** A batch as the uploader sees it (structurally the encoder's EncodedBatch). */
export interface UploadableBatch {
  eventName: string;
  data: Uint8Array;
  startTime: string;
  endTime: string;
  schemaIds: readonly string[];
  rowCount: number;
}

/** Outcome of a delivered batch. */
export interface UploadResult {
  eventName: string;
  /** Gateway ticket; absent when the gateway accepted without one (logged at warn). */
  ticket?: string;
  /** HTTP status (202 normally). */
  status: number;
  rowCount: number;
}

/** Inputs of {@link uploadOnce}. */
export interface UploadAttempt {
  http: HttpClient;
  info: IngestionInfo;
  batch: UploadableBatch;
  source: UploadSource;
  userAgent: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Posts the batch. Resolves on 2xx (a 202 without ticket counts as delivered). Rejects with a
 * classified error: RetryableError, PermanentError, or AuthError for 401/403.
 */
export async function uploadOnce(attempt: UploadAttempt): Promise<UploadResult> {
  const { http, info, batch, source } = attempt;
  const url = buildUploadUrl(info, { ...batch, dataSize: batch.data.byteLength }, source);
  const endpoint = describeEndpoint(url);
  const ctx = { phase: 'upload' as const, endpoint, eventName: batch.eventName };
  let res: HttpResponse;
  try {
    res = await http.send({
      method: 'POST',
      url,
      headers: {
        authorization: `Bearer ${info.authToken}`,
        accept: 'application/json',
        'user-agent': attempt.userAgent,
      },
      body: batch.data,
      ...(attempt.signal ? { signal: attempt.signal } : {}),
    });
  } catch (err) {
    throw classifyTransportError(err, ctx, attempt.timeoutMs);
  }
  if (res.status >= 200 && res.status < 300) {
    const ticket = parseTicket(res.body);
    if (res.status !== 202 || ticket === undefined) {
      log.warn(
        `gateway accepted event "${batch.eventName}" with HTTP ${res.status} but ${ticket ? 'an unusual status' : 'no ticket'}; counted as delivered, not retried`,
      );
    } else {
      log.debug(`uploaded event "${batch.eventName}" (${batch.rowCount} rows), ticket ${ticket}`);
    }
    return {
      eventName: batch.eventName,
      status: res.status,
      rowCount: batch.rowCount,
      ...(ticket ? { ticket } : {}),
    };
  }
  if (res.status >= 300 && res.status < 400) {
    throw new PermanentError(
      'GENEVA_ERR_REDIRECT',
      `Geneva ingestion gateway at ${endpoint} for event "${batch.eventName}" answered HTTP ${res.status}; redirects are not followed (the bearer token stays with the gateway)`,
      { ...ctx, status: res.status },
    );
  }
  throw classifyStatus(res.status, res.headers, res.body, ctx);
}
