import type { BlockHeader } from '@cairn/chain';
import { nextBaseFeeAfter } from './next-base-fee';
import { bytesToHex, type ChainConfig } from '@cairn/common';
import { maxBigInt, minBigInt } from '../format/bigint';
import { effectiveGasPrice } from '../format/transaction';
import type { ChainReader } from './backend';
import { effectiveTip, percentileOf } from './fees';

export interface GasPriceOracleOptions {
  readonly chain: ChainReader;
  readonly chainConfig: ChainConfig;
  /** The pool's minimum gas price (Besu's --min-gas-price, 1000 wei by default). */
  readonly minGasPrice: bigint;
  /** The pool's minimum priority fee (Besu's --min-priority-fee, 0 by default). */
  readonly minPriorityFee?: bigint;
  /** Blocks sampled back from the head (Besu's --api-gas-price-blocks, 100). */
  readonly blocks?: number;
  /** Percentile of the sampled prices (Besu's --api-gas-price-percentile, 50). */
  readonly percentile?: number;
  /** Upper bound of the suggestion (Besu's --api-gas-price-max, 500 GWei). */
  readonly maxPrice?: bigint;
}

interface Sample {
  readonly headHash: string;
  readonly prices: bigint[];
  readonly tips: bigint[];
}

/**
 * eth_gasPrice and eth_maxPriorityFeePerGas as Besu computes them: a percentile of what the
 * transactions of recent blocks paid, bounded below by what the next block will accept (the
 * minimum gas price or its base fee) and above by the configured maximum. The sample is cached
 * until the head changes.
 */
export class GasPriceOracle {
  readonly #options: GasPriceOracleOptions;
  #sample?: Sample;

  constructor(options: GasPriceOracleOptions) {
    this.#options = options;
  }

  async gasPrice(): Promise<bigint> {
    const { head, sample } = await this.#sampled();
    const nextBase = nextBaseFeeAfter(head, this.#options.chainConfig);
    const floor = maxBigInt(nextBase, this.#options.minGasPrice);
    const suggested = percentileOf(sample.prices, this.#options.percentile ?? 50);
    if (suggested === undefined) return floor;
    const max = this.#options.maxPrice ?? 500_000_000_000n;
    return maxBigInt(minBigInt(suggested, max), floor);
  }

  async maxPriorityFeePerGas(): Promise<bigint> {
    const { sample } = await this.#sampled();
    const floor = this.#options.minPriorityFee ?? 0n;
    const suggested = percentileOf(sample.tips, this.#options.percentile ?? 50) ?? floor;
    return maxBigInt(suggested, floor);
  }

  async #sampled(): Promise<{ head: BlockHeader; sample: Sample }> {
    const { chain } = this.#options;
    const head = await chain.head();
    const headHash = bytesToHex(head.hash());
    if (this.#sample?.headHash === headHash) return { head, sample: this.#sample };
    const prices: bigint[] = [];
    const tips: bigint[] = [];
    const oldest = head.number - BigInt((this.#options.blocks ?? 100) - 1);
    for (let n = head.number; n >= 0n && n >= oldest; n--) {
      const header = n === head.number ? head : await chain.headerByNumber(n);
      const block = header && (await chain.blockByHash(header.hash()));
      for (const transaction of block?.transactions ?? []) {
        prices.push(effectiveGasPrice(transaction, header!.baseFeePerGas));
        tips.push(effectiveTip(transaction, header!.baseFeePerGas));
      }
    }
    const ascending = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
    this.#sample = { headHash, prices: prices.sort(ascending), tips: tips.sort(ascending) };
    return { head, sample: this.#sample };
  }
}
