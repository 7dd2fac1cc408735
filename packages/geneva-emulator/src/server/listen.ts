// Creates and binds the node:http / node:https servers, tracking every socket so stop() is immediate.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export interface TlsMaterial {
  key: string;
  cert: string;
  ca: string;
  /** Ask for a client certificate (verified against `ca`). */
  requestCert: boolean;
  /** Refuse the handshake without a valid client certificate. */
  rejectUnauthorized: boolean;
}

export interface BoundServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Starts a server on `host:port` (0 = free port). */
export async function listen(
  host: string,
  port: number,
  listener: Listener,
  tls?: TlsMaterial,
): Promise<BoundServer> {
  const server: Server = tls
    ? createHttpsServer(
        {
          key: tls.key,
          cert: tls.cert,
          ca: tls.ca,
          requestCert: tls.requestCert,
          rejectUnauthorized: tls.rejectUnauthorized,
        },
        listener,
      )
    : createHttpServer(listener);
  server.keepAliveTimeout = 5_000;
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  let closing: Promise<void> | undefined;
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
