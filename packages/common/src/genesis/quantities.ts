import { z } from 'zod';
import { hexToBytes } from '../bytes/hex';

/**
 * Genesis files write numbers as JSON numbers, decimal strings or 0x-hex strings, and byte
 * strings with or without the 0x prefix. These schemas accept all of those and yield `bigint`
 * and `Uint8Array`.
 */
export const quantity = z.union([z.number(), z.string()]).transform((value, ctx): bigint => {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) {
      ctx.addIssue({ code: 'custom', message: `expected a non-negative integer, got ${value}` });
      return z.NEVER;
    }
    return BigInt(value);
  }
  const text = value.trim();
  if (/^0x[0-9a-fA-F]+$/.test(text)) return BigInt(text);
  if (/^[0-9]+$/.test(text)) return BigInt(text);
  ctx.addIssue({ code: 'custom', message: `expected a decimal or 0x-hex integer, got ${JSON.stringify(value)}` });
  return z.NEVER;
});

/** A byte string of any length (or of exactly `length` bytes), with or without `0x`. */
export function byteString(length?: number) {
  return z.string().transform((value, ctx): Uint8Array => {
    const text = value.startsWith('0x') || value.startsWith('0X') ? value.slice(2) : value;
    if (!/^([0-9a-fA-F]{2})*$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: 'expected hex bytes (an even number of hex digits)' });
      return z.NEVER;
    }
    if (length !== undefined && text.length !== length * 2) {
      ctx.addIssue({ code: 'custom', message: `expected ${length} bytes, got ${text.length / 2}` });
      return z.NEVER;
    }
    return hexToBytes(`0x${text}`);
  });
}

/** A 32-byte word written as hex of up to 32 bytes (storage keys and values), left-padded. */
export const word = z.string().transform((value, ctx): bigint => {
  const text = value.startsWith('0x') || value.startsWith('0X') ? value.slice(2) : value;
  if (!/^[0-9a-fA-F]{1,64}$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'expected a hex word of at most 32 bytes' });
    return z.NEVER;
  }
  return BigInt(`0x${text}`);
});
