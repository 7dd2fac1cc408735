// Managed identity token endpoints, in the two shapes MSAL (under @azure/identity) speaks:
// - App Service (IDENTITY_ENDPOINT + IDENTITY_HEADER): GET ?api-version=2019-08-01&resource=..,
//   header X-IDENTITY-HEADER; user-assigned ids as client_id / mi_res_id / object_id;
// - IMDS (AZURE_POD_IDENTITY_AUTHORITY_HOST + /metadata/identity/oauth2/token): GET
//   ?api-version=2018-02-01&resource=.., header Metadata: true; ids as client_id / msi_res_id / object_id.
import type { EmulatorCore, RequestContext } from '../http/emulator-core.js';
import { sendJson } from '../http/http-io.js';
import { badQuery, ProtocolError } from '../http/protocol-error.js';

const FLAVOURS = {
  '/msi/token': {
    flow: 'app-service',
    apiVersion: '2019-08-01',
    ids: ['client_id', 'mi_res_id', 'object_id'],
  },
  '/metadata/identity/oauth2/token': {
    flow: 'imds',
    apiVersion: '2018-02-01',
    ids: ['client_id', 'msi_res_id', 'object_id'],
  },
} as const;

export async function handleManagedIdentityRequest(ctx: RequestContext, core: EmulatorCore): Promise<void> {
  const { req, url, entry } = ctx;
  const flavour = FLAVOURS[url.pathname.replace(/\/$/, '') as keyof typeof FLAVOURS];
  entry.identityFlow = flavour.flow;
  if (req.method !== 'GET')
    throw new ProtocolError(405, 'METHOD_NOT_ALLOWED', `expected GET, got ${req.method}`);
  if (flavour.flow === 'app-service') {
    const header = req.headers['x-identity-header'];
    if (header !== core.identity.identityHeader) {
      throw new ProtocolError(
        401,
        'BAD_HEADER',
        header === undefined
          ? `header 'X-IDENTITY-HEADER' is missing`
          : `header 'X-IDENTITY-HEADER' is wrong`,
        'X-IDENTITY-HEADER',
      );
    }
  } else if (req.headers.metadata !== 'true') {
    throw new ProtocolError(400, 'BAD_HEADER', `header 'Metadata' must be 'true'`, 'Metadata');
  }
  const q = url.searchParams;
  const apiVersion = q.get('api-version');
  if (apiVersion !== flavour.apiVersion) {
    throw badQuery('api-version', `must be ${flavour.apiVersion}, got ${JSON.stringify(apiVersion)}`);
  }
  const resource = q.get('resource');
  if (!resource) throw badQuery('resource', 'missing');
  const ids = flavour.ids.filter((name) => q.has(name));
  if (ids.length > 1) throw badQuery(ids[1]!, `only one of ${flavour.ids.join(', ')} may be given`);
  const idName = ids[0];
  const clientId = idName ? `${idName}=${q.get(idName)}` : 'system-assigned';
  entry.audience = resource;
  const { token, expiresAt, record } = core.tokens.issue(
    'managed-identity',
    resource,
    { tid: core.identity.tenantId, appid: idName === 'client_id' ? q.get(idName) : core.identity.clientId },
    { scope: resource, clientId },
  );
  const expiresOn = String(Math.floor(expiresAt.getTime() / 1000));
  const body =
    flavour.flow === 'app-service'
      ? { access_token: token, expires_on: expiresOn, resource, token_type: 'Bearer', client_id: clientId }
      : {
          access_token: token,
          refresh_token: '',
          expires_in: String(
            Math.max(0, Math.round((expiresAt.getTime() - Date.parse(record.issuedAt)) / 1000)),
          ),
          expires_on: expiresOn,
          not_before: String(Math.floor(Date.parse(record.issuedAt) / 1000)),
          resource,
          token_type: 'Bearer',
        };
  sendJson(ctx.res, 200, body);
}
