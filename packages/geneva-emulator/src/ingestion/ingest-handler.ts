// POST /api/v1/ingestion/ingest: token, query, body size, decoding, cross-checks, storage, 202 + ticket.
import { randomUUID } from 'node:crypto';
import type { EmulatorCore, RequestContext } from '../http/emulator-core.js';
import { bearerToken, readBody, sendJson } from '../http/http-io.js';
import { ProtocolError } from '../http/protocol-error.js';
import type { ReceivedEvent } from '../types.js';
import type { DecodedBlob } from './decoder.js';
import { checkBlobAgainstQuery, parseIngestQuery } from './ingest-query.js';

function decode(core: EmulatorCore, body: Buffer): DecodedBlob {
  try {
    return core.decode(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  } catch (err) {
    const offset = (err as { offset?: unknown }).offset;
    const where = typeof offset === 'number' ? ` at offset ${offset}` : '';
    throw new ProtocolError(400, 'DECODE_FAILED', `body does not decode${where}: ${(err as Error).message}`);
  }
}

function toReceived(
  blob: DecodedBlob,
  namespace: string,
  requestId: number,
  ticket?: string,
): ReceivedEvent[] {
  const schemas = new Map(blob.schemas.map((s) => [s.id, s]));
  const receivedAt = new Date().toISOString();
  return blob.events.map((e) => {
    const schema = schemas.get(e.schemaId);
    if (!schema) {
      throw new ProtocolError(
        400,
        'DECODE_FAILED',
        `event of ${e.eventName} refers to unknown schema id ${e.schemaId}`,
      );
    }
    return {
      namespace,
      eventName: e.eventName,
      level: e.level,
      metadata: blob.metadata,
      schema: {
        md5: schema.md5,
        structName: schema.structName,
        columns: schema.fields.map((f) => ({ name: f.name, type: f.type })),
      },
      values: e.values,
      ...(ticket !== undefined ? { ticket } : {}),
      requestId,
      receivedAt,
    };
  });
}

export async function handleIngestRequest(ctx: RequestContext, core: EmulatorCore): Promise<void> {
  const { req, res, url, entry } = ctx;
  if (req.method !== 'POST') {
    throw new ProtocolError(405, 'METHOD_NOT_ALLOWED', `ingestion expects POST, got ${req.method}`);
  }
  const check = core.tokens.check(bearerToken(req), ['ingestion']);
  if (!check.ok) throw new ProtocolError(401, check.problem!, `ingestion bearer token: ${check.message}`);
  const accept = req.headers.accept;
  if (!accept || !/application\/json|\*\/\*/.test(accept)) {
    throw new ProtocolError(400, 'BAD_HEADER', `header 'Accept' must accept application/json`, 'Accept');
  }
  const query = parseIngestQuery(url, check.claims!);
  entry.namespace = query.namespace;
  entry.event = query.event;
  entry.rowCount = query.rowCount;
  const body = await readBody(req, core.maxBodyBytes);
  core.store.counters.bytesReceived += body.length;
  if (body.length !== query.dataSize) {
    throw new ProtocolError(
      400,
      'DATA_SIZE_MISMATCH',
      `dataSize ${query.dataSize} but the body is ${body.length} bytes`,
      'dataSize',
    );
  }
  const blob = decode(core, body);
  checkBlobAgainstQuery(query, blob);
  const ticket = ctx.noTicket ? undefined : randomUUID();
  const events = toReceived(blob, query.namespace, entry.id, ticket);
  core.store.addEvents(events);
  for (const sink of core.sinks) sink(events);
  sendJson(res, 202, ticket !== undefined ? { ticket } : {});
}
