/**
 * Getting a NEW Entra ID token after the config service rejected the one @azure/identity cached
 * (the token was revoked, or the identity lost its role assignment and got it back).
 *
 * How each credential's cache is bypassed (@azure/identity 4.13.x, @azure/msal-node 5.x):
 * - Workload identity: a new WorkloadIdentityCredential (`source.renew`), which re-reads the
 *   federated token file (the old one keeps its content for 5 minutes) and starts with an empty
 *   MSAL cache; it replaces the old credential in `source`.
 * - `getToken(scope, { claims })`: a claims challenge. Credentials backed by an MSAL confidential
 *   client (WorkloadIdentityCredential, ClientSecretCredential, ...) pass `claims` to MSAL, which
 *   then skips its cache. Bring-your-own credentials may honour it too.
 * - ManagedIdentityCredential does NOT pass `claims` on, and MSAL keeps managed-identity tokens in
 *   a cache shared by every instance (a static of `ManagedIdentityApplication`), so neither a
 *   claims request nor a new credential helps. We then ask the credential's own MSAL managed
 *   identity app for the token with `forceRefresh` (MSAL's documented request option, reached
 *   through the credential's internal `managedIdentityApp` field; feature-detected). The new token
 *   replaces the old one in MSAL's cache.
 * If no path yields a different token, the caller fails with a retryable error (the cached token
 * expires eventually) instead of a permanent one.
 */
import type { TokenCredential } from '@azure/core-auth';
import { diag } from '@opentelemetry/api';
import { acquireEntraToken, type EntraTokenSource } from './credential.js';
import { scopeCandidates } from './token-scopes.js';

const log = diag.createComponentLogger({ namespace: 'geneva-core/auth' });

/** The part of MSAL's `ManagedIdentityApplication` used here. */
interface ForceRefreshable {
  acquireToken(request: { resource: string; forceRefresh: boolean }): Promise<{ accessToken?: string }>;
}

/** A claims challenge asking for a token issued from now on (the form CAE challenges take). */
export function freshTokenClaims(nowMs: number = Date.now()): string {
  const nbf = String(Math.floor(nowMs / 1000));
  return JSON.stringify({ access_token: { nbf: { essential: true, value: nbf } } });
}

/**
 * Returns a token different from `rejected`, bypassing the credential's cache, or undefined when
 * the credential only offers the rejected token again. Errors getting a token propagate
 * (AuthError / RetryableError from {@link acquireEntraToken}).
 */
export async function refreshEntraToken(
  source: EntraTokenSource,
  rejected: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  if (source.renew) source.credential = source.renew();
  const claimed = await acquireEntraToken(source, signal, { claims: freshTokenClaims() });
  if (claimed !== rejected) {
    log.debug(`${source.description}: got a new token through a claims request`);
    return claimed;
  }
  const app = managedIdentityApp(source.credential);
  if (!app) return undefined;
  const resource = scopeCandidates(source.resource)[1] as string;
  const result = await app.acquireToken({ resource, forceRefresh: true });
  const token = result?.accessToken;
  if (!token || token === rejected) return undefined;
  log.debug(`${source.description}: got a new token with MSAL forceRefresh`);
  return token;
}

/** The credential's MSAL managed identity app, when it is a ManagedIdentityCredential that has one. */
function managedIdentityApp(credential: TokenCredential): ForceRefreshable | undefined {
  const app = (credential as unknown as { managedIdentityApp?: unknown }).managedIdentityApp;
  if (typeof app !== 'object' || app === null) return undefined;
  return typeof (app as Partial<ForceRefreshable>).acquireToken === 'function'
    ? (app as ForceRefreshable)
    : undefined;
}
