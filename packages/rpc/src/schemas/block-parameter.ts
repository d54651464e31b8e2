import { z } from 'zod';
import { byType } from './by-type';
import { Hash32, Uint64 } from './primitives';

export const BLOCK_TAGS = ['latest', 'earliest', 'pending', 'safe', 'finalized'] as const;
export type BlockTag = (typeof BLOCK_TAGS)[number];

/** Which block a request means, before the node resolves it against its chain. */
export type BlockParameter =
  | { readonly kind: 'tag'; readonly tag: BlockTag }
  | { readonly kind: 'number'; readonly number: bigint }
  | { readonly kind: 'hash'; readonly hash: Uint8Array; readonly requireCanonical: boolean };

const TAG_LIST = BLOCK_TAGS.join(', ');

const NumberOrTagText = z.string().transform((text, ctx): BlockParameter => {
  if ((BLOCK_TAGS as readonly string[]).includes(text)) return { kind: 'tag', tag: text as BlockTag };
  if (!/^0[xX]/.test(text)) {
    ctx.addIssue({ code: 'custom', message: `expected a hex block number or one of ${TAG_LIST}, got ${JSON.stringify(text.slice(0, 80))}` });
    return z.NEVER;
  }
  const parsed = Uint64.safeParse(text);
  if (parsed.success) return { kind: 'number', number: parsed.data };
  ctx.addIssue({ code: 'custom', message: parsed.error.issues[0].message });
  return z.NEVER;
});

/** EIP-1898: `{blockHash, requireCanonical?}` or `{blockNumber}`, never both. */
const Eip1898 = z
  .strictObject({ blockHash: Hash32.optional(), requireCanonical: z.boolean().optional(), blockNumber: Uint64.optional() })
  .transform((value, ctx): BlockParameter => {
    if (value.blockHash !== undefined && value.blockNumber !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'blockHash and blockNumber are mutually exclusive' });
      return z.NEVER;
    }
    if (value.blockHash !== undefined) {
      return { kind: 'hash', hash: value.blockHash, requireCanonical: value.requireCanonical ?? false };
    }
    if (value.requireCanonical !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'requireCanonical is only allowed with blockHash', path: ['requireCanonical'] });
      return z.NEVER;
    }
    if (value.blockNumber === undefined) {
      ctx.addIssue({ code: 'custom', message: 'expected blockHash or blockNumber' });
      return z.NEVER;
    }
    return { kind: 'number', number: value.blockNumber };
  });

/** A block number or tag, as eth_getBlockByNumber and filter ranges take it. */
export const BlockNumberOrTag = byType({ string: NumberOrTagText }, `a hex block number or one of ${TAG_LIST}`);

/** A block number, tag or EIP-1898 object, as the state methods (eth_getBalance, eth_call, …) take it. */
export const BlockParameterSchema = byType(
  { string: NumberOrTagText, object: Eip1898 },
  `a hex block number, one of ${TAG_LIST}, or an EIP-1898 {blockHash, requireCanonical} / {blockNumber} object`,
);
