import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { invalidRequest } from '../errors/json-rpc-error';
import { errorResponse } from '../protocol/envelope';
import type { InternalErrorReporter, RpcDispatcher } from '../protocol/dispatcher';
import { BodyTooLargeError, readBody } from './body-reader';
import { CorsPolicy } from './cors';
import { HostAllowlist } from './host-allowlist';
import { close, listen } from './listen';
import type { HttpOptions } from './options';

/** How long a connection refused for an oversized body may linger to let the 413 reach the client. */
const LINGER_AFTER_REFUSAL_MS = 2000;

function sendJson(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  response.end(body);
}

/**
 * JSON-RPC over HTTP on node:http: POST / carries requests; the Host header must pass the
 * allowlist and a cross-origin request must come from an allowed origin (checked on every request,
 * not only on preflight); GET / answers 201 for liveness probes as Besu's does.
 */
export class HttpRpcServer {
  readonly #options: HttpOptions;
  readonly #dispatcher: RpcDispatcher;
  readonly #hosts: HostAllowlist;
  readonly #cors: CorsPolicy;
  readonly #server: Server;

  constructor(options: HttpOptions, dispatcher: RpcDispatcher, report: InternalErrorReporter) {
    this.#options = options;
    this.#dispatcher = dispatcher;
    this.#hosts = new HostAllowlist(options.hostAllowlist);
    this.#cors = new CorsPolicy(options.corsOrigins);
    this.#server = createServer((request, response) => {
      this.#handle(request, response).catch((error) => {
        // Only a broken socket gets here (the dispatcher answers every handler failure).
        report('http', error);
        response.destroy();
      });
    });
    this.#server.maxConnections = options.maxActiveConnections;
  }

  listen(): Promise<AddressInfo> {
    return listen(this.#server, this.#options.host, this.#options.port);
  }

  close(): Promise<void> {
    return close(this.#server);
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!this.#hosts.allows(request.headers.host)) {
      request.resume();
      return sendJson(response, 403, '{"message":"Host not authorized."}');
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !this.#cors.allows(origin)) {
      request.resume();
      return sendJson(response, 403, '{"message":"CORS Rejected - Invalid origin"}');
    }
    const cors = origin === undefined ? {} : this.#cors.responseHeaders(origin);
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/') {
      request.resume();
      return sendJson(response, 404, '{"message":"Not found: JSON-RPC is served at /"}', cors);
    }
    if (request.method === 'OPTIONS' && origin !== undefined) {
      request.resume();
      response.writeHead(204, this.#cors.preflightHeaders(origin, request.headers['access-control-request-headers']));
      return void response.end();
    }
    if (request.method === 'GET') {
      request.resume();
      response.writeHead(201, cors);
      return void response.end();
    }
    if (request.method !== 'POST') {
      request.resume();
      return sendJson(response, 405, '{"message":"Method not allowed: use POST"}', { ...cors, allow: 'GET, POST, OPTIONS' });
    }
    await this.#serve(request, response, cors);
  }

  async #serve(request: IncomingMessage, response: ServerResponse, cors: Record<string, string>): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(request, this.#options.maxRequestContentLength);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return this.#refuseTooLarge(request, response, error, cors);
      return void request.socket.destroy();
    }
    const result = await this.#dispatcher.dispatch(body.toString('utf8'), { transport: 'http' });
    if (response.destroyed) return;
    if (result.body === undefined) {
      response.writeHead(204, cors);
      return void response.end();
    }
    sendJson(response, result.status, result.body, cors);
  }

  /** Answers 413 and closes the connection, discarding (never storing) what is still arriving. */
  #refuseTooLarge(request: IncomingMessage, response: ServerResponse, error: BodyTooLargeError, cors: Record<string, string>): void {
    request.resume();
    response.on('finish', () => setTimeout(() => request.socket.destroy(), LINGER_AFTER_REFUSAL_MS).unref());
    sendJson(response, 413, errorResponse(null, invalidRequest(error.message).toJSON()), { ...cors, connection: 'close' });
  }
}
