import type { NodeOptions } from './options';

/**
 * Defaults a predefined network sets, between the global defaults and anything the user gives.
 * The development network opens JSON-RPC over HTTP and WebSocket with every API, as local
 * development tools expect a node they can talk to at once. Peer-to-peer networking is off: a
 * development chain is one node sealing its own blocks, and it should neither look for peers
 * nor take port 30303. (Development nodes joined with --p2p-enabled would each seal their own
 * blocks: nothing yet lets only one of them produce, as Besu's --miner-enabled does.)
 */
export const NETWORK_DEFAULTS: Readonly<Record<NodeOptions['network'], Partial<NodeOptions>>> = {
  dev: {
    'rpc-http-enabled': true,
    'rpc-ws-enabled': true,
    'rpc-http-api': ['ETH', 'NET', 'WEB3', 'TXPOOL', 'DEBUG', 'ADMIN'],
    'rpc-ws-api': ['ETH', 'NET', 'WEB3', 'TXPOOL', 'DEBUG', 'ADMIN'],
    'host-allowlist': ['*'],
    'rpc-http-cors-origins': ['*'],
    'min-gas-price': 0n,
    'p2p-enabled': false,
  },
};
