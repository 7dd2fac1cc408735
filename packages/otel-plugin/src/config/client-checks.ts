/**
 * geneva-core's client-config checks run at config-load time, so an unusable config fails before
 * anything starts (and the CLI reports it as a config error). Endpoint problems are reported here
 * first, with the URL shown without userinfo, query or fragment.
 */
import { resolveClientConfig } from '../internal/core.js';
import type { ResolvedAzureGigWarmConfig } from './resolved-config.js';
import { displayUrl } from './safe-url.js';
import { toGenevaClientConfig } from './to-core-options.js';

/** Returns the problem (`field: reason`), or undefined when the client would accept the config. */
export function clientConfigProblem(config: ResolvedAzureGigWarmConfig): string | undefined {
  const endpoint = endpointProblem(config.endpoint);
  if (endpoint) return endpoint;
  try {
    resolveClientConfig(toGenevaClientConfig(config));
    return undefined;
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    return text.replace(/^invalid Geneva client config: /, '');
  }
}

function endpointProblem(endpoint: string): string | undefined {
  const shown = JSON.stringify(displayUrl(endpoint));
  const expected =
    'must be an absolute https:// (or http://) URL such as https://gcs.prod.monitoring.core.windows.net';
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return `endpoint: ${expected}, got ${shown}`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `endpoint: ${expected}, got ${shown} (scheme ${url.protocol.slice(0, -1)})`;
  if (url.host === '') return `endpoint: ${expected}, got ${shown} (no host)`;
  if (url.username || url.password)
    return `endpoint: must not contain credentials (user:password@), got ${shown}`;
  if (url.search || url.hash) return `endpoint: must not contain a query or fragment, got ${shown}`;
  return undefined;
}
