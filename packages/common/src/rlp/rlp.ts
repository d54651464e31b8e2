import { RLP } from '@ethereumjs/rlp';
import { bigintToBytes } from '../bytes/bytes';
import { RlpError } from '../errors';

/** What RLP can encode: byte strings, non-negative integers (as minimal big-endian) and lists. */
export type RlpInput = Uint8Array | bigint | readonly RlpInput[];
/** What RLP decodes to: byte strings and lists of them. */
export type RlpValue = Uint8Array | RlpValue[];

/** Inputs larger than this are refused before decoding; far above any valid block or message. */
export const DEFAULT_MAX_RLP_BYTES = 32 * 1024 * 1024;

function normalize(input: RlpInput): Uint8Array | unknown[] {
  if (input instanceof Uint8Array) return input;
  if (typeof input === 'bigint') return bigintToBytes(input);
  if (Array.isArray(input)) return input.map(normalize);
  throw new RlpError(`cannot RLP-encode a value of type ${typeof input}`);
}

/** RLP encoding of `input`. */
export function rlpEncode(input: RlpInput): Uint8Array {
  return RLP.encode(normalize(input) as Parameters<typeof RLP.encode>[0]);
}

/**
 * Strict RLP decoding of exactly one item: non-canonical length prefixes, single bytes wrapped in
 * a prefix, truncated input, trailing bytes and input over `maxBytes` are all rejected.
 */
export function rlpDecode(bytes: Uint8Array, maxBytes = DEFAULT_MAX_RLP_BYTES): RlpValue {
  if (!(bytes instanceof Uint8Array)) throw new RlpError('RLP input must be bytes');
  if (bytes.length === 0) throw new RlpError('RLP input is empty');
  if (bytes.length > maxBytes) throw new RlpError(`RLP input of ${bytes.length} bytes exceeds the limit of ${maxBytes}`);
  try {
    return RLP.decode(bytes) as RlpValue;
  } catch (error) {
    throw new RlpError(`invalid RLP: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Decodes one item from the front of `bytes` and returns it with the bytes that follow, for
 * streams of concatenated items (block files, message payloads).
 */
export function rlpDecodeStream(bytes: Uint8Array, maxBytes = DEFAULT_MAX_RLP_BYTES): { value: RlpValue; rest: Uint8Array } {
  if (bytes.length === 0) throw new RlpError('RLP input is empty');
  const length = rlpItemLength(bytes);
  if (length > maxBytes) throw new RlpError(`RLP item of ${length} bytes exceeds the limit of ${maxBytes}`);
  if (length > bytes.length) throw new RlpError(`RLP item needs ${length} bytes but only ${bytes.length} remain`);
  return { value: rlpDecode(bytes.subarray(0, length), maxBytes), rest: bytes.subarray(length) };
}

/** Total length (prefix and payload) of the RLP item starting at `bytes[0]`, from its prefix alone. */
export function rlpItemLength(bytes: Uint8Array): number {
  const first = bytes[0];
  if (first < 0x80) return 1;
  if (first <= 0xb7) return 1 + first - 0x80;
  if (first < 0xc0 || first > 0xf7) {
    const lengthOfLength = first - (first < 0xc0 ? 0xb7 : 0xf7);
    if (bytes.length < 1 + lengthOfLength) throw new RlpError('RLP length prefix is truncated');
    if (bytes[1] === 0) throw new RlpError('RLP length prefix has a leading zero');
    let length = 0;
    for (let i = 1; i <= lengthOfLength; i++) length = length * 256 + bytes[i];
    return 1 + lengthOfLength + length;
  }
  return 1 + first - 0xc0;
}
