import { hexToBytes, parseAddress } from '@cairn/common';
import { z } from 'zod';

const QUANTITY = /^0[xX](0|[1-9a-fA-F][0-9a-fA-F]*)$/;
const DATA = /^0[xX]([0-9a-fA-F]{2})*$/;

function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

/**
 * A QUANTITY: `0x` and hex digits without leading zeros (`0x0` for zero), as geth and Besu
 * require, of at most `bits` bits. Yields a bigint.
 */
export function quantity(bits = 256) {
  const max = (1n << BigInt(bits)) - 1n;
  return z.string().transform((text, ctx) => {
    if (!QUANTITY.test(text)) {
      ctx.addIssue({ code: 'custom', message: `expected a hex quantity like 0x1a without leading zeros, got ${quote(text)}` });
      return z.NEVER;
    }
    const value = BigInt(`0x${text.slice(2)}`);
    if (value > max) {
      ctx.addIssue({ code: 'custom', message: `quantity ${quote(text)} does not fit in ${bits} bits` });
      return z.NEVER;
    }
    return value;
  });
}

/** A 256-bit QUANTITY (balances, values, fees). */
export const Quantity = quantity(256);
/** A 64-bit QUANTITY (block numbers, gas, nonces, indexes). */
export const Uint64 = quantity(64);

/** DATA: `0x` and an even number of hex digits, of exactly `length` bytes when given. Yields bytes. */
export function data(length?: number) {
  return z.string().transform((text, ctx) => {
    if (!DATA.test(text)) {
      ctx.addIssue({ code: 'custom', message: `expected 0x-prefixed hex data with an even number of digits, got ${quote(text)}` });
      return z.NEVER;
    }
    const bytes = hexToBytes(text);
    if (length !== undefined && bytes.length !== length) {
      ctx.addIssue({ code: 'custom', message: `expected ${length} bytes of hex data, got ${bytes.length}` });
      return z.NEVER;
    }
    return bytes;
  });
}

/** DATA of any length. */
export const Data = data();
/** A 32-byte hash. */
export const Hash32 = data(32);

/** A 20-byte address; mixed-case input must carry a valid EIP-55 checksum. */
export const Address = z.string().transform((text, ctx) => {
  try {
    return parseAddress(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});
