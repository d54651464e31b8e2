import { type Block, type Blockchain, BlockError, type BlockProducer, nextBaseFee, type Transaction, type TransactionPool } from '@cairn/chain';
import { type Address, blobBaseFee, bytesToHex, equalBytes, type ForkRules, GAS_PER_BLOB, nextExcessBlobGas } from '@cairn/common';
import type { BlockImporter } from '../chain/block-importer';
import type { Service } from '../lifecycle/service';
import type { Logger } from '../logging/logger';

export interface DevBlockProducerOptions {
  readonly chain: Blockchain;
  /** The engine's production verbs (prepare, seal). */
  readonly producer: BlockProducer;
  readonly pool: TransactionPool;
  readonly importer: BlockImporter;
  /** Who receives the priority fees. */
  readonly coinbase: Address;
  /** `--dev-block-period`: seconds between blocks, empty or not; 0 seals as soon as transactions are pending. */
  readonly periodSeconds: number;
  readonly logger: Logger;
  /** Milliseconds since the epoch (block timestamps); `Date.now` by default. */
  readonly clock?: () => number;
}

/**
 * Produces the development chain's blocks: takes the pool's best executable transactions
 * (`selectTransactions` at the next base fee), builds the block with `chain.buildBlock`, lets the
 * engine prepare and seal it, and imports it through the node's importer, which tells the pool,
 * RPC and metrics. A transaction that turns out not to fit the block (its sender can no longer
 * pay, say) is left out together with its sender's later ones, and stays for the pool to judge.
 * With a period of 0 a block is sealed as soon as transactions are pending, and again while
 * more remain; otherwise one block, possibly empty, every period. Stopping lets the block in
 * hand finish.
 */
export class DevBlockProducer implements Service {
  readonly name = 'block producer';
  readonly #options: DevBlockProducerOptions;
  readonly #clock: () => number;
  readonly #abort = new AbortController();
  #unsubscribe: (() => void) | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #wanted = false;
  #stopped = true;

  constructor(options: DevBlockProducerOptions) {
    this.#options = options;
    this.#clock = options.clock ?? Date.now;
  }

  async start(): Promise<void> {
    this.#stopped = false;
    const { periodSeconds, pool } = this.#options;
    if (periodSeconds > 0) {
      this.#timer = setInterval(() => this.#request(), periodSeconds * 1000);
    } else {
      this.#unsubscribe = pool.subscribe({ onAdded: () => this.#request() });
      this.#request();
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    clearInterval(this.#timer);
    this.#abort.abort();
    await this.#running;
  }

  /** Resolves when no block is being produced or waiting to be. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  #request(): void {
    this.#wanted = true;
    if (this.#running || this.#stopped) return;
    this.#running = this.#loop().finally(() => {
      this.#running = undefined;
    });
  }

  async #loop(): Promise<void> {
    // Transactions sent together (a batch, a script's burst) go into one block.
    await new Promise((resolve) => setImmediate(resolve));
    const periodic = this.#options.periodSeconds > 0;
    while (this.#wanted && !this.#stopped) {
      this.#wanted = false;
      try {
        const produced = await this.#produce(periodic);
        // On demand, keep going while transactions remain that the last block had no room for.
        if (produced && !periodic) this.#wanted = true;
      } catch (error) {
        this.#options.logger.error('block production failed', error);
      }
    }
  }

  /** Builds, seals and imports one block; false when there was nothing to put in one. */
  async #produce(allowEmpty: boolean): Promise<boolean> {
    const { chain, pool, producer, importer, logger } = this.#options;
    const parent = chain.head;
    const now = BigInt(Math.floor(this.#clock() / 1000));
    const timestamp = now > parent.header.timestamp ? now : parent.header.timestamp + 1n;
    const rules = chain.rulesFor({ number: parent.header.number + 1n, timestamp }, chain.headTotalDifficulty);
    const baseFee = rules.has(1559) ? nextBaseFee(parent.header) : undefined;
    const candidates = pool.selectTransactions({ baseFee, gasLimit: parent.header.gasLimit, ...blobLimits(parent, rules) }).map((pooled) => pooled.transaction);
    if (candidates.length === 0 && !allowEmpty) return false;
    const prepared = await producer.prepare(parent.header, rules);
    const block = await this.#build(parent, candidates, { timestamp, mixHash: prepared.mixHash, extraData: prepared.extraData });
    if (block.transactions.length === 0 && !allowEmpty) return false;
    const sealed = await producer.seal(block, this.#abort.signal);
    if (sealed === undefined) return false;
    await importer.import(sealed);
    const { header } = sealed;
    logger.info(`sealed block #${header.number} ${bytesToHex(sealed.hash())}: ${sealed.transactions.length} transactions, ${header.gasUsed} gas, base fee ${header.baseFeePerGas ?? 0n} wei`);
    return true;
  }

  /** Builds the block, leaving out each transaction execution refuses (and its sender's later ones). */
  async #build(parent: Block, candidates: readonly Transaction[], spec: { timestamp: bigint; mixHash?: Uint8Array; extraData?: Uint8Array }): Promise<Block> {
    let transactions = candidates;
    for (;;) {
      try {
        return await this.#options.chain.buildBlock(parent.hash(), { ...spec, transactions, coinbase: this.#options.coinbase });
      } catch (error) {
        const index = failedTransactionIndex(error);
        if (index === undefined) throw error;
        const failed = transactions[index];
        this.#options.logger.warn(`left transaction ${bytesToHex(failed.hash())} out of block #${parent.header.number + 1n}: ${(error as Error).message}`);
        const sender = failed.sender();
        transactions = transactions.filter((tx, i) => i < index || !equalBytes(tx.sender(), sender));
      }
    }
  }
}

/** The blob gas a child of `parent` may use and its blob base fee (EIP-4844); none before Cancun. */
function blobLimits(parent: Block, rules: ForkRules): { blobGasLimit?: bigint; blobBaseFee?: bigint } {
  const params = rules.blobParams;
  if (params === undefined) return {};
  const excess = nextExcessBlobGas(parent.header.excessBlobGas ?? 0n, parent.header.blobGasUsed ?? 0n, params);
  return { blobGasLimit: BigInt(params.max) * GAS_PER_BLOB, blobBaseFee: blobBaseFee(excess, params) };
}

/** The index of the transaction a block failed on (`BlockError` INVALID_TRANSACTION names it as `transactions[i]`). */
function failedTransactionIndex(error: unknown): number | undefined {
  if (!(error instanceof BlockError) || error.code !== 'INVALID_TRANSACTION') return undefined;
  const match = /^transactions\[(\d+)\]$/.exec(error.field ?? '');
  return match ? Number(match[1]) : undefined;
}
