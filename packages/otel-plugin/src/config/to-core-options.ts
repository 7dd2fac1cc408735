/** Resolved config → geneva-core's `GenevaClientConfig`. */
import type { GenevaClientConfig } from '../internal/core.js';
import type { ResolvedAzureGigWarmConfig } from './resolved-config.js';

/** Maps the resolved exporter config onto the client's options (upload concurrency = consumers). */
export function toGenevaClientConfig(
  config: ResolvedAzureGigWarmConfig,
  userAgent?: string,
): GenevaClientConfig {
  return {
    endpoint: config.endpoint,
    environment: config.environment,
    account: config.account,
    namespace: config.namespace,
    region: config.region,
    configMajorVersion: config.configMajorVersion,
    tenant: config.tenant,
    roleName: config.roleName,
    roleInstance: config.roleInstance,
    auth: config.auth,
    timeoutMs: config.timeoutMs,
    maxConcurrentUploads: config.sendingQueue.enabled ? config.sendingQueue.numConsumers : undefined,
    ...(userAgent ? { userAgent } : {}),
  };
}
