import { bigintToHex } from '@cairn/common';
import { z } from 'zod';
import type { FeeHistoryQuery } from '../chain/fee-history';
import type { GasPriceOracle } from '../chain/gas-price-oracle';
import { defineMethod, type RpcMethod } from '../registry/method';
import { BlockNumberOrTag } from '../schemas/block-parameter';
import { Uint64 } from '../schemas/primitives';

/** Percentiles between 0 and 100, each at least the one before. */
const Percentiles = z
  .array(z.number().min(0).max(100))
  .max(100)
  .refine((list) => list.every((p, i) => i === 0 || p >= list[i - 1]), 'percentiles must be in ascending order');

/** eth_gasPrice, eth_maxPriorityFeePerGas and eth_feeHistory. */
export function ethFeeMethods(deps: { oracle: GasPriceOracle; feeHistory: FeeHistoryQuery }): RpcMethod[] {
  return [
    defineMethod({
      name: 'eth_gasPrice',
      namespace: 'ETH',
      params: z.tuple([]),
      handler: async () => bigintToHex(await deps.oracle.gasPrice()),
    }),
    defineMethod({
      name: 'eth_maxPriorityFeePerGas',
      namespace: 'ETH',
      params: z.tuple([]),
      handler: async () => bigintToHex(await deps.oracle.maxPriorityFeePerGas()),
    }),
    defineMethod({
      name: 'eth_feeHistory',
      namespace: 'ETH',
      params: z.tuple([Uint64.describe('block count'), BlockNumberOrTag.describe('newest block'), Percentiles.optional().describe('reward percentiles')]),
      handler: async ([count, newest, percentiles]) => {
        const history = await deps.feeHistory.history(count, newest, percentiles);
        const out: Record<string, unknown> = {
          oldestBlock: bigintToHex(history.oldestBlock),
          baseFeePerGas: history.baseFeePerGas.map(bigintToHex),
          gasUsedRatio: history.gasUsedRatio,
          baseFeePerBlobGas: history.baseFeePerBlobGas.map(bigintToHex),
          blobGasUsedRatio: history.blobGasUsedRatio,
        };
        if (history.reward) out.reward = history.reward.map((row) => row.map(bigintToHex));
        return out;
      },
    }),
  ];
}
