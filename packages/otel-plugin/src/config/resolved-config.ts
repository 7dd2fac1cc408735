/** The complete, validated configuration the exporters run with (camelCase, units in names). */
import type { GenevaAuth } from '../internal/core.js';

/** Friendly names of the Go `auth_method` integers (0, 1, 2). */
export type AuthMethodName = 'msi' | 'certificate' | 'workload_identity';

/** `sending_queue`, resolved. */
export interface ResolvedSendingQueueConfig {
  enabled: boolean;
  /** Export waits for the upload outcome instead of returning once queued. */
  waitForResult: boolean;
  /** What `queueSize` counts: export calls (`requests`) or records (`items`). */
  sizer: 'requests' | 'items';
  queueSize: number;
  blockOnOverflow: boolean;
  numConsumers: number;
}

/** `retry_on_failure`, resolved: whole-export retries (only not-yet-accepted batches are re-sent). */
export interface ResolvedRetryOnFailureConfig {
  enabled: boolean;
  initialIntervalMs: number;
  randomizationFactor: number;
  multiplier: number;
  maxIntervalMs: number;
  /** 0 = unlimited. */
  maxElapsedTimeMs: number;
}

/** `batch_retry`, resolved: retries of one uploaded batch, with ±10% jitter. */
export interface ResolvedBatchRetryConfig {
  enabled: boolean;
  maxRetries: number;
  initialIntervalMs: number;
  maxIntervalMs: number;
  multiplier: number;
}

/** Everything an exporter needs, after `${env:}` expansion, validation, defaults and env overrides. */
export interface ResolvedAzureGigWarmConfig {
  endpoint: string;
  environment: string;
  account: string;
  namespace: string;
  region: string;
  configMajorVersion: number;
  tenant: string;
  roleName: string;
  roleInstance: string;
  authMethod: AuthMethodName;
  /** Credentials for geneva-core (the certificate password is never logged). */
  auth: GenevaAuth;
  /** Per-upload timeout (Go runs under exporterhelper's fixed 5 s). */
  timeoutMs: number;
  sendingQueue: ResolvedSendingQueueConfig;
  retryOnFailure: ResolvedRetryOnFailureConfig;
  batchRetry: ResolvedBatchRetryConfig;
}
