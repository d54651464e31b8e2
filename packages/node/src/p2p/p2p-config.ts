import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesToHex, ConfigError } from '@cairn/common';
import { NodeAllowlist, parseEnode } from '@cairn/devp2p';
import type { NodeOptions } from '../cli/options';
import { defaultNodeKeyPath, loadOrCreateNodeKey } from './node-key';
import type { P2pNetworkConfig } from './p2p-network';

/** The options the p2p network is configured from. */
export type P2pOptions = Pick<
  NodeOptions,
  | 'data-path'
  | 'p2p-enabled'
  | 'p2p-host'
  | 'p2p-interface'
  | 'p2p-port'
  | 'discovery-enabled'
  | 'bootnodes'
  | 'max-peers'
  | 'nat-method'
  | 'node-private-key-file'
  | 'permissions-nodes-config-file-enabled'
  | 'permissions-nodes-config-file'
>;

/** Where Besu looks for the permissions file when none is named: `<data-path>/permissions_config.toml`. */
export function defaultPermissionsPath(dataPath: string): string {
  return join(dataPath, 'permissions_config.toml');
}

/**
 * The p2p network's configuration from the node's options, or undefined under
 * `--p2p-enabled=false`. Reads (or creates) the node key and reads the nodes allowlist; a
 * missing or malformed allowlist, or a bootnode the allowlist does not permit (Besu refuses to
 * start then too), is a `ConfigError`. With `--p2p-port=0` NAT is off (AUTO) or refused (UPNP).
 */
export function p2pNetworkConfig(options: P2pOptions, clientId: string, readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): P2pNetworkConfig | undefined {
  if (!options['p2p-enabled']) return undefined;
  const dataPath = options['data-path'];
  const privateKey = loadOrCreateNodeKey(options['node-private-key-file'] || defaultNodeKeyPath(dataPath));
  const bootnodes = options.bootnodes.map((url) => parseEnode(url));
  const allowlist = options['permissions-nodes-config-file-enabled'] ? readAllowlist(options['permissions-nodes-config-file'] || defaultPermissionsPath(dataPath), readFile) : undefined;
  if (allowlist) {
    const refused = bootnodes.filter((b) => !allowlist.permits(b.id, b.address, b.tcpPort));
    if (refused.length > 0) {
      throw new ConfigError('--bootnodes: not in the nodes allowlist', refused.map((b) => `${bytesToHex(b.id).slice(2, 18)}… at ${b.address}:${b.tcpPort}`));
    }
  }
  // A port the system picks is known only once bound, after NAT has run: there is nothing to map.
  const port = options['p2p-port'];
  if (port === 0 && options['nat-method'] === 'UPNP') throw new ConfigError('--nat-method=UPNP needs a fixed --p2p-port to map (not 0)');
  return {
    privateKey,
    host: options['p2p-host'],
    listenInterface: options['p2p-interface'],
    port,
    discovery: options['discovery-enabled'],
    bootnodes,
    maxPeers: options['max-peers'],
    natMethod: port === 0 ? 'NONE' : options['nat-method'],
    allowlist,
    clientId,
  };
}

function readAllowlist(path: string, readFile: (path: string) => string): NodeAllowlist {
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    throw new ConfigError(`--permissions-nodes-config-file: cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return NodeAllowlist.fromToml(text);
  } catch (error) {
    throw new ConfigError(`--permissions-nodes-config-file: ${path}: ${(error as Error).message}`);
  }
}
