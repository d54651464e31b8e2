import { type BlockHeader, nextBaseFee } from '@cairn/chain';
import type { ChainConfig } from '@cairn/common';

/**
 * The base fee of the block after `parent` (EIP-1559), or 0 while London is not yet active at that
 * block. The next block's timestamp is unknown, so its fork is judged at the parent's timestamp.
 */
export function nextBaseFeeAfter(parent: BlockHeader, config: ChainConfig): bigint {
  return config.rulesAt(parent.number + 1n, parent.timestamp).has(1559) ? nextBaseFee(parent) : 0n;
}
