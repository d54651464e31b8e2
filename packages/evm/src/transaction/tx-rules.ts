import type { BlobParams, ForkRules } from '@cairn/common';

/**
 * The transaction-level rules of a fork, read from its `ForkRules` once: which transaction types
 * are allowed and which EIPs change validation, fees and the end of a transaction. The opcode
 * table carries everything that happens inside the EVM; this carries everything around it.
 */
export interface TransactionRules {
  readonly types: ReadonlySet<number>;
  /** EIP-3607 (applied to every fork): a sender with code cannot send transactions. */
  readonly rejectSenderWithCode: boolean;
  /** EIP-161: touched empty accounts are deleted at the end of each transaction. */
  readonly deleteEmptyAccounts: boolean;
  /** EIP-2929/2930: the sender, recipient, precompiles and access list start warm. */
  readonly accessLists: boolean;
  /** EIP-1559: base fee, priority fee, and the fee cap checks. */
  readonly feeMarket: boolean;
  /** EIP-3651: the coinbase starts warm. */
  readonly warmCoinbase: boolean;
  /** EIP-3860: creation transactions carry at most this much init code. */
  readonly maxInitCodeSize: number | undefined;
  /** EIP-4844 blob parameters, from Cancun on. */
  readonly blobs: BlobParams | undefined;
}

export function transactionRules(rules: ForkRules, maxInitCodeSize: number | undefined, retroactive: boolean): TransactionRules {
  const types = new Set([0]);
  if (rules.has(2930)) types.add(1);
  if (rules.has(1559)) types.add(2);
  if (rules.has(4844)) types.add(3);
  return Object.freeze({
    types,
    rejectSenderWithCode: retroactive,
    deleteEmptyAccounts: rules.has(161),
    accessLists: rules.has(2929),
    feeMarket: rules.has(1559),
    warmCoinbase: rules.has(3651),
    maxInitCodeSize,
    blobs: rules.has(4844) ? rules.blobParams : undefined,
  });
}
