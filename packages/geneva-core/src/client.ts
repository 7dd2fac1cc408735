// Client surface (config service, authentication, uploads, errors, backoff).

export { DEFAULT_MSI_RESOURCE, type GenevaAuth } from './auth/auth-options.js';
export { type ClientCertificate, decodePkcs12, loadClientCertificate } from './auth/certificate.js';
export { scopeCandidates } from './auth/token-scopes.js';
export {
  DEFAULT_MAX_CONCURRENT_UPLOADS,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
  type GenevaClientConfig,
  type ResolvedGenevaClientConfig,
  resolveClientConfig,
} from './config-service/client-config.js';
export { buildConfigServiceUrl, type ConfigServiceTarget } from './config-service/config-service-client.js';
export { type IngestionInfo, jwtEndpointClaim, parseIngestionInfo } from './config-service/ingestion-info.js';
export { type MonikerInfo, type StorageAccountKey, selectMoniker } from './config-service/moniker.js';
export { DEFAULT_REFRESH_MARGIN_MS } from './config-service/token-cache.js';
export { createGenevaClient, GenevaClient, type UploadOptions } from './geneva-client.js';
export {
  buildUploadUrl,
  sourceIdentity,
  type UploadBatchMeta,
  type UploadSource,
} from './ingestion/upload-url.js';
export type { UploadableBatch, UploadResult } from './ingestion/uploader.js';
export {
  type BackoffPolicy,
  nextDelayMs,
  type RetryOptions,
  RetryStoppedError,
  type RetryStopReason,
  retryWithBackoff,
  sleep,
  validateBackoffPolicy,
} from './send/backoff.js';
export { parseRetryAfter } from './send/classify.js';
export {
  AuthError,
  GenevaError,
  type GenevaErrorCode,
  type GenevaErrorDetails,
  type GenevaErrorPhase,
  isGenevaError,
  isPermanent,
  isRetryable,
  PermanentError,
  RetryableError,
  retryAfterMs,
} from './send/errors.js';
