import { HexError } from '../errors';

const HEX_CHARS = '0123456789abcdef';
const BYTE_TO_HEX: string[] = Array.from({ length: 256 }, (_, i) => HEX_CHARS[i >> 4] + HEX_CHARS[i & 15]);

/** A `0x`-prefixed hex string. Hex exists only at the edges (RPC, JSON, CLI). */
export type Hex = `0x${string}`;

/** Lower-case `0x`-prefixed hex of the bytes. */
export function bytesToHex(bytes: Uint8Array): Hex {
  let out = '0x';
  for (let i = 0; i < bytes.length; i++) out += BYTE_TO_HEX[bytes[i]];
  return out as Hex;
}

function nibble(code: number, text: string): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  throw new HexError(`invalid hex character in ${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)}`);
}

/**
 * Bytes of a `0x`-prefixed hex string. Odd-length input is rejected rather than padded, because
 * a silently padded value is a wrong value.
 */
export function hexToBytes(hex: string): Uint8Array {
  if (typeof hex !== 'string' || !(hex.startsWith('0x') || hex.startsWith('0X'))) {
    throw new HexError(`expected a 0x-prefixed hex string, got ${JSON.stringify(hex)}`);
  }
  const digits = hex.length - 2;
  if (digits % 2 !== 0) throw new HexError(`hex string has an odd number of digits: ${hex.slice(0, 80)}`);
  const out = new Uint8Array(digits / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = (nibble(hex.charCodeAt(2 + 2 * i), hex) << 4) | nibble(hex.charCodeAt(3 + 2 * i), hex);
  }
  return out;
}

/** Whether `text` is `0x` followed by hex digits (any count, including none). */
export function isHex(text: unknown): text is Hex {
  return typeof text === 'string' && /^0x[0-9a-fA-F]*$/.test(text);
}

/** Minimal `0x`-prefixed hex of a non-negative integer (`0x0` for zero), as JSON-RPC quantities use. */
export function bigintToHex(value: bigint | number): Hex {
  const v = BigInt(value);
  if (v < 0n) throw new HexError(`cannot encode negative quantity ${v}`);
  return `0x${v.toString(16)}`;
}

/** A non-negative integer from hex text; accepts leading zeros (fixture files use them). */
export function hexToBigInt(hex: string): bigint {
  if (!isHex(hex)) throw new HexError(`expected a 0x-prefixed hex quantity, got ${JSON.stringify(hex)}`);
  return hex.length === 2 ? 0n : BigInt(hex);
}
