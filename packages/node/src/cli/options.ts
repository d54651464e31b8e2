import { addressKind, booleanKind, choiceKind, integerKind, listKind, type OptionKind, stringKind, weiKind } from './option-kinds';

/** One option of the `cairn` command, with Besu's name and default where Besu has one. */
export interface OptionSpec<T> {
  readonly kind: OptionKind<T>;
  readonly defaultValue: T;
  readonly description: string;
  readonly group: string;
}

function option<T>(group: string, kind: OptionKind<T>, defaultValue: T, description: string): OptionSpec<T> {
  return { kind, defaultValue, description, group };
}

const port = integerKind(0, 65535);
const LOG_LEVELS = ['OFF', 'FATAL', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE', 'ALL'] as const;
const RPC_APIS = ['ETH', 'NET', 'WEB3', 'TXPOOL', 'DEBUG', 'ADMIN'] as const;
const apiList = listKind((item) => {
  const upper = item.toUpperCase();
  if (!(RPC_APIS as readonly string[]).includes(upper)) throw new Error(`unknown API ${JSON.stringify(item)} (known: ${RPC_APIS.join(', ')})`);
  return upper;
});

/**
 * Every option, by flag name without the leading dashes. Values come from, in order of
 * precedence: the command line, `CAIRN_<NAME>` environment variables, the `--config-file` TOML
 * file, the network's own defaults (see `networks.ts`), and the defaults here.
 */
export const OPTIONS = {
  'config-file': option('Node', stringKind, '', 'TOML file of options (keys are the flag names without dashes)'),
  'data-path': option('Node', stringKind, './data', 'Folder for the database and node files'),
  'genesis-file': option('Node', stringKind, '', 'Genesis file (geth/Besu format); overrides --network'),
  network: option('Node', choiceKind(['dev'] as const), 'dev', 'Predefined network: dev (a single-node development chain)'),
  logging: option('Node', choiceKind(LOG_LEVELS), 'INFO', 'Log level'),
  'miner-coinbase': option('Development', addressKind, '0x0000000000000000000000000000000000000000', 'Address the produced blocks pay their priority fees to'),
  'dev-block-period': option('Development', integerKind(0, 86400), 0, 'Seconds between development blocks; 0 seals as soon as transactions are pending'),
  'rpc-http-enabled': option('JSON-RPC', booleanKind, false, 'Enable the JSON-RPC HTTP service'),
  'rpc-http-host': option('JSON-RPC', stringKind, '127.0.0.1', 'Host the JSON-RPC HTTP service listens on'),
  'rpc-http-port': option('JSON-RPC', port, 8545, 'Port of the JSON-RPC HTTP service'),
  'rpc-http-api': option('JSON-RPC', apiList, ['ETH', 'NET', 'WEB3'], `APIs enabled over HTTP (${RPC_APIS.join(', ')})`),
  'rpc-http-cors-origins': option('JSON-RPC', listKind(), [], 'Origins allowed to call the HTTP service from a browser ("*" for any)'),
  'host-allowlist': option('JSON-RPC', listKind(), ['localhost', '127.0.0.1'], 'Host names accepted in the Host header ("*" for any)'),
  'rpc-http-max-request-content-length': option('JSON-RPC', integerKind(1, 2 ** 31), 5 * 1024 * 1024, 'Largest HTTP request body in bytes'),
  'rpc-http-max-batch-size': option('JSON-RPC', integerKind(1, 1_000_000), 1024, 'Most requests in one batch'),
  'rpc-ws-enabled': option('JSON-RPC', booleanKind, false, 'Enable the JSON-RPC WebSocket service'),
  'rpc-ws-host': option('JSON-RPC', stringKind, '127.0.0.1', 'Host the WebSocket service listens on'),
  'rpc-ws-port': option('JSON-RPC', port, 8546, 'Port of the WebSocket service'),
  'rpc-ws-api': option('JSON-RPC', apiList, ['ETH', 'NET', 'WEB3'], 'APIs enabled over WebSocket'),
  'rpc-ws-max-active-connections': option('JSON-RPC', integerKind(1, 1_000_000), 80, 'Most open WebSocket connections'),
  'rpc-ws-max-frame-size': option('JSON-RPC', integerKind(1, 2 ** 31), 1024 * 1024, 'Largest WebSocket message in bytes'),
  'metrics-enabled': option('Metrics', booleanKind, false, 'Serve Prometheus metrics'),
  'metrics-host': option('Metrics', stringKind, '127.0.0.1', 'Host of the metrics service'),
  'metrics-port': option('Metrics', port, 9545, 'Port of the metrics service'),
  'min-gas-price': option('Transaction pool', weiKind, 1000n, 'Lowest gas price (wei) a transaction may pay to enter the pool and be mined'),
  'tx-pool-max-size': option('Transaction pool', integerKind(1, 10_000_000), 4096, 'Most transactions the pool holds'),
  'tx-pool-price-bump': option('Transaction pool', integerKind(0, 1000), 10, 'Percent a replacement must raise the fees by'),
  'pruning-enabled': option('Storage', booleanKind, false, 'Delete world-state nodes no longer reachable from retained blocks'),
  'pruning-blocks-retained': option('Storage', integerKind(1, 10_000_000), 1024, 'Blocks whose state stays readable when pruning'),
} satisfies Record<string, OptionSpec<unknown>>;

export type OptionName = keyof typeof OPTIONS;

/** The resolved value of every option. */
export type NodeOptions = { -readonly [K in OptionName]: (typeof OPTIONS)[K]['defaultValue'] };

/** `rpc-http-port` → `CAIRN_RPC_HTTP_PORT`. */
export function envName(option: string): string {
  return `CAIRN_${option.toUpperCase().replaceAll('-', '_')}`;
}
