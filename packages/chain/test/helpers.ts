import { ChainConfig, type Fork, type ForkRules, hexToBytes } from '@cairn/common';
import type { UnsignedTransaction } from '../src/transactions/types';

/** A private key for tests (the one EIP-155's example uses). */
export const TEST_KEY = hexToBytes('0x4646464646464646464646464646464646464646464646464646464646464646');
export const TEST_TO = hexToBytes('0x3535353535353535353535353535353535353535');

/** The rules of `fork` on chain 1. */
export function rulesOf(fork: Fork, chainId = 1n): ForkRules {
  return ChainConfig.forFork(fork, chainId).rulesFor(fork);
}

/** One unsigned transaction of each standard type, on chain 1. */
export function sampleTransactions(): UnsignedTransaction[] {
  const base = { chainId: 1n, nonce: 9n, gasLimit: 100_000n, to: TEST_TO, value: 10n ** 18n, data: Uint8Array.of(0, 1, 2) };
  const accessList = [{ address: TEST_TO, storageKeys: [new Uint8Array(32), new Uint8Array(32).fill(7)] }];
  return [
    { ...base, type: 0, gasPrice: 20_000_000_000n },
    { ...base, type: 1, gasPrice: 20_000_000_000n, accessList },
    { ...base, type: 2, maxPriorityFeePerGas: 2n, maxFeePerGas: 30n, accessList },
    {
      ...base,
      type: 3,
      maxPriorityFeePerGas: 2n,
      maxFeePerGas: 30n,
      maxFeePerBlobGas: 5n,
      blobVersionedHashes: [Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 1 : i))],
    },
  ];
}
