import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { InternalErrorReporter, RpcDispatcher } from '../protocol/dispatcher';
import { HostAllowlist } from './host-allowlist';
import { close, listen } from './listen';
import type { WsOptions } from './options';
import { WsConnection } from './ws-connection';

/** Writes a plain HTTP refusal on a socket that asked for an upgrade, then closes it. */
function refuseUpgrade(socket: Duplex, status: number, reason: string, message: string): void {
  const body = JSON.stringify({ message });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/**
 * JSON-RPC over WebSocket (`ws`) on its own port. The Host header of the upgrade must pass the
 * allowlist; beyond `maxActiveConnections` new clients are refused with 503; a message larger than
 * `maxFrameSize` closes its connection (1009), as Besu disconnects such clients.
 */
export class WsRpcServer {
  readonly #options: WsOptions;
  readonly #dispatcher: RpcDispatcher;
  readonly #hosts: HostAllowlist;
  readonly #server: Server;
  readonly #wss: WebSocketServer;
  #nextConnectionId = 1;
  /** Upgrades accepted and not yet closed, counted from the raw socket so handshakes in flight count too. */
  #active = 0;

  readonly #report: InternalErrorReporter;

  constructor(options: WsOptions, dispatcher: RpcDispatcher, report: InternalErrorReporter) {
    this.#options = options;
    this.#dispatcher = dispatcher;
    this.#report = report;
    this.#hosts = new HostAllowlist(options.hostAllowlist);
    this.#wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameSize });
    this.#server = createServer((request, response) => {
      request.resume();
      response.writeHead(426, { upgrade: 'websocket', 'content-type': 'application/json' });
      response.end('{"message":"Upgrade required: this port serves JSON-RPC over WebSocket"}');
    });
    this.#server.on('upgrade', (request, socket, head) => this.#upgrade(request, socket, head));
  }

  /** Open WebSocket connections (and handshakes under way). */
  get connectionCount(): number {
    return this.#active;
  }

  listen(): Promise<AddressInfo> {
    return listen(this.#server, this.#options.host, this.#options.port);
  }

  async close(): Promise<void> {
    for (const client of this.#wss.clients) client.terminate();
    await close(this.#server);
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    if (!this.#hosts.allows(request.headers.host)) {
      refuseUpgrade(socket, 403, 'Forbidden', 'Host not authorized.');
      return;
    }
    if (this.#active >= this.#options.maxActiveConnections) {
      const limit = this.#options.maxActiveConnections;
      refuseUpgrade(socket, 503, 'Service Unavailable', `Too many WebSocket connections: the limit is ${limit}`);
      return;
    }
    this.#active++;
    socket.once('close', () => this.#active--);
    this.#wss.handleUpgrade(request, socket, head, (ws) => {
      new WsConnection(this.#nextConnectionId++, ws, this.#dispatcher, this.#options.maxBufferedBytes, this.#report);
    });
  }
}
