/**
 * Entra ID credentials for the config service (managed identity, workload identity, or one the
 * caller brings), and token acquisition trying each scope form in turn.
 */
import { rootCertificates } from 'node:tls';
import type { TokenCredential } from '@azure/core-auth';
import { ManagedIdentityCredential, WorkloadIdentityCredential } from '@azure/identity';
import { diag } from '@opentelemetry/api';
import { AuthError, RetryableError } from '../send/errors.js';
import { DEFAULT_MSI_RESOURCE, type GenevaAuth } from './auth-options.js';
import { scopeCandidates } from './token-scopes.js';

const log = diag.createComponentLogger({ namespace: 'geneva-core/auth' });

/** A credential plus the resource its tokens are for. */
export interface EntraTokenSource {
  credential: TokenCredential;
  resource: string;
  /** Human-readable kind for messages, e.g. "managed identity". */
  description: string;
  /**
   * Builds a new credential with empty caches (workload identity: @azure/identity keeps the
   * federated token file's content for 5 minutes and MSAL's token cache per instance). Used by
   * the refresh after a 401/403, which then replaces `credential`.
   */
  renew?: () => TokenCredential;
}

/** Extra settings for the credentials @azure/identity builds. */
export interface TokenSourceOptions {
  /** Extra trusted CA(s), PEM, for the identity endpoints (added to the system roots). */
  ca?: string | Buffer | Array<string | Buffer>;
}

/** Builds the token source for bearer-token auth modes; undefined for certificate auth. */
export function createTokenSource(
  auth: GenevaAuth,
  options: TokenSourceOptions = {},
): EntraTokenSource | undefined {
  const tls =
    options.ca === undefined ? {} : { tlsOptions: { ca: [...rootCertificates, ...[options.ca].flat()] } };
  switch (auth.kind) {
    case 'msi': {
      const resource = auth.resource ?? DEFAULT_MSI_RESOURCE;
      let credential: ManagedIdentityCredential;
      if (auth.clientId) credential = new ManagedIdentityCredential({ clientId: auth.clientId, ...tls });
      else if (auth.objectId) credential = new ManagedIdentityCredential({ objectId: auth.objectId, ...tls });
      else if (auth.resourceId)
        credential = new ManagedIdentityCredential({ resourceId: auth.resourceId, ...tls });
      else credential = new ManagedIdentityCredential({ ...tls });
      return { credential, resource, description: 'managed identity' };
    }
    case 'workload_identity': {
      const build = () =>
        new WorkloadIdentityCredential({
          ...tls,
          ...(auth.clientId === undefined ? {} : { clientId: auth.clientId }),
          ...(auth.tenantId === undefined ? {} : { tenantId: auth.tenantId }),
          ...(auth.tokenFilePath === undefined ? {} : { tokenFilePath: auth.tokenFilePath }),
          ...(auth.authorityHost === undefined ? {} : { authorityHost: auth.authorityHost }),
          ...(auth.disableInstanceDiscovery === undefined
            ? {}
            : { disableInstanceDiscovery: auth.disableInstanceDiscovery }),
        });
      return { credential: build(), renew: build, resource: auth.resource, description: 'workload identity' };
    }
    case 'credential':
      return { credential: auth.credential, resource: auth.resource, description: 'token credential' };
    case 'certificate':
      return undefined;
  }
}

/**
 * Gets a bearer token, trying `{resource}/.default`, `{resource}`, `{resource}/` in turn.
 * Fails with {@link AuthError} naming the scopes tried and the last error (never a token).
 * `options.claims` is passed to `getToken` (a claims challenge: MSAL skips its cache for it).
 */
export async function acquireEntraToken(
  source: EntraTokenSource,
  signal?: AbortSignal,
  options: { claims?: string } = {},
): Promise<string> {
  const scopes = scopeCandidates(source.resource);
  let last: unknown;
  for (const scope of scopes) {
    try {
      const token = await source.credential.getToken(scope, {
        ...(signal ? { abortSignal: signal } : {}),
        ...(options.claims === undefined ? {} : { claims: options.claims }),
      });
      if (token?.token) {
        log.debug(`acquired ${source.description} token for scope ${scope}`);
        return token.token;
      }
      last = new Error('credential returned no token');
    } catch (err) {
      if (signal?.aborted) throw err;
      last = err;
      log.debug(`${source.description} token for scope ${scope} failed: ${messageOf(err)}`);
    }
  }
  const message = `${source.description} could not get a token (scopes tried: ${scopes.join(', ')}): ${messageOf(last)}`;
  // A network failure reaching the identity endpoint is worth retrying; a refusal is not.
  if (isTransient(last)) throw new RetryableError('GENEVA_ERR_AUTH', message, { phase: 'auth', cause: last });
  throw new AuthError(message, { phase: 'auth', cause: last });
}

function messageOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0]?.slice(0, 400) ?? '';
}

function isTransient(err: unknown): boolean {
  const text = err instanceof Error ? `${err.name} ${err.message}` : String(err);
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|socket hang up|network|timed? ?out/i.test(text);
}
