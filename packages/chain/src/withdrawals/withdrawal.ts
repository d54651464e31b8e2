import type { Address, RlpInput, RlpValue } from '@cairn/common';
import { readFixed, readList, readUint } from '../rlp/fields';

/** A withdrawal from the beacon chain (EIP-4895, Shanghai); `amount` is in gwei. */
export interface Withdrawal {
  readonly index: bigint;
  readonly validatorIndex: bigint;
  readonly address: Address;
  readonly amount: bigint;
}

export function encodeWithdrawal(withdrawal: Withdrawal): RlpInput {
  return [withdrawal.index, withdrawal.validatorIndex, withdrawal.address, withdrawal.amount];
}

/** A withdrawal from RLP `[index, validatorIndex, address, amount]` (64-bit integers). */
export function decodeWithdrawal(value: RlpValue, field = 'withdrawal'): Withdrawal {
  const items = readList(value, field, 4);
  return {
    index: readUint(items[0], `${field}.index`, 8),
    validatorIndex: readUint(items[1], `${field}.validatorIndex`, 8),
    address: readFixed(items[2], `${field}.address`, 20),
    amount: readUint(items[3], `${field}.amount`, 8),
  };
}
