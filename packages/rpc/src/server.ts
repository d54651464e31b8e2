import type { AddressInfo } from 'node:net';
import { type InternalErrorReporter, RpcDispatcher, type RequestObserver } from './protocol/dispatcher';
import type { Transport } from './registry/method';
import type { MethodRegistry } from './registry/registry';
import { HttpRpcServer } from './transport/http-server';
import { type HttpOptionsInput, resolveHttpOptions, resolveWsOptions, type WsOptionsInput } from './transport/options';
import { WsRpcServer } from './transport/ws-server';

export interface RpcServerOptions {
  /** The methods this node offers. */
  readonly registry: MethodRegistry;
  /** HTTP transport options; the transport is off when absent (Besu's --rpc-http-enabled). */
  readonly http?: HttpOptionsInput;
  /** WebSocket transport options; the transport is off when absent (Besu's --rpc-ws-enabled). */
  readonly ws?: WsOptionsInput;
  /** Where unexpected handler failures go; clients see only -32603. Defaults to console.error. */
  readonly reportInternalError?: InternalErrorReporter;
  /** Longest a handler may run before the request is answered "Timeout expired" (default 30 s, as Besu). */
  readonly requestTimeoutMs?: number;
  /** Told of every answered request: method, outcome and seconds (the node's metrics). */
  readonly observe?: RequestObserver;
}

const consoleReporter: InternalErrorReporter = (method, error) => console.error(`JSON-RPC method ${method} failed:`, error);

/**
 * The JSON-RPC service: an HTTP and a WebSocket transport over one method registry, each with its
 * own API list and limits. Options are validated when it is constructed (a ConfigError names
 * every bad field), so a misconfigured node fails before it listens.
 */
export class RpcServer {
  readonly #http?: HttpRpcServer;
  readonly #ws?: WsRpcServer;
  #httpAddress?: AddressInfo;
  #wsAddress?: AddressInfo;

  constructor(options: RpcServerOptions) {
    const reportInternalError = options.reportInternalError ?? consoleReporter;
    const namespaces = options.registry.namespaces();
    const { registry, requestTimeoutMs, observe } = options;
    const dispatcher = (transport: Transport, { apis, maxBatchSize }: { apis: string[]; maxBatchSize: number }) =>
      new RpcDispatcher({ registry, transport, apis, maxBatchSize, reportInternalError, requestTimeoutMs, observe });
    if (options.http !== undefined) {
      const http = resolveHttpOptions(options.http, namespaces);
      this.#http = new HttpRpcServer(http, dispatcher('http', http), reportInternalError);
    }
    if (options.ws !== undefined) {
      const ws = resolveWsOptions(options.ws, namespaces);
      this.#ws = new WsRpcServer(ws, dispatcher('ws', ws), reportInternalError);
    }
  }

  /** Starts the enabled transports; on failure (a port in use) stops whatever had started. */
  async start(): Promise<{ http?: AddressInfo; ws?: AddressInfo }> {
    try {
      this.#httpAddress = await this.#http?.listen();
      this.#wsAddress = await this.#ws?.listen();
    } catch (error) {
      await this.stop();
      throw error;
    }
    return { http: this.#httpAddress, ws: this.#wsAddress };
  }

  async stop(): Promise<void> {
    await Promise.all([this.#http?.close(), this.#ws?.close()]);
  }

  /** `http://host:port` of the HTTP transport once started. */
  get httpUrl(): string | undefined {
    return this.#httpAddress && `http://${formatHost(this.#httpAddress)}`;
  }

  /** `ws://host:port` of the WebSocket transport once started. */
  get wsUrl(): string | undefined {
    return this.#wsAddress && `ws://${formatHost(this.#wsAddress)}`;
  }

  /** Open WebSocket connections. */
  get wsConnectionCount(): number {
    return this.#ws?.connectionCount ?? 0;
  }
}

function formatHost(address: AddressInfo): string {
  return address.family === 'IPv6' ? `[${address.address}]:${address.port}` : `${address.address}:${address.port}`;
}
