import { Blockchain, signTransaction, type Transaction } from '@cairn/chain';
import { Evm, precompilesFor } from '@cairn/evm';
import { MemoryStore } from '@cairn/storage';
import { BlockImporter } from '../../src/chain/block-importer';
import { createTxPool } from '../../src/compose/txpool';
import { DEV_MNEMONIC, deriveAccounts } from '../../src/dev/dev-accounts';
import { devGenesis } from '../../src/dev/dev-genesis';
import { DevSealingEngine } from '../../src/dev/dev-sealing-engine';
import { createLogger } from '../../src/logging/logger';

export const DEV_ACCOUNTS = deriveAccounts(DEV_MNEMONIC, 3);

/** The development chain in memory, with its engine, an importer, and the node's pool following the head. */
export async function devChain() {
  const evm = new Evm({ precompiles: precompilesFor });
  const engine = new DevSealingEngine();
  const chain = await Blockchain.open({ store: new MemoryStore(), genesis: devGenesis(DEV_ACCOUNTS, 0), engine, evm });
  const logLines: string[] = [];
  const logger = createLogger('DEBUG', (line) => logLines.push(line));
  const importer = new BlockImporter(chain, logger);
  const pool = createTxPool({ chain, importer, options: { 'tx-pool-max-size': 4096, 'tx-pool-price-bump': 10, 'min-gas-price': 0n }, logger, clock: Date.now });
  return { evm, engine, chain, importer, pool, logger, logLines };
}

/** A 1 gwei-capped ether transfer on chain 1337. */
export function devTransfer(key: Uint8Array, nonce: bigint, to: Uint8Array, value: bigint): Transaction {
  return signTransaction({ type: 2, chainId: 1337n, nonce, maxPriorityFeePerGas: 1n, maxFeePerGas: 10n ** 10n, gasLimit: 21_000n, to, value, data: new Uint8Array(0) }, key);
}
