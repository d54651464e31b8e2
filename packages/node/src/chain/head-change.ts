import { type Block, type BlockStore, ChainStoreError } from '@cairn/chain';
import { equalBytes } from '@cairn/common';

/** How the canonical chain moved from one head to another. */
export interface HeadChange {
  readonly head: Block;
  /** Blocks that became canonical, oldest first (one, unless a reorganisation happened). */
  readonly added: readonly Block[];
  /** Blocks that stopped being canonical, newest first. */
  readonly removed: readonly Block[];
}

/** Walks both heads back to their common ancestor. */
export async function headChange(blocks: BlockStore, previous: Block, head: Block): Promise<HeadChange> {
  const added: Block[] = [];
  const removed: Block[] = [];
  const parentOf = async (block: Block) => {
    const parent = await blocks.block(block.header.parentHash);
    if (parent === undefined) throw new ChainStoreError('MISSING_BLOCK', `block ${block.header.number - 1n}, parent of ${block.header.number}, is missing from the store`);
    return parent;
  };
  let newer = head;
  let older = previous;
  while (newer.header.number > older.header.number) {
    added.push(newer);
    newer = await parentOf(newer);
  }
  while (older.header.number > newer.header.number) {
    removed.push(older);
    older = await parentOf(older);
  }
  while (!equalBytes(newer.hash(), older.hash())) {
    added.push(newer);
    removed.push(older);
    newer = await parentOf(newer);
    older = await parentOf(older);
  }
  return { head, added: added.reverse(), removed };
}
