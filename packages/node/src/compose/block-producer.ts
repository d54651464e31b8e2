import type { Blockchain, ConsensusEngine, TransactionPool } from '@cairn/chain';
import { hexToBytes } from '@cairn/common';
import type { BlockImporter } from '../chain/block-importer';
import type { NodeOptions } from '../cli/options';
import { DevBlockProducer } from '../dev/dev-block-producer';
import type { Logger } from '../logging/logger';

export interface BlockProducerInputs {
  readonly chain: Blockchain;
  readonly engine: ConsensusEngine;
  readonly pool: TransactionPool;
  readonly importer: BlockImporter;
  readonly options: Pick<NodeOptions, 'dev-block-period' | 'miner-coinbase'>;
  readonly logger: Logger;
  readonly clock: () => number;
}

/**
 * The development chain's block producer; other engines produce no blocks in this node (their
 * blocks come from peers), so there is none for them.
 */
export function createBlockProducer({ chain, engine, pool, importer, options, logger, clock }: BlockProducerInputs): DevBlockProducer | undefined {
  if (engine.name !== 'dev' || engine.producer === undefined) return undefined;
  return new DevBlockProducer({
    chain,
    producer: engine.producer,
    pool,
    importer,
    coinbase: hexToBytes(options['miner-coinbase']),
    periodSeconds: options['dev-block-period'],
    logger,
    clock,
  });
}
