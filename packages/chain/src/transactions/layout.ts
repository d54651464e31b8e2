import { EMPTY_BYTES, type RlpInput, type RlpValue } from '@cairn/common';
import { TransactionError } from '../errors';
import { decodeLayout as decodeRows, encodeLayout as encodeRows, type FieldCodec, type FieldRow } from '../rlp/codecs';
import { readFixedList, readOptionalAddress } from '../rlp/fields';
import { decodeAccessList, encodeAccessList } from './access-list';
import type { UnsignedTransaction } from './types';

/** The name of a transaction field (other than its type) and its codec. */
export type FieldSpec = FieldRow<Exclude<keyof UnsignedTransaction, 'type'>>;

/** The RLP field list of a transaction type before its signature, in order. */
export type FieldLayout = readonly FieldSpec[];

/** The recipient: 20 bytes, or the empty string for a contract creation. */
export const OPTIONAL_ADDRESS: FieldCodec = {
  decode: readOptionalAddress,
  encode: (value) => (value as Uint8Array | undefined) ?? EMPTY_BYTES,
  optional: true,
};

export const ACCESS_LIST: FieldCodec = {
  decode: decodeAccessList,
  encode: (value) => encodeAccessList((value as UnsignedTransaction['accessList']) ?? []),
  optional: true,
};

/** A list of 32-byte hashes (EIP-4844 blob versioned hashes). */
export const HASH_LIST: FieldCodec = {
  decode: (value, field) => readFixedList(value, field, 32),
  encode: (value) => (value as readonly Uint8Array[] | undefined) ?? [],
  optional: true,
};

/** Reads a transaction type's fields from the start of its payload items. */
export function decodeLayout(items: readonly RlpValue[], layout: FieldLayout): Record<string, unknown> {
  return decodeRows(items, layout);
}

/** The RLP items of `tx`'s fields in `layout` order; a missing required field is a `MISSING_FIELD` error. */
export function encodeLayout(tx: UnsignedTransaction, layout: FieldLayout, typeName: string): RlpInput[] {
  return encodeRows(tx, layout, (name) => new TransactionError('MISSING_FIELD', `a ${typeName} transaction needs ${name}`, name));
}
