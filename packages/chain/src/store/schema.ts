import { bigintToBytes, bigintToFixedBytes, bytesToBigInt, concatBytes, type RlpValue, rlpDecode, rlpEncode } from '@cairn/common';
import { readFixed, readList, readUint } from '../rlp/fields';

/*
 * The keys of the blockchain store. Headers, bodies and receipts are kept by block hash in their
 * own segments; the `indexes` segment holds the look-ups, each under a one-byte tag; `metadata`
 * holds the chain head. Every value is RLP or fixed-width bytes.
 */

const CANONICAL = 0x01;
const TRANSACTION = 0x02;
const TOTAL_DIFFICULTY = 0x03;

/** `metadata` key of the chain head's hash. */
export const HEAD_KEY = new TextEncoder().encode('chainHead');

/** `indexes` key of the canonical block hash at `number` (big-endian, so numbers sort in order). */
export function canonicalKey(number: bigint): Uint8Array {
  return concatBytes(Uint8Array.of(CANONICAL), bigintToFixedBytes(number, 8));
}

/** `indexes` key of a canonical transaction's location. */
export function transactionKey(hash: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(TRANSACTION), hash);
}

/** `indexes` key of a block's total difficulty (its own and every ancestor's). */
export function totalDifficultyKey(blockHash: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(TOTAL_DIFFICULTY), blockHash);
}

/** Where a canonical transaction is: its block and its index in the block. */
export interface TransactionLocation {
  readonly blockHash: Uint8Array;
  readonly index: number;
}

export function encodeLocation(location: TransactionLocation): Uint8Array {
  return rlpEncode([location.blockHash, BigInt(location.index)]);
}

export function decodeLocation(bytes: Uint8Array): TransactionLocation {
  const items = readList(rlpDecode(bytes), 'transaction location', 2);
  return { blockHash: readFixed(items[0], 'blockHash', 32), index: Number(readUint(items[1], 'index', 4)) };
}

export function encodeTotalDifficulty(value: bigint): Uint8Array {
  return bigintToBytes(value);
}

export function decodeTotalDifficulty(bytes: Uint8Array): bigint {
  return bytesToBigInt(bytes);
}

/** A stored value decoded as an RLP list. */
export function decodeStoredList(bytes: Uint8Array, what: string): RlpValue[] {
  return readList(rlpDecode(bytes), what);
}
