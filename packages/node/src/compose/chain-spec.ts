import { readFileSync } from 'node:fs';
import { ConfigError, type Genesis, parseGenesis } from '@cairn/common';
import type { NodeOptions } from '../cli/options';
import { DEV_MNEMONIC, type DevAccount, deriveAccounts } from '../dev/dev-accounts';
import { devGenesis } from '../dev/dev-genesis';

/** The development network's pre-funded accounts. */
export const DEV_ACCOUNT_COUNT = 10;

/** The chain the node runs: its genesis, a name for the banner, and the dev network's accounts. */
export interface ChainSpec {
  readonly name: string;
  readonly genesis: Genesis;
  /** The pre-funded accounts of `--network=dev` (none for a genesis file). */
  readonly devAccounts: readonly DevAccount[];
}

/** `--genesis-file` when given, else the `--network`'s own genesis. */
export function chainSpecOf(options: Pick<NodeOptions, 'genesis-file' | 'network' | 'dev-block-period'>): ChainSpec {
  const file = options['genesis-file'];
  if (file !== '') return { name: file, genesis: readGenesisFile(file), devAccounts: [] };
  const accounts = deriveAccounts(DEV_MNEMONIC, DEV_ACCOUNT_COUNT);
  return { name: options.network, genesis: devGenesis(accounts, options['dev-block-period']), devAccounts: accounts };
}

/** Reads and parses a geth/Besu genesis file; every problem is a `ConfigError` naming the file. */
export function readGenesisFile(path: string): Genesis {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`--genesis-file: cannot read ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`--genesis-file: ${path} is not JSON: ${(error as Error).message}`);
  }
  return parseGenesis(json);
}
