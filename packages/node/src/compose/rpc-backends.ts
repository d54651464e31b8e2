import type { Blockchain, ConsensusEngine, TransactionPool } from '@cairn/chain';
import { hexToBytes } from '@cairn/common';
import type { Evm } from '@cairn/evm';
import { formatClientVersion, type RpcBackends } from '@cairn/rpc';
import type { NodeOptions } from '../cli/options';
import type { DevBlockProducer } from '../dev/dev-block-producer';
import { EvmCallExecutor } from '../rpc-backends/call-executor';
import type { ChainEventChannels } from '../rpc-backends/chain-events';
import { BlockchainReader } from '../rpc-backends/chain-reader';
import { PoolAccess } from '../rpc-backends/pool-access';
import { WorldStateProofReader } from '../rpc-backends/proof-reader';
import { WorldStateReader } from '../rpc-backends/state-reader';
import { CAIRN_VERSION } from '../version';
import { finalityOf } from './engine';

export interface RpcBackendInputs {
  readonly chain: Blockchain;
  readonly engine: ConsensusEngine;
  readonly evm: Evm;
  readonly pool: TransactionPool;
  readonly events: ChainEventChannels;
  readonly producer: DevBlockProducer | undefined;
  readonly options: Pick<NodeOptions, 'min-gas-price' | 'miner-coinbase'>;
}

/**
 * Everything the RPC methods read, over the node's chain components. Without peer-to-peer
 * networking (`--p2p-enabled=false`, the dev network's default) the NET API reports it disabled
 * (Besu's answer), eth_protocolVersion, admin_nodeInfo and the admin peer methods stay
 * unregistered, and eth_syncing is `false`; with it, `withP2pBackends` (compose/p2p.ts) adds them.
 */
export function rpcBackends({ chain, engine, evm, pool, events, producer, options }: RpcBackendInputs): RpcBackends {
  const chainId = chain.config.chainId;
  const coinbase = hexToBytes(options['miner-coinbase']);
  return {
    clientVersion: formatClientVersion(CAIRN_VERSION),
    net: { networkId: () => chainId },
    eth: {
      chainId: () => chainId,
      syncStatus: () => null,
      miner: producer && { isMining: () => true, coinbase: () => coinbase },
    },
    chain: { reader: new BlockchainReader(chain, finalityOf(engine, chain)), config: chain.config },
    state: new WorldStateReader(chain),
    executor: new EvmCallExecutor(chain, evm),
    proofs: new WorldStateProofReader(chain),
    pool: new PoolAccess(pool),
    events: { heads: events.heads, logs: events.logs, pendingTransactions: events.pendingTransactions, syncing: events.syncing },
    settings: { gasPrice: { minGasPrice: options['min-gas-price'] } },
  };
}
