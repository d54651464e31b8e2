import { type Blockchain, TransactionPool } from '@cairn/chain';
import { createMicroEthSignerKzg } from '@cairn/evm';
import type { BlockImporter } from '../chain/block-importer';
import { poolAccountsOf, poolHeadOf } from '../chain/pool-chain';
import type { NodeOptions } from '../cli/options';
import type { Service } from '../lifecycle/service';
import type { Logger } from '../logging/logger';

/** How often transactions past `--tx-pool-retention-hours` are looked for. */
const RETENTION_CHECK_MS = 60_000;

export interface TxPoolInputs {
  readonly chain: Blockchain;
  readonly importer: BlockImporter;
  readonly options: Pick<NodeOptions, 'tx-pool-max-size' | 'tx-pool-price-bump' | 'min-gas-price'>;
  readonly logger: Logger;
  readonly clock: () => number;
}

/**
 * The transaction pool over the chain head and its world state, told of every new canonical head
 * by the importer (included transactions leave, senders are re-checked, reorged ones return).
 * Blob transactions' sidecars are checked with @cairn/evm's KZG backend.
 */
export function createTxPool({ chain, importer, options, logger, clock }: TxPoolInputs): TransactionPool {
  const seconds = () => BigInt(Math.floor(clock() / 1000));
  const pool = new TransactionPool({
    head: poolHeadOf(chain, seconds()),
    accounts: poolAccountsOf(chain),
    options: { maxSize: options['tx-pool-max-size'], priceBumpPercent: options['tx-pool-price-bump'], minGasPrice: options['min-gas-price'] },
    blobVerifier: createMicroEthSignerKzg(),
    clock,
    onListenerError: (error) => logger.error('a transaction pool listener failed', error),
  });
  importer.onHeadChange((change) =>
    pool.onCanonicalHead({
      head: poolHeadOf(chain, seconds()),
      added: change.added.flatMap((block) => block.transactions),
      removed: change.removed.flatMap((block) => block.transactions),
    }),
  );
  return pool;
}

/** Drops transactions older than the retention period once a minute while the node runs. */
export function txPoolService(pool: TransactionPool, logger: Logger): Service {
  let timer: NodeJS.Timeout | undefined;
  return {
    name: 'transaction pool',
    start: async () => {
      timer = setInterval(() => {
        const dropped = pool.dropExpired();
        if (dropped > 0) logger.info(`dropped ${dropped} transactions past the retention period`);
      }, RETENTION_CHECK_MS);
      timer.unref();
    },
    stop: async () => clearInterval(timer),
  };
}
