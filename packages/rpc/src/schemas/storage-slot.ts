import { bigintToFixedBytes } from '@cairn/common';
import { z } from 'zod';

/**
 * A storage slot: `0x` and 1 to 64 hex digits. Leading zeros are allowed here (unlike QUANTITY)
 * because tools commonly send slots as padded 32-byte words, and geth and Besu accept both.
 * Yields the 32-byte key.
 */
export const StorageSlot = z.string().transform((text, ctx) => {
  if (!/^0[xX][0-9a-fA-F]{1,64}$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: `expected a storage slot of 1 to 64 hex digits, got ${JSON.stringify(text.slice(0, 80))}` });
    return z.NEVER;
  }
  return bigintToFixedBytes(BigInt(`0x${text.slice(2)}`), 32);
});
