// A minimal Entra ID (AAD v2) authority for workload identity: instance discovery, OpenID configuration
// and the client-credentials token endpoint taking the federated token as client_assertion.
import type { EmulatorCore, RequestContext } from '../http/emulator-core.js';
import { readText, sendJson } from '../http/http-io.js';
import { ProtocolError, type ProtocolErrorCode } from '../http/protocol-error.js';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** An OAuth2 error as Entra ID words it (MSAL reads `error` and `error_description`). */
function oauthError(
  ctx: RequestContext,
  status: number,
  error: string,
  message: string,
  field?: string,
  code: ProtocolErrorCode = 'BAD_BODY',
): never {
  ctx.entry.errorCode = code;
  throw Object.assign(new ProtocolError(status, code, message, field), { oauthError: error });
}

function discovery(ctx: RequestContext, core: EmulatorCore, tenant: string): void {
  const host = new URL(core.urls.identity).host;
  sendJson(ctx.res, 200, {
    tenant_discovery_endpoint: `${core.urls.identity}/${tenant}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  });
}

function openIdConfiguration(ctx: RequestContext, core: EmulatorCore, tenant: string): void {
  const base = `${core.urls.identity}/${tenant}`;
  sendJson(ctx.res, 200, {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    tenant_region_scope: null,
    cloud_instance_name: new URL(core.urls.identity).host,
  });
}

async function token(ctx: RequestContext, core: EmulatorCore, tenant: string): Promise<void> {
  if (ctx.req.method !== 'POST') oauthError(ctx, 405, 'invalid_request', `token endpoint expects POST`);
  const form = new URLSearchParams(await readText(ctx.req, 64 * 1024));
  if (tenant !== core.identity.tenantId) {
    oauthError(
      ctx,
      400,
      'invalid_tenant',
      `tenant ${tenant} is unknown (the emulator serves ${core.identity.tenantId})`,
    );
  }
  const grant = form.get('grant_type');
  if (grant !== 'client_credentials') {
    oauthError(
      ctx,
      400,
      'unsupported_grant_type',
      `grant_type must be client_credentials, got ${grant}`,
      'grant_type',
    );
  }
  const clientId = form.get('client_id');
  if (clientId !== core.identity.clientId) {
    oauthError(
      ctx,
      400,
      'unauthorized_client',
      `client_id ${clientId} is unknown (expected ${core.identity.clientId})`,
      'client_id',
    );
  }
  const scope = form.get('scope') ?? '';
  ctx.entry.scope = scope;
  const scopes = scope.split(' ').filter((s) => s && !['openid', 'profile', 'offline_access'].includes(s));
  if (scopes.length !== 1 || !scopes[0]!.endsWith('/.default')) {
    oauthError(
      ctx,
      400,
      'invalid_scope',
      `scope must be one '{resource}/.default' scope, got ${JSON.stringify(scope)}`,
      'scope',
    );
  }
  if (form.get('client_assertion_type') !== ASSERTION_TYPE) {
    oauthError(
      ctx,
      400,
      'invalid_request',
      `client_assertion_type must be ${ASSERTION_TYPE}`,
      'client_assertion_type',
    );
  }
  const assertion = core.tokens.check(form.get('client_assertion') ?? undefined, ['federated']);
  if (!assertion.ok) {
    oauthError(
      ctx,
      401,
      'invalid_client',
      `client_assertion: ${assertion.message}`,
      'client_assertion',
      assertion.problem,
    );
  }
  const audience = scopes[0]!.slice(0, -'/.default'.length);
  ctx.entry.audience = audience;
  const issued = core.tokens.issue(
    'workload-identity',
    audience,
    { tid: tenant, appid: clientId, azp: clientId, sub: assertion.claims!['sub'] },
    { scope, clientId: clientId! },
  );
  const expiresIn = Math.max(0, Math.round((issued.expiresAt.getTime() - Date.now()) / 1000));
  sendJson(ctx.res, 200, {
    token_type: 'Bearer',
    expires_in: expiresIn,
    ext_expires_in: expiresIn,
    access_token: issued.token,
  });
}

export async function handleEntraRequest(ctx: RequestContext, core: EmulatorCore): Promise<void> {
  const [, tenant, ...rest] = ctx.url.pathname.split('/');
  const tail = rest.join('/');
  ctx.entry.identityFlow = tail === 'oauth2/v2.0/token' ? 'workload-identity' : 'discovery';
  try {
    if (tail === 'discovery/instance') return discovery(ctx, core, tenant!);
    if (tail === 'v2.0/.well-known/openid-configuration') return openIdConfiguration(ctx, core, tenant!);
    await token(ctx, core, tenant!);
  } catch (err) {
    const code = (err as { oauthError?: string }).oauthError;
    if (!(err instanceof ProtocolError) || !code) throw err;
    ctx.entry.errorCode = err.code;
    ctx.entry.error = err.message;
    sendJson(ctx.res, err.status, {
      error: code,
      error_description: `AADSTS900000: ${err.message}`,
      error_codes: [900000],
      timestamp: new Date().toISOString(),
      trace_id: ctx.entry.id.toString(),
      correlation_id: ctx.req.headers['client-request-id'] ?? '',
    });
  }
}
