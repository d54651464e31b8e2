import { blobBaseFee, type ChainConfig, GAS_PER_BLOB, nextExcessBlobGas } from '@cairn/common';
import { nextBaseFeeAfter } from './next-base-fee';
import { invalidParams } from '../errors/json-rpc-error';
import { maxBigInt } from '../format/bigint';
import type { BlockParameter } from '../schemas/block-parameter';
import type { ChainReader } from './backend';
import { BlockResolver } from './block-resolver';
import { blockRewards, effectiveTip } from './fees';
import type { BlockHeader } from '@cairn/chain';


/** Besu and geth serve at most this many blocks of fee history per call. */
export const MAX_FEE_HISTORY_BLOCKS = 1024n;

export interface FeeHistory {
  readonly oldestBlock: bigint;
  /** One per block plus the next block's. */
  readonly baseFeePerGas: bigint[];
  readonly gasUsedRatio: number[];
  readonly baseFeePerBlobGas: bigint[];
  readonly blobGasUsedRatio: number[];
  /** Per block, per requested percentile; absent when no percentiles were asked for. */
  readonly reward?: bigint[][];
}

export interface FeeHistoryOptions {
  readonly chain: ChainReader;
  readonly chainConfig: ChainConfig;
}

/** eth_feeHistory: base fees, gas use and tip percentiles of up to 1024 blocks ending at `newest`. */
export class FeeHistoryQuery {
  readonly #options: FeeHistoryOptions;
  readonly #resolver: BlockResolver;

  constructor(options: FeeHistoryOptions) {
    this.#options = options;
    this.#resolver = new BlockResolver(options.chain);
  }

  async history(blockCount: bigint, newest: BlockParameter, percentiles?: readonly number[]): Promise<FeeHistory> {
    if (blockCount < 1n || blockCount > MAX_FEE_HISTORY_BLOCKS) {
      throw invalidParams(`params[0] (block count): must be between 1 and ${MAX_FEE_HISTORY_BLOCKS}`);
    }
    const last = await this.#resolver.require(newest);
    const first = maxBigInt(last.number - blockCount + 1n, 0n);
    const out: FeeHistory = { oldestBlock: first, baseFeePerGas: [], gasUsedRatio: [], baseFeePerBlobGas: [], blobGasUsedRatio: [], reward: percentiles ? [] : undefined };
    for (let number = first; number <= last.number; number++) {
      const header = number === last.number ? last : await this.#options.chain.headerByNumber(number);
      if (header === undefined) break;
      out.baseFeePerGas.push(header.baseFeePerGas ?? 0n);
      out.gasUsedRatio.push(header.gasLimit === 0n ? 0 : Number(header.gasUsed) / Number(header.gasLimit));
      const blob = this.#blobParams(header);
      out.baseFeePerBlobGas.push(blob && header.excessBlobGas !== undefined ? blobBaseFee(header.excessBlobGas, blob) : 0n);
      const maxBlobGas = blob ? BigInt(blob.max) * GAS_PER_BLOB : 0n;
      out.blobGasUsedRatio.push(maxBlobGas === 0n ? 0 : Number(header.blobGasUsed ?? 0n) / Number(maxBlobGas));
      if (percentiles) out.reward!.push(await this.#rewards(header, percentiles));
    }
    out.baseFeePerGas.push(nextBaseFeeAfter(last, this.#options.chainConfig));
    const blob = this.#blobParams(last);
    const nextExcess = blob && last.excessBlobGas !== undefined ? nextExcessBlobGas(last.excessBlobGas, last.blobGasUsed ?? 0n, blob) : undefined;
    out.baseFeePerBlobGas.push(blob && nextExcess !== undefined ? blobBaseFee(nextExcess, blob) : 0n);
    return out;
  }

  #blobParams(header: BlockHeader) {
    return this.#options.chainConfig.rulesAt(header.number, header.timestamp).blobParams;
  }

  async #rewards(header: BlockHeader, percentiles: readonly number[]): Promise<bigint[]> {
    const { chain } = this.#options;
    const [block, receipts] = await Promise.all([chain.blockByHash(header.hash()), chain.receipts(header.hash())]);
    if (block === undefined || receipts === undefined) return percentiles.map(() => 0n);
    let previous = 0n;
    const txs = block.transactions.map((transaction, i) => {
      const gasUsed = receipts[i].cumulativeGasUsed - previous;
      previous = receipts[i].cumulativeGasUsed;
      return { tip: effectiveTip(transaction, header.baseFeePerGas), gasUsed };
    });
    return blockRewards(txs, header.gasUsed, percentiles);
  }
}
