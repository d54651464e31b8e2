import { equalBytes } from '@cairn/common';
import type { Block } from '../block/block';
import { ChainStoreError } from '../errors';
import type { BlockStore, BlockStoreWriter } from '../store/block-store';

/**
 * Makes `block` (already written to `writer`) the head: its ancestors down to the fork point
 * with the current canonical chain become canonical, and the old canonical blocks above the fork
 * point stop being canonical (their number entries and transaction locations are removed
 * first, so that a transaction in both branches ends up pointing at the new one).
 */
export async function setCanonicalHead(store: BlockStore, writer: BlockStoreWriter, block: Block, currentHead: Block): Promise<void> {
  const newBranch: Block[] = [block];
  let cursor = block;
  while (cursor.header.number > 0n) {
    const canonical = await store.canonicalHash(cursor.header.number - 1n);
    if (canonical !== undefined && equalBytes(canonical, cursor.header.parentHash)) break;
    const parent = await store.block(cursor.header.parentHash);
    if (parent === undefined) throw new ChainStoreError('MISSING_BLOCK', `block ${cursor.header.number - 1n} of the new branch is missing from the store`);
    newBranch.push(parent);
    cursor = parent;
  }
  const forkPoint = cursor.header.number - 1n;
  let old = currentHead;
  while (old.header.number > forkPoint) {
    writer.deleteCanonical(old);
    const parent = await store.block(old.header.parentHash);
    if (parent === undefined) throw new ChainStoreError('MISSING_BLOCK', `block ${old.header.number - 1n} of the old branch is missing from the store`);
    old = parent;
  }
  for (let i = newBranch.length - 1; i >= 0; i--) writer.putCanonical(newBranch[i]);
  writer.setHead(block.hash());
}
