import { ConfigError } from '@cairn/common';
import { z } from 'zod';

/** Besu's API namespaces (`RpcApis`); a transport's API list must name only these or registered ones. */
export const KNOWN_APIS = [
  'ADMIN', 'CLIQUE', 'DEBUG', 'EEA', 'ENGINE', 'ETH', 'IBFT', 'MINER', 'NET', 'PERM', 'PLUGINS', 'PRIV', 'QBFT', 'TRACE', 'TXPOOL', 'WEB3',
] as const;

/** Besu's defaults (`DefaultCommandValues`, `JsonRpcConfiguration`, `WebSocketConfiguration`). */
export const RPC_DEFAULTS = {
  host: '127.0.0.1',
  httpPort: 8545,
  wsPort: 8546,
  apis: ['ETH', 'NET', 'WEB3'],
  hostAllowlist: ['localhost', '127.0.0.1'],
  maxRequestContentLength: 5 * 1024 * 1024,
  maxBatchSize: 1024,
  maxActiveConnections: 80,
  maxFrameSize: 1024 * 1024,
  /** Cairn's own: Besu has no per-connection cap on subscriptions. */
  maxSubscriptionsPerConnection: 1000,
  /** Cairn's own: a WebSocket whose unsent output grows past this is closed (a client that stopped reading). */
  maxBufferedBytes: 16 * 1024 * 1024,
} as const;

const Port = z.number().int().min(0).max(65535);
const Positive = z.number().int().positive();
const NonNegative = z.number().int().min(0);
const Names = z.array(z.string().min(1));

const Common = {
  host: z.string().min(1).default(RPC_DEFAULTS.host),
  apis: Names.default([...RPC_DEFAULTS.apis]),
  /** Host header values accepted; `*` accepts any (Besu's --host-allowlist). */
  hostAllowlist: Names.default([...RPC_DEFAULTS.hostAllowlist]),
  /** 0 for no limit. */
  maxBatchSize: NonNegative.default(RPC_DEFAULTS.maxBatchSize),
  maxActiveConnections: Positive.default(RPC_DEFAULTS.maxActiveConnections),
};

const HttpSchema = z.strictObject({
  ...Common,
  port: Port.default(RPC_DEFAULTS.httpPort),
  /** Origins allowed to make cross-origin requests; `*` allows any; empty allows none (Besu's --rpc-http-cors-origins). */
  corsOrigins: Names.default([]),
  maxRequestContentLength: Positive.default(RPC_DEFAULTS.maxRequestContentLength),
});

const WsSchema = z.strictObject({
  ...Common,
  port: Port.default(RPC_DEFAULTS.wsPort),
  /** Largest WebSocket message; a larger one closes the connection (Besu's --rpc-ws-max-frame-size). */
  maxFrameSize: Positive.default(RPC_DEFAULTS.maxFrameSize),
  maxBufferedBytes: Positive.default(RPC_DEFAULTS.maxBufferedBytes),
});

export type HttpOptions = z.output<typeof HttpSchema>;
export type WsOptions = z.output<typeof WsSchema>;
export type HttpOptionsInput = z.input<typeof HttpSchema>;
export type WsOptionsInput = z.input<typeof WsSchema>;

function resolve<S extends z.ZodType>(schema: S, input: unknown, what: string, extraApis: Iterable<string>): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    throw new ConfigError(`invalid ${what} options`, result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const known = new Set<string>([...KNOWN_APIS, ...[...extraApis].map((a) => a.toUpperCase())]);
  const unknown = (result.data as { apis: string[] }).apis.filter((api) => !known.has(api.toUpperCase()));
  if (unknown.length > 0) throw new ConfigError(`invalid ${what} options`, [`apis: unknown API ${unknown.join(', ')}`]);
  return result.data;
}

/** Full HTTP options from a partial object; `extraApis` are namespaces registered beyond Besu's. */
export function resolveHttpOptions(input: HttpOptionsInput | undefined, extraApis: Iterable<string> = []): HttpOptions {
  return resolve(HttpSchema, input, 'JSON-RPC HTTP', extraApis);
}

export function resolveWsOptions(input: WsOptionsInput | undefined, extraApis: Iterable<string> = []): WsOptions {
  return resolve(WsSchema, input, 'JSON-RPC WebSocket', extraApis);
}
