import { bytesToBigInt, bytesToHex, type RlpValue } from '@cairn/common';
import { DecodeError } from '../errors';

/*
 * Readers for the fields of decoded RLP. Each names the field in its `DecodeError`, so that a
 * rejected transaction or header says which field was malformed and how.
 */

/** The value as a list, of exactly `count` items when given. */
export function readList(value: RlpValue, field: string, count?: number): RlpValue[] {
  if (!Array.isArray(value)) throw new DecodeError('FIELD_NOT_LIST', field, 'must be an RLP list');
  if (count !== undefined && value.length !== count) {
    throw new DecodeError('FIELD_COUNT', field, `must have ${count} fields, got ${value.length}`);
  }
  return value;
}

/** The value as a byte string of any length. */
export function readBytes(value: RlpValue, field: string): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new DecodeError('FIELD_NOT_BYTES', field, 'must be an RLP byte string, got a list');
  return value;
}

/** The value as a byte string of exactly `length` bytes. */
export function readFixed(value: RlpValue, field: string, length: number): Uint8Array {
  const bytes = readBytes(value, field);
  if (bytes.length > length) throw new DecodeError('FIELD_TOO_LONG', field, `must be ${length} bytes, got ${bytes.length}`);
  if (bytes.length < length) throw new DecodeError('FIELD_TOO_SHORT', field, `must be ${length} bytes, got ${bytes.length}`);
  return bytes;
}

/**
 * The value as a canonical unsigned integer of at most `maxBytes` bytes (a 64-bit nonce or gas
 * limit): the width is checked first, as for any fixed-width integer, then the leading zero.
 */
export function readUint(value: RlpValue, field: string, maxBytes: number): bigint {
  const bytes = readBytes(value, field);
  if (bytes.length > maxBytes) throw new DecodeError('FIELD_TOO_LONG', field, `must fit in ${maxBytes} bytes, got ${bytes.length}`);
  if (bytes.length > 0 && bytes[0] === 0) throw new DecodeError('LEADING_ZEROS', field, 'integer has a leading zero byte');
  return bytesToBigInt(bytes);
}

/**
 * The value as a canonical unsigned integer of any width (a value, a price, a signature
 * component). Quantities are 256-bit, but that bound is a validity rule checked after the
 * transaction type is known to be allowed, as geth and the fixtures order it; decoding only
 * refuses a leading zero.
 */
export function readQuantity(value: RlpValue, field: string): bigint {
  const bytes = readBytes(value, field);
  if (bytes.length > 0 && bytes[0] === 0) throw new DecodeError('LEADING_ZEROS', field, 'integer has a leading zero byte');
  // Past 32 bytes, parse through hex text, which is linear in the length, where the chunked
  // conversion is quadratic: an oversized field costs no more than reading it.
  return bytes.length <= 32 ? bytesToBigInt(bytes) : BigInt(bytesToHex(bytes));
}

/** A 20-byte address, or undefined for the empty string (a contract creation's `to`). */
export function readOptionalAddress(value: RlpValue, field: string): Uint8Array | undefined {
  if (value instanceof Uint8Array && value.length === 0) return undefined;
  return readFixed(value, field, 20);
}

/** A list of byte strings of `length` bytes each. */
export function readFixedList(value: RlpValue, field: string, length: number): Uint8Array[] {
  return readList(value, field).map((item, i) => readFixed(item, `${field}[${i}]`, length));
}
