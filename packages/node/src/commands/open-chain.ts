import type { Blockchain } from '@cairn/chain';
import { Evm, precompilesFor } from '@cairn/evm';
import type { NodeOptions } from '../cli/options';
import { openBlockchain } from '../compose/blockchain';
import { chainSpecOf } from '../compose/chain-spec';
import { openDatabase } from '../compose/database';
import { engineFor } from '../compose/engine';
import { createLogger, type Logger } from '../logging/logger';

/** The chain a block command works on: its genesis (a file, or the network's), data and pruning. */
export interface ChainLocation {
  /** `--genesis-file`; empty for the `--network`'s own genesis. */
  readonly genesisFile: string;
  /** `--network`, whose genesis is used when there is no genesis file (dev when not given). */
  readonly network?: NodeOptions['network'];
  /** `--data-path`; the database is its `database` folder. */
  readonly dataPath: string;
  /** `--pruning-enabled` and `--pruning-blocks-retained`, as the node that owns the store uses them. */
  readonly pruning?: Pick<NodeOptions, 'pruning-enabled' | 'pruning-blocks-retained'>;
}

/** The chain location of resolved node options. */
export function chainLocationOf(
  options: Pick<NodeOptions, 'genesis-file' | 'network' | 'data-path' | 'pruning-enabled' | 'pruning-blocks-retained'>,
): ChainLocation {
  return {
    genesisFile: options['genesis-file'],
    network: options.network,
    dataPath: options['data-path'],
    pruning: { 'pruning-enabled': options['pruning-enabled'], 'pruning-blocks-retained': options['pruning-blocks-retained'] },
  };
}

/** An open chain and what to close after it. */
export interface OpenChain {
  readonly chain: Blockchain;
  close(): Promise<void>;
}

const NO_PRUNING = { 'pruning-enabled': false, 'pruning-blocks-retained': 1024 };

/**
 * Opens the chain on the LevelDB store under the data path (created on first use): the genesis
 * file's chain, or the development network's when no file is given. A missing or invalid genesis
 * file is a `ConfigError`; a store of another chain fails with `ChainStoreError`, and a store in
 * use by another process with `StoreLockedError`.
 */
export async function openChain(location: ChainLocation, logger: Logger = createLogger('OFF')): Promise<OpenChain> {
  const { genesis } = chainSpecOf({ 'genesis-file': location.genesisFile, network: location.network ?? 'dev', 'dev-block-period': 0 });
  const engine = engineFor(genesis.config);
  const store = await openDatabase(location.dataPath);
  try {
    const evm = new Evm({ precompiles: precompilesFor });
    const chain = await openBlockchain({ store, genesis, engine, evm, options: location.pruning ?? NO_PRUNING, logger });
    return {
      chain,
      close: async () => {
        await chain.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
