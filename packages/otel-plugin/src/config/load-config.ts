/**
 * `loadAzureGigWarmConfig`: a Go `azuregigwarm:` block (object or YAML text) → the resolved config.
 * Order, as the collector: `${env:}` expansion → the generated validator (decoding, defaults, Go
 * `Validate()` messages) → checks of what we do not support yet → `GENEVA_ROLE_NAME` /
 * `GENEVA_ROLE_INSTANCE` overrides → durations parsed → auth built.
 */
import { parse as parseYaml } from 'yaml';
import type { GenevaAuth } from '../internal/core.js';
import { clientConfigProblem } from './client-checks.js';
import { DEFAULT_MSI_RESOURCE } from './default-config.js';
import { type Env, substituteEnv } from './env-substitution.js';
import type { AzureGigWarmConfigResolved, BatchRetryConfigResolved } from './generated/azuregigwarm.types.js';
import { formatConfigIssues, parseGoDuration, validateConfig } from './generated/azuregigwarm.validator.js';
import type {
  AuthMethodName,
  ResolvedAzureGigWarmConfig,
  ResolvedBatchRetryConfig,
} from './resolved-config.js';
import { yamlErrorText } from './yaml-error.js';

/** Thrown for any invalid config; `message` is `invalid azuregigwarm config: <Go message>`. */
export class AzureGigWarmConfigError extends Error {
  readonly code = 'GENEVA_ERR_INVALID_CONFIG';
  constructor(detail: string) {
    super(`invalid azuregigwarm config: ${detail}`);
    this.name = 'AzureGigWarmConfigError';
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const AUTH_NAMES: readonly AuthMethodName[] = ['msi', 'certificate', 'workload_identity'];
/** Largest timer delay Node accepts; stands for "no timeout" (`timeout: 0`). */
const NO_TIMEOUT_MS = 2_147_483_647;

function parseText(text: string): unknown {
  try {
    return parseYaml(text);
  } catch (err) {
    throw new AzureGigWarmConfigError(`not valid YAML: ${yamlErrorText(err)}`);
  }
}

function unwrap(raw: unknown): Obj {
  const value = typeof raw === 'string' ? parseText(raw) : raw;
  if (value == null) return {};
  if (!isObj(value))
    throw new AzureGigWarmConfigError(
      `expected a map, got ${Array.isArray(value) ? 'a list' : typeof value}`,
    );
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === 'azuregigwarm' || keys[0]?.startsWith('azuregigwarm/'))) {
    const inner = value[keys[0] as string];
    return isObj(inner) ? inner : {};
  }
  return value;
}

/** Go does not validate `batch_retry`: bad values fall back to their defaults, as there. */
function batchRetry(b: BatchRetryConfigResolved): ResolvedBatchRetryConfig {
  const duration = (v: string, fallback: number) => {
    try {
      const ms = parseGoDuration(v);
      return ms > 0 ? ms : fallback;
    } catch {
      return fallback;
    }
  };
  return {
    enabled: b.enabled,
    maxRetries: Number.isInteger(b.max_retries) && b.max_retries >= 0 ? b.max_retries : 3,
    initialIntervalMs: duration(b.initial_interval, 100),
    maxIntervalMs: duration(b.max_interval, 5000),
    multiplier: b.multiplier > 0 ? b.multiplier : 2,
  };
}

function buildAuth(c: AzureGigWarmConfigResolved, method: AuthMethodName, env: Env): GenevaAuth {
  const opt = (v: string | undefined) => (v ? v : undefined);
  if (method === 'certificate')
    return { kind: 'certificate', path: c.cert_path, password: opt(c.cert_password) };
  if (method === 'workload_identity') {
    return {
      kind: 'workload_identity',
      resource: c.workload_identity_resource,
      clientId: opt(env.AZURE_CLIENT_ID),
      tenantId: opt(env.AZURE_TENANT_ID),
      tokenFilePath: opt(env.AZURE_FEDERATED_TOKEN_FILE),
      authorityHost: opt(env.AZURE_AUTHORITY_HOST),
      disableInstanceDiscovery: c.disable_instance_discovery ? true : undefined,
    };
  }
  return {
    kind: 'msi',
    resource: opt(c.msi_resource) ?? DEFAULT_MSI_RESOURCE,
    clientId: opt(c.msi_client_id),
    objectId: opt(c.msi_object_id),
    resourceId: opt(c.msi_resource_id),
  };
}

/** What we cannot honour yet: rejected clearly instead of being ignored. */
function rejectUnsupported(c: AzureGigWarmConfigResolved): void {
  const q = c.sending_queue;
  if (q.storage != null)
    throw new AzureGigWarmConfigError('sending_queue.storage: persistent queue not supported yet');
  if (q.sizer === 'bytes')
    throw new AzureGigWarmConfigError(
      'sending_queue.sizer: "bytes" is not supported yet (use "requests" or "items")',
    );
  if (q.batch != null)
    throw new AzureGigWarmConfigError(
      'sending_queue.batch: batching inside the queue is not supported yet (use the SDK batch processor)',
    );
}

/**
 * Loads and validates an `azuregigwarm` config block. `raw` is the block itself (or `{ azuregigwarm:
 * block }`, or YAML text of either); `env` defaults to `process.env`. Throws
 * {@link AzureGigWarmConfigError} before anything starts.
 */
export function loadAzureGigWarmConfig(raw: unknown, env: Env = process.env): ResolvedAzureGigWarmConfig {
  let expanded: unknown;
  try {
    expanded = substituteEnv(unwrap(raw), env);
  } catch (err) {
    if (err instanceof AzureGigWarmConfigError) throw err;
    throw new AzureGigWarmConfigError(err instanceof Error ? err.message : String(err));
  }
  const result = validateConfig(expanded);
  if (!result.ok) throw new AzureGigWarmConfigError(formatConfigIssues(result.issues));
  const c = result.config;
  rejectUnsupported(c);
  const authMethod = AUTH_NAMES[c.auth_method] as AuthMethodName;
  const q = c.sending_queue;
  const r = c.retry_on_failure;
  const timeoutMs = parseGoDuration(c.timeout);
  const resolved: ResolvedAzureGigWarmConfig = {
    endpoint: c.endpoint,
    environment: c.environment,
    account: c.account,
    namespace: c.namespace,
    region: c.region,
    configMajorVersion: c.config_major_version,
    tenant: c.tenant,
    roleName: env.GENEVA_ROLE_NAME || c.role_name,
    roleInstance: env.GENEVA_ROLE_INSTANCE || c.role_instance,
    authMethod,
    auth: buildAuth(c, authMethod, env),
    timeoutMs: timeoutMs > 0 ? timeoutMs : NO_TIMEOUT_MS,
    sendingQueue: {
      enabled: q.enabled,
      waitForResult: q.wait_for_result,
      sizer: q.sizer === 'items' ? 'items' : 'requests',
      queueSize: q.queue_size,
      blockOnOverflow: q.block_on_overflow,
      numConsumers: q.num_consumers,
    },
    retryOnFailure: {
      enabled: r.enabled,
      initialIntervalMs: parseGoDuration(r.initial_interval),
      randomizationFactor: r.randomization_factor,
      multiplier: r.multiplier,
      maxIntervalMs: parseGoDuration(r.max_interval),
      maxElapsedTimeMs: parseGoDuration(r.max_elapsed_time),
    },
    batchRetry: batchRetry(c.batch_retry),
  };
  // geneva-core's client checks, so a config the client would reject fails here, before start.
  const problem = clientConfigProblem(resolved);
  if (problem) throw new AzureGigWarmConfigError(problem);
  return resolved;
}
