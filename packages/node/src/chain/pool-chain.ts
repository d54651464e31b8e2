import { type Blockchain, nextBaseFee, type PoolAccounts, type PoolHead } from '@cairn/chain';
import { blobBaseFee, nextExcessBlobGas } from '@cairn/common';

/**
 * The pool's view of the head: the next block's number, base fee, blob base fee and fork rules.
 * The next block's timestamp is not known yet; `nowSeconds` (or one past the head) stands for it,
 * which only matters at a timestamp fork.
 */
export function poolHeadOf(chain: Blockchain, nowSeconds: bigint): PoolHead {
  const header = chain.head.header;
  const timestamp = nowSeconds > header.timestamp ? nowSeconds : header.timestamp + 1n;
  const rules = chain.rulesFor({ number: header.number + 1n, timestamp }, chain.headTotalDifficulty);
  const blob = rules.blobParams;
  return {
    number: header.number,
    gasLimit: header.gasLimit,
    baseFee: rules.has(1559) ? nextBaseFee(header) : undefined,
    blobBaseFee: blob && blobBaseFee(nextExcessBlobGas(header.excessBlobGas ?? 0n, header.blobGasUsed ?? 0n, blob), blob),
    rules,
  };
}

/** Account reads at the chain's current head, for the pool's nonce and balance checks. */
export function poolAccountsOf(chain: Blockchain): PoolAccounts {
  const account = (address: Uint8Array) => chain.stateAt(chain.head.header).getAccount(address);
  return {
    getNonce: async (address) => (await account(address))?.nonce ?? 0n,
    getBalance: async (address) => (await account(address))?.balance ?? 0n,
  };
}
