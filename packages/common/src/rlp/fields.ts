import { bytesToUint } from '../bytes/bytes';
import { RlpError, type ValueError } from '../errors';
import type { RlpValue } from './rlp';

/** The decoded value as a list, or an error naming `what` was expected. */
export function asList(value: RlpValue, what: string, length?: number): RlpValue[] {
  if (!Array.isArray(value)) throw new RlpError(`${what} must be an RLP list`);
  if (length !== undefined && value.length !== length) {
    throw new RlpError(`${what} must have ${length} fields, got ${value.length}`);
  }
  return value;
}

/** The decoded value as a byte string, or an error naming the field. */
export function asBytes(value: RlpValue, field: string, length?: number): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new RlpError(`${field} must be an RLP byte string`);
  if (length !== undefined && value.length !== length) {
    throw new RlpError(`${field} must be ${length} bytes, got ${value.length}`);
  }
  return value;
}

/** The decoded value as a canonical unsigned integer of at most `maxBytes` bytes. */
export function asUint(value: RlpValue, field: string, maxBytes = 32): bigint {
  const bytes = asBytes(value, field);
  try {
    return bytesToUint(bytes, maxBytes, field);
  } catch (error) {
    throw new RlpError((error as ValueError).message);
  }
}
