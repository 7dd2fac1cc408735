/**
 * Local identity endpoints for tests, driven by the real @azure/identity code:
 * an App Service-style managed identity endpoint (http, IDENTITY_ENDPOINT/IDENTITY_HEADER) and an
 * Entra ID authority (https, OpenID metadata + token endpoint) for workload identity.
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface IdentityServer {
  url: string;
  requests: SeenRequest[];
  /** Scopes/resources to refuse (400), to exercise the scope fallbacks. */
  refuse: Set<string>;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function collect(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => resolve(body));
  });
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

/** App Service managed identity endpoint: answers `GET ?resource=..` with a token `msi:<resource>`. */
export async function startManagedIdentityServer(identityHeader: string): Promise<IdentityServer> {
  const requests: SeenRequest[] = [];
  const refuse = new Set<string>();
  const server = createHttpServer(async (req, res) => {
    requests.push({ method: req.method!, url: req.url!, headers: req.headers, body: await collect(req) });
    const resource = new URL(req.url!, 'http://x').searchParams.get('resource') ?? '';
    if (req.headers['x-identity-header'] !== identityHeader)
      return json(res, 401, { error: 'bad identity header' });
    if (refuse.has(resource))
      return json(res, 400, { error: 'invalid_resource', error_description: `unknown resource ${resource}` });
    const expires = Math.floor(Date.now() / 1000) + 3600;
    json(res, 200, {
      access_token: `msi:${resource}`,
      expires_on: String(expires),
      resource,
      token_type: 'Bearer',
    });
  });
  const host = await listen(server);
  return {
    url: `http://${host}/msi/token`,
    requests,
    refuse,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Entra authority over TLS: OpenID metadata and a client-credentials token endpoint. */
export async function startEntraServer(tls: { key: string; cert: string }): Promise<IdentityServer> {
  const requests: SeenRequest[] = [];
  const refuse = new Set<string>();
  let base = '';
  const server = createHttpsServer(tls, async (req, res) => {
    const body = await collect(req);
    requests.push({ method: req.method!, url: req.url!, headers: req.headers, body });
    const tenant = req.url!.split('/')[1];
    if (req.url!.includes('/.well-known/openid-configuration')) {
      return json(res, 200, {
        token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
        issuer: `${base}/${tenant}/v2.0`,
        authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
        jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
        end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
        response_types_supported: ['code'],
      });
    }
    const form = new URLSearchParams(body);
    const scope = form.get('scope') ?? '';
    const wanted =
      scope.split(' ').find((s) => s !== 'openid' && s !== 'profile' && s !== 'offline_access') ?? '';
    if (refuse.has(wanted))
      return json(res, 400, {
        error: 'invalid_scope',
        error_description: `AADSTS70011: bad scope ${wanted}`,
      });
    json(res, 200, {
      token_type: 'Bearer',
      expires_in: 3600,
      ext_expires_in: 3600,
      access_token: `wi:${form.get('client_id')}:${form.get('client_assertion')}:${wanted}`,
    });
  });
  const host = await listen(server as unknown as Server);
  base = `https://${host}`;
  return { url: base, requests, refuse, close: () => new Promise((r) => server.close(() => r())) };
}
