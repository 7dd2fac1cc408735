// Small helpers on node:http: JSON answers, bounded body reading, JSON encoding of bigint values.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProtocolError } from './protocol-error.js';

/** JSON.stringify that writes bigint values as strings. */
export function toJson(value: unknown, space?: number): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), space);
}

/** Sends a JSON answer (unless the socket is gone). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const text = toJson(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Reads the whole body; a body above `maxBytes` is a 413 (the connection is closed after the answer). */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) {
    return Promise.reject(
      new ProtocolError(
        413,
        'BODY_TOO_LARGE',
        `body of ${declared} bytes exceeds the ${maxBytes}-byte limit`,
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) {
        failed = true;
        reject(new ProtocolError(413, 'BODY_TOO_LARGE', `body exceeds the ${maxBytes}-byte limit`));
        return;
      }
      chunks.push(chunk);
    });
    let ended = false;
    req.on('end', () => {
      ended = true;
      if (!failed) resolve(Buffer.concat(chunks, size));
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
      failed = true;
    });
    // A client that goes away mid-body must not leave the handler waiting forever.
    req.on('close', () => {
      if (!ended && !failed) {
        failed = true;
        reject(new ProtocolError(400, 'BAD_BODY', 'connection closed before the body was complete'));
      }
    });
  });
}

/** Reads a small JSON or form body (control API, token endpoint). */
export async function readText(req: IncomingMessage, maxBytes = 1024 * 1024): Promise<string> {
  return (await readBody(req, maxBytes)).toString('utf8');
}

/** The bearer token of an `Authorization` header, if any. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
