import { type RequestObserver, type RpcBackends, RpcServer, type StandardMethods, standardMethods } from '@cairn/rpc';
import type { NodeOptions } from '../cli/options';
import type { Service } from '../lifecycle/service';
import type { Logger } from '../logging/logger';

type RpcOptions = Pick<
  NodeOptions,
  | 'rpc-http-enabled' | 'rpc-http-host' | 'rpc-http-port' | 'rpc-http-api' | 'rpc-http-cors-origins' | 'host-allowlist'
  | 'rpc-http-max-request-content-length' | 'rpc-http-max-batch-size'
  | 'rpc-ws-enabled' | 'rpc-ws-host' | 'rpc-ws-port' | 'rpc-ws-api' | 'rpc-ws-max-active-connections' | 'rpc-ws-max-frame-size'
>;

/** The JSON-RPC service: the standard methods over the node's backends, on the enabled transports. */
export class RpcService implements Service {
  readonly name = 'JSON-RPC';
  readonly #server: RpcServer;
  readonly #methods: StandardMethods;

  constructor(server: RpcServer, methods: StandardMethods) {
    this.#server = server;
    this.#methods = methods;
  }

  async start(): Promise<void> {
    await this.#server.start();
  }

  /** Stops accepting requests and closes every connection; filters are dropped. */
  async stop(): Promise<void> {
    await this.#server.stop();
    this.#methods.close();
  }

  get httpUrl(): string | undefined {
    return this.#server.httpUrl;
  }

  get wsUrl(): string | undefined {
    return this.#server.wsUrl;
  }
}

/** The RPC service the options ask for (Besu's flags, see @cairn/rpc's README), or none when both transports are off. */
export function createRpc(options: RpcOptions, backends: RpcBackends, logger: Logger, observe?: RequestObserver): RpcService | undefined {
  if (!options['rpc-http-enabled'] && !options['rpc-ws-enabled']) return undefined;
  const methods = standardMethods(backends);
  const hostAllowlist = [...options['host-allowlist']];
  const server = new RpcServer({
    registry: methods.registry,
    http: options['rpc-http-enabled']
      ? {
          host: options['rpc-http-host'],
          port: options['rpc-http-port'],
          apis: [...options['rpc-http-api']],
          corsOrigins: [...options['rpc-http-cors-origins']],
          hostAllowlist,
          maxRequestContentLength: options['rpc-http-max-request-content-length'],
          maxBatchSize: options['rpc-http-max-batch-size'],
        }
      : undefined,
    ws: options['rpc-ws-enabled']
      ? {
          host: options['rpc-ws-host'],
          port: options['rpc-ws-port'],
          apis: [...options['rpc-ws-api']],
          hostAllowlist,
          maxBatchSize: options['rpc-http-max-batch-size'],
          maxActiveConnections: options['rpc-ws-max-active-connections'],
          maxFrameSize: options['rpc-ws-max-frame-size'],
        }
      : undefined,
    reportInternalError: (method, error) => logger.error(`JSON-RPC method ${method} failed`, error),
    observe,
  });
  return new RpcService(server, methods);
}
