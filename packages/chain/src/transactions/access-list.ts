import type { RlpInput, RlpValue } from '@cairn/common';
import { readFixed, readFixedList, readList } from '../rlp/fields';
import type { AccessList, AccessListEntry } from './types';

/** An EIP-2930 access list from RLP: a list of `[address, [storageKey, …]]`. */
export function decodeAccessList(value: RlpValue, field: string): AccessListEntry[] {
  return readList(value, field).map((item, i) => {
    const entry = readList(item, `${field}[${i}]`, 2);
    return {
      address: readFixed(entry[0], `${field}[${i}].address`, 20),
      storageKeys: readFixedList(entry[1], `${field}[${i}].storageKeys`, 32),
    };
  });
}

export function encodeAccessList(list: AccessList): RlpInput[] {
  return list.map((entry) => [entry.address, entry.storageKeys]);
}

/** How many addresses and storage keys the list names, as intrinsic gas counts them (duplicates included). */
export function accessListCounts(list: AccessList): { addresses: number; storageKeys: number } {
  let storageKeys = 0;
  for (const entry of list) storageKeys += entry.storageKeys.length;
  return { addresses: list.length, storageKeys };
}
