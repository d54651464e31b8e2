import { parseEnode } from '@cairn/devp2p';
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
/** `--bootnodes`: enode URLs, each checked when the options are read. */
const enodeList = listKind((item) => {
  parseEnode(item);
  return item;
});
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
  'p2p-enabled': option('P2P', booleanKind, true, 'Enable peer-to-peer networking (discovery, sync, block and transaction gossip)'),
  'p2p-host': option('P2P', stringKind, '127.0.0.1', 'Address advertised to peers in the enode and node record (NAT may replace it)'),
  'p2p-interface': option('P2P', stringKind, '0.0.0.0', 'Interface the p2p TCP listener and UDP discovery bind to'),
  'p2p-port': option('P2P', port, 30303, 'Port of p2p TCP connections and UDP discovery'),
  'discovery-enabled': option('P2P', booleanKind, true, 'Find peers with discovery v4, starting from --bootnodes'),
  bootnodes: option('P2P', enodeList, [], 'Enode URLs of the nodes discovery starts from'),
  'max-peers': option('P2P', integerKind(0, 10_000), 25, 'Most peers connected at once'),
  'nat-method': option(
    'P2P',
    choiceKind(['AUTO', 'UPNP', 'NONE'] as const),
    'AUTO',
    'UPNP maps the p2p ports on a UPnP gateway and advertises its external address (failing without one); AUTO does so when a gateway answers within 5 s; NONE never looks',
  ),
  'node-private-key-file': option('P2P', stringKind, '', 'File holding the node private key in hex (default <data-path>/key, created when missing)'),
  'permissions-nodes-config-file-enabled': option('Permissioning', booleanKind, false, 'Only connect to the nodes in the nodes allowlist'),
  'permissions-nodes-config-file': option('Permissioning', stringKind, '', 'TOML file whose nodes-allowlist lists the permitted enode URLs (default <data-path>/permissions_config.toml)'),
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
