/** The single place where the plugin reaches into @geneva-otel/geneva-core. */
export {
  type BackoffPolicy,
  DEFAULT_MSI_RESOURCE,
  type EncodedBatch,
  type EncodeResult,
  type ExportLogsServiceRequest,
  type ExportTraceServiceRequest,
  type GenevaAuth,
  type GenevaClientConfig,
  GenevaError,
  isPermanent,
  isRetryable,
  loadClientCertificate,
  nextDelayMs,
  PermanentError,
  type RejectedRecord,
  RetryableError,
  RetryStoppedError,
  resolveClientConfig,
  retryAfterMs,
  retryWithBackoff,
  type UploadableBatch,
  type UploadResult,
} from '@geneva-otel/geneva-core';

import { GenevaClient, type GenevaClientConfig } from '@geneva-otel/geneva-core';
import type { GenevaClientPort } from './client-port.js';

/** Creates geneva-core's `GenevaClient` (inert: no I/O until the first upload). */
export function createGenevaClient(config: GenevaClientConfig): GenevaClientPort {
  return new GenevaClient(config);
}
