import { RpcDispatcher } from '../../src/protocol/dispatcher';
import type { RpcMethod } from '../../src/registry/method';
import { MethodRegistry } from '../../src/registry/registry';

/** The JSON answer to a request. */
export interface Answer {
  readonly result?: any;
  readonly error?: { code: number; message: string; data?: unknown };
}

/**
 * Calls methods through a real dispatcher (envelope, parameter parsing, error mapping) without
 * sockets, for the tests of method modules; every API is enabled.
 */
export function localRpc(methods: RpcMethod[]): (method: string, params?: unknown[]) => Promise<Answer> {
  const registry = new MethodRegistry(methods);
  const dispatcher = new RpcDispatcher({
    registry,
    transport: 'http',
    apis: [...registry.namespaces()],
    maxBatchSize: 0,
    reportInternalError: (method, error) => {
      throw new Error(`${method} failed unexpectedly: ${error}`);
    },
  });
  return async (method, params = []) => {
    const { body } = await dispatcher.dispatch(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }), { transport: 'http' });
    return JSON.parse(body!);
  };
}
