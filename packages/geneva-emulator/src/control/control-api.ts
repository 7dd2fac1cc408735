// Control API under /__emulator/: inspection (events, requests, counters, tokens) and scripting
// (faults, token lifetime, revocation, reset). Loopback tooling: no authentication.
import type { EmulatorCore, RequestContext } from '../http/emulator-core.js';
import { readText, sendJson } from '../http/http-io.js';
import { ProtocolError } from '../http/protocol-error.js';

async function jsonBody(ctx: RequestContext): Promise<Record<string, unknown>> {
  const text = await readText(ctx.req);
  if (text.trim() === '') return {};
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new ProtocolError(400, 'BAD_BODY', 'control API bodies must be JSON objects');
}

function filter(url: URL): { namespace?: string; event?: string } {
  const namespace = url.searchParams.get('namespace');
  const event = url.searchParams.get('event');
  return { ...(namespace !== null ? { namespace } : {}), ...(event !== null ? { event } : {}) };
}

export async function handleControlRequest(ctx: RequestContext, core: EmulatorCore): Promise<void> {
  const { req, res, url } = ctx;
  const key = `${req.method} ${url.pathname.slice('/__emulator'.length)}`;
  switch (key) {
    case 'GET /health':
      return sendJson(res, 200, { ok: true });
    case 'GET /info':
      return sendJson(res, 200, {
        url: core.urls.main,
        identityUrl: core.urls.identity,
        tenantId: core.identity.tenantId,
        clientId: core.identity.clientId,
        tokenLifetimeSeconds: core.tokens.lifetime(),
      });
    case 'GET /events': {
      const events = core.store.events(filter(url));
      return sendJson(res, 200, { count: events.length, events });
    }
    case 'GET /requests':
      return sendJson(res, 200, { requests: core.store.requests() });
    case 'GET /counters':
      return sendJson(res, 200, { ...core.store.counters, tokensIssued: core.tokens.list().length });
    case 'GET /tokens':
      return sendJson(res, 200, { tokens: core.tokens.list() });
    case 'POST /tokens/revoke':
      core.tokens.revokeAll();
      return sendJson(res, 200, { revoked: true });
    case 'PUT /token-lifetime':
    case 'POST /token-lifetime': {
      const body = await jsonBody(ctx);
      try {
        core.tokens.setLifetime(body['seconds'] as number);
      } catch (err) {
        throw new ProtocolError(400, 'BAD_BODY', (err as Error).message, 'seconds');
      }
      return sendJson(res, 200, { tokenLifetimeSeconds: core.tokens.lifetime() });
    }
    case 'GET /faults':
      return sendJson(res, 200, { faults: core.faults.pending() });
    case 'POST /faults': {
      const body = await jsonBody(ctx);
      try {
        core.faults.inject(body as never);
      } catch (err) {
        throw new ProtocolError(400, 'BAD_BODY', (err as Error).message);
      }
      return sendJson(res, 201, { faults: core.faults.pending() });
    }
    case 'DELETE /faults':
      core.faults.clear();
      return sendJson(res, 200, { faults: [] });
    case 'POST /reset':
      core.store.reset();
      core.faults.clear();
      return sendJson(res, 200, { reset: true });
    default:
      throw new ProtocolError(404, 'NOT_FOUND', `no control route ${key}`);
  }
}
