import { Fork } from '../forks/fork';
import type { ForkRules } from '../forks/rules';

/** What the intrinsic gas of a transaction depends on. */
export interface IntrinsicGasInput {
  readonly data: Uint8Array;
  /** A contract creation (no `to`): `data` is then the init code. */
  readonly isCreate: boolean;
  /** Number of addresses and of storage keys in the EIP-2930 access list. */
  readonly accessListAddresses?: number;
  readonly accessListStorageKeys?: number;
}

export const TX_BASE_GAS = 21000n;
/** Extra for a creation from Homestead on (EIP-2). */
export const TX_CREATE_GAS = 32000n;
export const TX_DATA_ZERO_GAS = 4n;
export const TX_DATA_NON_ZERO_GAS_FRONTIER = 68n;
/** EIP-2028 (Istanbul) calldata price. */
export const TX_DATA_NON_ZERO_GAS_EIP2028 = 16n;
export const ACCESS_LIST_ADDRESS_GAS = 2400n;
export const ACCESS_LIST_STORAGE_KEY_GAS = 1900n;
/** EIP-3860 (Shanghai): gas per 32-byte word of init code, and the largest init code allowed. */
export const INITCODE_WORD_GAS = 2n;
export const MAX_INITCODE_SIZE = 49152;

/**
 * Gas a transaction costs before any code runs: the base, calldata, a creation's surcharge and
 * init-code words, and the access list. Shared by transaction validation and the EVM's state
 * transition so that both charge the same.
 */
export function intrinsicGas(input: IntrinsicGasInput, rules: ForkRules): bigint {
  let gas = TX_BASE_GAS;
  if (input.isCreate && rules.atLeast(Fork.Homestead)) gas += TX_CREATE_GAS;
  const nonZeroPrice = rules.has(2028) ? TX_DATA_NON_ZERO_GAS_EIP2028 : TX_DATA_NON_ZERO_GAS_FRONTIER;
  let zeros = 0;
  for (let i = 0; i < input.data.length; i++) if (input.data[i] === 0) zeros++;
  gas += BigInt(zeros) * TX_DATA_ZERO_GAS + BigInt(input.data.length - zeros) * nonZeroPrice;
  if (input.isCreate && rules.has(3860)) gas += INITCODE_WORD_GAS * BigInt(Math.ceil(input.data.length / 32));
  gas += BigInt(input.accessListAddresses ?? 0) * ACCESS_LIST_ADDRESS_GAS;
  gas += BigInt(input.accessListStorageKeys ?? 0) * ACCESS_LIST_STORAGE_KEY_GAS;
  return gas;
}
