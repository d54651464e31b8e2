import { join } from 'node:path';
import { Blockchain } from '@cairn/chain';
import { ConfigError } from '@cairn/common';
import { Evm, precompilesFor } from '@cairn/evm';
import { LevelDbStore } from '@cairn/storage';
import type { NodeOptions } from '../cli/options';
import { readGenesisFile } from '../compose/chain-spec';
import { engineFor } from '../compose/engine';

/** The chain options a block command needs: where the genesis file and the data are. */
export interface ChainLocation {
  /** `--genesis-file`. */
  readonly genesisFile: string;
  /** `--data-path`; the database is its `database` folder. */
  readonly dataPath: string;
}

/** The chain location of resolved node options (`--genesis-file`, `--data-path`). */
export function chainLocationOf(options: Pick<NodeOptions, 'genesis-file' | 'data-path'>): ChainLocation {
  return { genesisFile: options['genesis-file'], dataPath: options['data-path'] };
}

/** An open chain and what to close after it. */
export interface OpenChain {
  readonly chain: Blockchain;
  close(): Promise<void>;
}

/**
 * Opens the chain of the genesis file on the LevelDB store under the data path (created on first
 * use). A missing or invalid genesis file is a `ConfigError`; a store of another chain fails
 * with `ChainStoreError`, and a store in use by another process with `StoreLockedError`.
 */
export async function openChain(location: ChainLocation): Promise<OpenChain> {
  if (location.genesisFile === '') throw new ConfigError('--genesis-file is required: the chain to import into or export from');
  const genesis = readGenesisFile(location.genesisFile);
  const engine = engineFor(genesis.config);
  const store = await LevelDbStore.open(join(location.dataPath, 'database'));
  try {
    const chain = await Blockchain.open({ store, genesis, engine, evm: new Evm({ precompiles: precompilesFor }) });
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
