import { EMPTY_BYTES, type RlpInput, type RlpValue } from '@cairn/common';
import { TransactionError } from '../errors';
import { readBytes, readFixedList, readOptionalAddress, readQuantity, readUint } from '../rlp/fields';
import { decodeAccessList, encodeAccessList } from './access-list';
import type { UnsignedTransaction } from './types';

/** How one field is read from and written to RLP. */
export interface FieldCodec {
  decode(value: RlpValue, field: string): unknown;
  encode(value: unknown): RlpInput;
  /** Whether the field may be left out (`to` of a creation, an empty access list). */
  readonly optional?: boolean;
}

/** The name of a transaction field (other than its type) and its codec. */
export type FieldSpec = readonly [name: Exclude<keyof UnsignedTransaction, 'type'>, codec: FieldCodec];

/** The RLP field list of a transaction type before its signature, in order. */
export type FieldLayout = readonly FieldSpec[];

/** An integer of at most 64 bits (nonce, gas limit). */
export const UINT64: FieldCodec = {
  decode: (value, field) => readUint(value, field, 8),
  encode: (value) => value as bigint,
};

/** A 256-bit quantity (chain id, value, prices); the bound is checked by `validateTransaction`. */
export const QUANTITY: FieldCodec = {
  decode: readQuantity,
  encode: (value) => value as bigint,
};

export const BYTES: FieldCodec = {
  decode: readBytes,
  encode: (value) => value as Uint8Array,
};

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

/** Reads `layout.length` fields from the start of `items`. */
export function decodeLayout(items: readonly RlpValue[], layout: FieldLayout): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < layout.length; i++) {
    const [name, codec] = layout[i];
    out[name] = codec.decode(items[i], name);
  }
  return out;
}

/** The RLP items of `tx`'s fields in `layout` order; a missing required field is an error. */
export function encodeLayout(tx: UnsignedTransaction, layout: FieldLayout, typeName: string): RlpInput[] {
  const out: RlpInput[] = [];
  for (const [name, codec] of layout) {
    const value = tx[name];
    if (value === undefined && !codec.optional) throw new TransactionError('MISSING_FIELD', `a ${typeName} transaction needs ${name}`, name);
    out.push(codec.encode(value));
  }
  return out;
}
