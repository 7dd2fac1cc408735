// GET .../MonitoringStorageKeys/: authenticates (client certificate or Entra ID bearer token) and answers
// the ingestion gateway info, an ingestion token (JWT with Endpoint claim) and the storage monikers.
import type { TLSSocket } from 'node:tls';
import type { EmulatorCore, RequestContext } from '../http/emulator-core.js';
import { bearerToken, sendJson } from '../http/http-io.js';
import { ProtocolError } from '../http/protocol-error.js';
import { parseConfigRequest, validateConfigHeaders } from './config-query.js';

/** Strips `/.default` and trailing slashes so that a resource and its scope compare equal. */
export function normalizeAudience(audience: string): string {
  return audience.replace(/\/\.default$/, '').replace(/\/+$/, '');
}

function authenticate(ctx: RequestContext, core: EmulatorCore, api: 'api' | 'userapi'): void {
  if (api === 'api') {
    if (!core.tls) return; // certificate mode over plain http is allowed (the reference tests do it)
    const socket = ctx.req.socket as TLSSocket;
    if (!socket.authorized || !ctx.entry.clientCertificate) {
      const why = socket.authorizationError ? ` (${String(socket.authorizationError)})` : '';
      throw new ProtocolError(
        401,
        'CLIENT_CERT_REQUIRED',
        `'api' needs a client certificate signed by the emulator CA${why}`,
      );
    }
    return;
  }
  const check = core.tokens.check(bearerToken(ctx.req), ['managed-identity', 'workload-identity']);
  if (!check.ok) throw new ProtocolError(401, check.problem!, `userapi bearer token: ${check.message}`);
  const audience = check.record!.audience;
  ctx.entry.audience = audience;
  const accepted = core.acceptedAudiences.map(normalizeAudience);
  if (!accepted.includes('*') && !accepted.includes(normalizeAudience(audience))) {
    throw new ProtocolError(
      401,
      'WRONG_AUDIENCE',
      `token audience ${audience} is not accepted (expected ${core.acceptedAudiences.join(' or ')})`,
    );
  }
}

/** Monikers served for an account; the primary one is what uploads must use. */
export function monikersFor(account: string, withoutDiag: boolean) {
  const primary = withoutDiag ? `${account}primary` : `${account}diag`;
  return {
    primary,
    list: [
      {
        AccountMonikerName: `${account}security`,
        AccountGroupName: `${account}group`,
        IsPrimaryMoniker: false,
      },
      { AccountMonikerName: primary, AccountGroupName: `${account}group`, IsPrimaryMoniker: true },
    ],
  };
}

export async function handleConfigRequest(ctx: RequestContext, core: EmulatorCore): Promise<void> {
  if (ctx.req.method !== 'GET') {
    throw new ProtocolError(405, 'METHOD_NOT_ALLOWED', `config service expects GET, got ${ctx.req.method}`);
  }
  const request = parseConfigRequest(ctx.url);
  ctx.entry.namespace = request.namespace;
  validateConfigHeaders(ctx.req);
  if (request.api === 'api' && ctx.req.headers.authorization) {
    throw new ProtocolError(
      400,
      'BAD_HEADER',
      `'api' (certificate auth) must not carry an Authorization header`,
      'Authorization',
    );
  }
  authenticate(ctx, core, request.api);
  const monikers = monikersFor(request.account, core.monikerWithoutDiag);
  const { token, expiresAt } = core.tokens.issue('ingestion', core.urls.main, {
    Endpoint: core.urls.main,
    account: request.account,
    environment: request.environment,
    namespace: request.namespace,
    region: request.region,
    moniker: monikers.primary,
    version: request.configMajorVersion,
  });
  sendJson(ctx.res, 200, {
    IngestionGatewayInfo: {
      Endpoint: core.urls.main,
      AuthToken: token,
      AuthTokenExpiryTime: expiresAt.toISOString(),
    },
    StorageAccountKeys: monikers.list,
    TagId: request.tagId,
  });
}
