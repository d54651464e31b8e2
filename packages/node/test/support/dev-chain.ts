import { Blockchain, signTransaction, type Transaction, TransactionPool } from '@cairn/chain';
import { Evm, precompilesFor } from '@cairn/evm';
import { MemoryStore } from '@cairn/storage';
import { BlockImporter } from '../../src/chain/block-importer';
import { poolAccountsOf, poolHeadOf } from '../../src/chain/pool-chain';
import { DEV_MNEMONIC, deriveAccounts } from '../../src/dev/dev-accounts';
import { devGenesis } from '../../src/dev/dev-genesis';
import { DevSealingEngine } from '../../src/dev/dev-sealing-engine';
import { createLogger } from '../../src/logging/logger';

export const DEV_ACCOUNTS = deriveAccounts(DEV_MNEMONIC, 3);

/** The development chain in memory, with its engine, an importer, and a pool that follows the head. */
export async function devChain() {
  const evm = new Evm({ precompiles: precompilesFor });
  const engine = new DevSealingEngine();
  const chain = await Blockchain.open({ store: new MemoryStore(), genesis: devGenesis(DEV_ACCOUNTS, 0), engine, evm });
  const logLines: string[] = [];
  const logger = createLogger('DEBUG', (line) => logLines.push(line));
  const importer = new BlockImporter(chain, logger);
  const now = () => BigInt(Math.floor(Date.now() / 1000));
  const pool = new TransactionPool({ head: poolHeadOf(chain, now()), accounts: poolAccountsOf(chain), options: { minGasPrice: 0n }, onListenerError: (error) => logger.error('listener', error) });
  importer.onHeadChange((change) =>
    pool.onCanonicalHead({ head: poolHeadOf(chain, now()), added: change.added.flatMap((b) => b.transactions), removed: change.removed.flatMap((b) => b.transactions) }),
  );
  return { evm, engine, chain, importer, pool, logger, logLines };
}

/** A 1 gwei-capped ether transfer on chain 1337. */
export function devTransfer(key: Uint8Array, nonce: bigint, to: Uint8Array, value: bigint): Transaction {
  return signTransaction({ type: 2, chainId: 1337n, nonce, maxPriorityFeePerGas: 1n, maxFeePerGas: 10n ** 10n, gasLimit: 21_000n, to, value, data: new Uint8Array(0) }, key);
}
