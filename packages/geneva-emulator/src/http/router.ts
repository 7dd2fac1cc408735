// Entry point of every request: classify, apply injected faults, dispatch, turn errors into JSON, log.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { diag } from '@opentelemetry/api';
import { handleConfigRequest } from '../config-service/config-handler.js';
import { handleControlRequest } from '../control/control-api.js';
import { retryAfterHeader } from '../faults/fault-injector.js';
import { handleEntraRequest } from '../identity/entra-handler.js';
import { handleManagedIdentityRequest } from '../identity/managed-identity-handler.js';
import { handleIngestRequest } from '../ingestion/ingest-handler.js';
import type { RequestKind } from '../types.js';
import type { EmulatorCore, RequestContext, RouteHandler } from './emulator-core.js';
import { sendJson } from './http-io.js';
import { ProtocolError } from './protocol-error.js';

const log = diag.createComponentLogger({ namespace: 'geneva-emulator/router' });

const CONFIG_PATH = /^\/(api|userapi)\/agent\/v3\//;
const INGEST_PATH = '/api/v1/ingestion/ingest';
// MSAL's URL normalisation adds a trailing slash to the IMDS path.
const MSI_PATHS = new Set([
  '/msi/token',
  '/msi/token/',
  '/metadata/identity/oauth2/token',
  '/metadata/identity/oauth2/token/',
]);
const ENTRA_PATH =
  /^\/[^/]+\/(discovery\/instance|v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token)$/;

function route(path: string): [RequestKind, RouteHandler | undefined] {
  if (path === INGEST_PATH) return ['ingest', handleIngestRequest];
  if (CONFIG_PATH.test(path)) return ['config', handleConfigRequest];
  if (MSI_PATHS.has(path)) return ['identity', handleManagedIdentityRequest];
  if (ENTRA_PATH.test(path)) return ['identity', handleEntraRequest];
  if (path.startsWith('/__emulator/')) return ['control', handleControlRequest];
  return ['other', undefined];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Handles one request end to end. Never throws. */
export async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  core: EmulatorCore,
): Promise<void> {
  const started = performance.now();
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const [kind, handler] = route(url.pathname);
  const ctx: RequestContext = {
    req,
    res,
    url,
    noTicket: false,
    entry: {
      id: core.store.nextRequestId(),
      time: new Date().toISOString(),
      method: req.method ?? 'GET',
      path: url.pathname,
      kind,
      status: 0,
      durationMs: 0,
    },
  };
  const cert = (req.socket as TLSSocket).getPeerCertificate?.();
  if (cert && (req.socket as TLSSocket).authorized && cert.fingerprint256) {
    ctx.entry.clientCertificate = {
      subject: `CN=${cert.subject?.CN ?? ''}`,
      fingerprint256: cert.fingerprint256,
    };
  }
  res.on('close', () => {
    ctx.entry.status = res.headersSent ? res.statusCode : ctx.entry.status;
    ctx.entry.durationMs = Math.round((performance.now() - started) * 10) / 10;
    core.store.logRequest(ctx.entry);
  });
  try {
    if (!handler) throw new ProtocolError(404, 'NOT_FOUND', `no route for ${req.method} ${url.pathname}`);
    if (kind === 'config' || kind === 'ingest' || kind === 'identity') {
      const event = kind === 'ingest' ? (url.searchParams.get('event') ?? undefined) : undefined;
      if (event !== undefined) ctx.entry.event = event;
      const fault = core.faults.take(kind, event);
      if (fault) {
        ctx.entry.fault = fault.type;
        if (fault.type === 'reset') {
          ctx.entry.status = -1;
          req.socket.destroy();
          return;
        }
        if (fault.type === 'delay') await sleep(fault.ms);
        if (fault.type === 'no-ticket') ctx.noTicket = true;
        if (fault.type === 'status') {
          const retryAfter = retryAfterHeader(fault);
          const err = new ProtocolError(
            fault.status,
            'INJECTED_FAULT',
            fault.message ?? `injected fault: status ${fault.status}`,
          );
          ctx.entry.errorCode = err.code;
          ctx.entry.error = err.message;
          sendJson(res, fault.status, err.toJSON(), retryAfter ? { 'retry-after': retryAfter } : {});
          return;
        }
      }
    }
    await handler(ctx, core);
  } catch (err) {
    const error =
      err instanceof ProtocolError
        ? err
        : new ProtocolError(
            500,
            'BAD_BODY',
            `internal error: ${err instanceof Error ? err.message : String(err)}`,
          );
    if (!(err instanceof ProtocolError)) log.error('unexpected error', err);
    ctx.entry.errorCode = error.code;
    ctx.entry.error = error.message;
    const close: Record<string, string> = error.status === 413 ? { connection: 'close' } : {};
    sendJson(res, error.status, error.toJSON(), close);
    if (error.status === 413) res.on('finish', () => req.socket.destroy());
  }
}
