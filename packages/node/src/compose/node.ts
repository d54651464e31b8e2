import type { Blockchain, ConsensusEngine, TransactionPool } from '@cairn/chain';
import { Evm, precompilesFor } from '@cairn/evm';
import type { LevelDbStore } from '@cairn/storage';
import { BlockImporter } from '../chain/block-importer';
import type { NodeOptions } from '../cli/options';
import type { DevBlockProducer } from '../dev/dev-block-producer';
import { type Service, ServiceGroup } from '../lifecycle/service';
import type { Logger } from '../logging/logger';
import type { MetricsService } from '../metrics/metrics-service';
import type { P2pService } from '../p2p/p2p-service';
import { ChainEventChannels } from '../rpc-backends/chain-events';
import { createBlockProducer } from './block-producer';
import { blockchainService, openBlockchain } from './blockchain';
import { type ChainSpec, chainSpecOf } from './chain-spec';
import { databaseService, openDatabase } from './database';
import { engineFor } from './engine';
import { createMetrics, rpcObserver } from './metrics';
import { createP2p, withP2pBackends } from './p2p';
import { createRpc, type RpcService } from './rpc';
import { rpcBackends } from './rpc-backends';
import { createTxPool, txPoolService } from './txpool';

/** Every component of a running node, for the banner, tests and whatever is composed on top. */
export interface NodeComponents {
  readonly spec: ChainSpec;
  readonly store: LevelDbStore;
  readonly engine: ConsensusEngine;
  readonly chain: Blockchain;
  readonly importer: BlockImporter;
  readonly pool: TransactionPool;
  readonly events: ChainEventChannels;
  readonly producer: DevBlockProducer | undefined;
  readonly p2p: P2pService | undefined;
  readonly rpc: RpcService | undefined;
  readonly metrics: MetricsService | undefined;
}

/** A composed node: `start` launches its services in order, `stop` stops them in reverse and closes the store. */
export interface CairnNode {
  readonly components: NodeComponents;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface NodeContext {
  readonly logger: Logger;
  /** Milliseconds since the epoch; `Date.now` by default. */
  readonly clock?: () => number;
}

/**
 * The composition root: opens the store and the chain, then builds the transaction pool, the
 * block producer, peer-to-peer networking and sync, the RPC service and metrics around them, each
 * by its own factory with plain constructor injection. Nothing listens or produces until `start`.
 * The services start in dependency order (database, chain, pool, producer, p2p, RPC, metrics) and
 * stop in reverse, so that RPC stops taking work first, the sync and the producer finish the block
 * in hand, and the store closes last.
 */
export async function composeNode(options: NodeOptions, context: NodeContext): Promise<CairnNode> {
  const { logger } = context;
  const clock = context.clock ?? Date.now;
  const spec = chainSpecOf(options);
  const engine = engineFor(spec.genesis.config);
  const store = await openDatabase(options['data-path']);
  const evm = new Evm({ precompiles: precompilesFor });
  const chain = await openBlockchain({ store, genesis: spec.genesis, engine, evm, options, logger: logger.child('chain') }).catch(async (error) => {
    await store.close();
    throw error;
  });
  try {
    return assemble(options, { spec, engine, store, chain, evm, logger, clock });
  } catch (error) {
    await chain.close();
    await store.close();
    throw error;
  }
}

interface OpenedParts {
  readonly spec: ChainSpec;
  readonly engine: ConsensusEngine;
  readonly store: LevelDbStore;
  readonly chain: Blockchain;
  readonly evm: Evm;
  readonly logger: Logger;
  readonly clock: () => number;
}

/** Builds the components around the open chain (throws `ConfigError` for options no component accepts). */
function assemble(options: NodeOptions, { spec, engine, store, chain, evm, logger, clock }: OpenedParts): CairnNode {
  const importer = new BlockImporter(chain, logger.child('chain'));
  const pool = createTxPool({ chain, importer, options, logger: logger.child('txpool'), clock });
  const events = new ChainEventChannels(chain, logger.child('rpc'));
  events.followPool(pool);
  importer.onHeadChange((change) => events.publish(change));
  const producer = createBlockProducer({ chain, engine, pool, importer, options, logger: logger.child('producer'), clock });
  const p2p = createP2p({ spec, chain, pool, importer, options, logger: logger.child('p2p') });
  const metrics = createMetrics({ chain, importer, pool, options, p2p });
  const chainBackends = rpcBackends({ chain, engine, evm, pool, events, producer, options });
  const backends = p2p ? withP2pBackends(chainBackends, p2p, { spec, chain, options }) : chainBackends;
  const rpc = createRpc(options, backends, logger.child('rpc'), metrics && rpcObserver(metrics.metrics));

  const services: Service[] = [databaseService(store), blockchainService(chain), txPoolService(pool, logger.child('txpool'))];
  if (producer) services.push(producer);
  if (p2p) services.push(p2p);
  if (rpc) services.push(rpc);
  if (metrics) services.push(metrics.service);
  const group = new ServiceGroup((service, error) => logger.error(`${service.name} did not stop cleanly`, error));
  return {
    components: { spec, store, engine, chain, importer, pool, events, producer, p2p, rpc, metrics: metrics?.service },
    start: () => group.start(services),
    stop: () => group.stop(),
  };
}
