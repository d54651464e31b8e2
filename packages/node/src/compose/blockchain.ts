import { Blockchain, type ConsensusEngine } from '@cairn/chain';
import type { Genesis } from '@cairn/common';
import type { Evm } from '@cairn/evm';
import type { KeyValueStore } from '@cairn/storage';
import type { NodeOptions } from '../cli/options';
import type { Service } from '../lifecycle/service';
import type { Logger } from '../logging/logger';

export interface BlockchainInputs {
  readonly store: KeyValueStore;
  readonly genesis: Genesis;
  readonly engine: ConsensusEngine;
  readonly evm: Evm;
  readonly options: Pick<NodeOptions, 'pruning-enabled' | 'pruning-blocks-retained'>;
  readonly logger: Logger;
}

/** The chain on the store, with state pruning as `--pruning-enabled` and `--pruning-blocks-retained` say. */
export function openBlockchain({ store, genesis, engine, evm, options, logger }: BlockchainInputs): Promise<Blockchain> {
  const pruning = {
    enabled: options['pruning-enabled'],
    blocksRetained: options['pruning-blocks-retained'],
    onError: (error: Error) => logger.error('state pruning stopped', error),
  };
  return Blockchain.open({ store, genesis, engine, evm, pruning });
}

/** Stops the chain's background work (imports in flight, pruning) before the store closes. */
export function blockchainService(chain: Blockchain): Service {
  return { name: 'blockchain', start: async () => {}, stop: () => chain.close() };
}
