import { readFileSync } from 'node:fs';
import type { Blockchain, TransactionPool } from '@cairn/chain';
import { formatClientVersion, type RpcBackends } from '@cairn/rpc';
import type { BlockImporter } from '../chain/block-importer';
import type { NodeOptions } from '../cli/options';
import { devGenesisJson } from '../dev/dev-genesis';
import type { Logger } from '../logging/logger';
import { p2pNetworkConfig } from '../p2p/p2p-config';
import { P2pService } from '../p2p/p2p-service';
import { CAIRN_VERSION } from '../version';
import type { ChainSpec } from './chain-spec';

export interface P2pInputs {
  readonly spec: ChainSpec;
  readonly chain: Blockchain;
  readonly pool: TransactionPool;
  readonly importer: BlockImporter;
  readonly options: NodeOptions;
  readonly logger: Logger;
}

/**
 * The node's networking (discovery, RLPx and eth, full sync, block and transaction gossip), or
 * undefined under `--p2p-enabled=false`. Synced and announced blocks enter through the node's
 * importer, so the pool and the RPC subscriptions hear of every new head; the blocks the producer
 * seals reach the peers the same way.
 */
export function createP2p({ chain, pool, importer, options, logger }: P2pInputs): P2pService | undefined {
  const config = p2pNetworkConfig(options, formatClientVersion(CAIRN_VERSION));
  return config && new P2pService(config, { chain, pool, importer, log: logger });
}

/**
 * The RPC backends p2p adds to the node's: net_listening and net_peerCount, eth_syncing and the
 * `syncing` subscription from the sync, eth_protocolVersion, admin_nodeInfo (enode, ENR, ports,
 * the genesis config as given) and admin_peers, admin_addPeer, admin_removePeer.
 */
export function withP2pBackends(backends: RpcBackends, p2p: P2pService, { spec, chain, options }: Pick<P2pInputs, 'spec' | 'chain' | 'options'>): RpcBackends {
  const rpc = p2p.rpcBackends();
  return {
    ...backends,
    net: { ...backends.net, p2p: rpc.p2p },
    eth: { ...backends.eth, syncStatus: rpc.syncStatus, protocolVersion: rpc.protocolVersion },
    admin: { identity: rpc.identity, genesisHash: chain.genesis.hash(), genesisConfig: genesisConfigAsGiven(spec, options), totalDifficulty: async () => chain.headTotalDifficulty },
    peers: rpc.peers,
    events: { ...backends.events, syncing: rpc.syncing },
  };
}

/** The genesis `config` object as the genesis file (or the dev network's genesis) states it. */
function genesisConfigAsGiven(spec: ChainSpec, options: Pick<NodeOptions, 'genesis-file' | 'dev-block-period'>): Record<string, unknown> {
  const json = options['genesis-file'] !== '' ? (JSON.parse(readFileSync(options['genesis-file'], 'utf8')) as Record<string, unknown>) : devGenesisJson(spec.devAccounts, options['dev-block-period']);
  return (json.config ?? {}) as Record<string, unknown>;
}
