import type { RlpInput, RlpValue } from '@cairn/common';
import { readBytes, readFixed, readQuantity, readUint } from './fields';

/** How one field is read from and written to RLP. */
export interface FieldCodec {
  decode(value: RlpValue, field: string): unknown;
  encode(value: unknown): RlpInput;
  /** Whether `encode` also takes undefined (a creation's `to`, an empty access list). */
  readonly optional?: boolean;
}

/** A field's name and codec: one row of an object's RLP layout. */
export type FieldRow<Name extends string = string> = readonly [name: Name, codec: FieldCodec];

/** An integer of at most 64 bits (nonce, gas limit, timestamp). */
export const UINT64: FieldCodec = {
  decode: (value, field) => readUint(value, field, 8),
  encode: (value) => value as bigint,
};

/** A quantity decoded at any width (value, prices, difficulty); its bound is a validity rule. */
export const QUANTITY: FieldCodec = {
  decode: readQuantity,
  encode: (value) => value as bigint,
};

export const BYTES: FieldCodec = {
  decode: readBytes,
  encode: (value) => value as Uint8Array,
};

/** A byte string of exactly `length` bytes (hashes, addresses, blooms). */
export function fixedBytes(length: number): FieldCodec {
  return { decode: (value, field) => readFixed(value, field, length), encode: (value) => value as Uint8Array };
}

export const HASH = fixedBytes(32);
export const ADDRESS = fixedBytes(20);

/** Reads `layout.length` fields from the start of `items`. */
export function decodeLayout(items: readonly RlpValue[], layout: readonly FieldRow[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < layout.length; i++) {
    const [name, codec] = layout[i];
    out[name] = codec.decode(items[i], name);
  }
  return out;
}

/** The RLP items of `fields` in `layout` order; a missing required field gets `missing(name)` thrown. */
export function encodeLayout(fields: object, layout: readonly FieldRow[], missing: (name: string) => Error): RlpInput[] {
  const record = fields as Record<string, unknown>;
  const out: RlpInput[] = [];
  for (const [name, codec] of layout) {
    const value = record[name];
    if (value === undefined && !codec.optional) throw missing(name);
    out.push(codec.encode(value));
  }
  return out;
}
