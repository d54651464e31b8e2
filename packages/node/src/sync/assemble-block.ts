import { Block, type BlockBody, type BlockHeader, decodeBlockBody, EMPTY_OMMERS_HASH, ommersHash, transactionsRoot, withdrawalsRoot } from '@cairn/chain';
import { equalBytes, keccak256, rlpDecode } from '@cairn/common';

/** The root of an empty trie: keccak256 of the RLP of the empty string. */
const EMPTY_ROOT = keccak256(Uint8Array.of(0x80));

/** Whether a header commits to an empty body, so that no peer needs to be asked for it. */
export function hasEmptyBody(header: BlockHeader): boolean {
  return (
    equalBytes(header.transactionsRoot, EMPTY_ROOT) &&
    equalBytes(header.ommersHash, EMPTY_OMMERS_HASH) &&
    (header.withdrawalsRoot === undefined || equalBytes(header.withdrawalsRoot, EMPTY_ROOT))
  );
}

/** The empty body a header with `hasEmptyBody` stands for. */
export function emptyBody(header: BlockHeader): BlockBody {
  return { transactions: [], ommers: [], withdrawals: header.withdrawalsRoot === undefined ? undefined : [] };
}

/**
 * The block of `header` with a body a peer sent (`[transactions, ommers, withdrawals?]` as RLP),
 * or the reason the body is not the one the header commits to: undecodable, or a transactions
 * root, ommers hash or withdrawals root that differs. Checking this before import tells a peer
 * that sent a wrong body apart from a header chain whose block is invalid.
 */
export async function assembleBlock(header: BlockHeader, encodedBody: Uint8Array): Promise<Block | { mismatch: string }> {
  let body: BlockBody;
  try {
    body = decodeBlockBody(rlpDecode(encodedBody));
  } catch (error) {
    return { mismatch: `undecodable body: ${(error as Error).message}` };
  }
  if (!equalBytes(ommersHash(body.ommers), header.ommersHash)) return { mismatch: 'ommers do not match the ommers hash' };
  if ((body.withdrawals === undefined) !== (header.withdrawalsRoot === undefined)) return { mismatch: 'withdrawals present where the header has none, or missing' };
  if (body.withdrawals && header.withdrawalsRoot && !equalBytes(await withdrawalsRoot(body.withdrawals), header.withdrawalsRoot)) {
    return { mismatch: 'withdrawals do not match the withdrawals root' };
  }
  if (!equalBytes(await transactionsRoot(body.transactions), header.transactionsRoot)) return { mismatch: 'transactions do not match the transactions root' };
  return new Block(header, body);
}
