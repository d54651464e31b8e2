import { bytesToHex, type ForkRules } from '@cairn/common';
import type { Block } from '../block/block';
import { BlockError } from '../errors';
import type { BlockHeader } from '../header/header';
import type { ChainHeaderReader, HeaderValidator } from './engine';

/** How many generations of ancestors an ommer's parent may be among (Yellow Paper 11.1). */
export const OMMER_ANCESTRY_DEPTH = 7;

/**
 * Checks that each ommer of `block` is a true uncle: not the block or one of its seven
 * ancestors, not already included by the block or those ancestors, a child of one of those
 * ancestors other than the block's own parent (a sibling is not an uncle), and a valid header
 * against that parent, seal included. `rulesOf` gives the rules an ommer header is checked under.
 * Throws `BlockError`.
 */
export async function validateOmmers(
  block: Block,
  chain: ChainHeaderReader,
  engine: HeaderValidator,
  rulesOf: (header: BlockHeader) => ForkRules,
): Promise<void> {
  if (block.ommers.length === 0) return;
  const ancestors = new Map<string, BlockHeader>();
  const included = new Set<string>();
  let hash = block.header.parentHash;
  for (let i = 0; i < OMMER_ANCESTRY_DEPTH; i++) {
    const header = await chain.header(hash);
    if (header === undefined) break;
    const key = bytesToHex(hash);
    ancestors.set(key, header);
    for (const ommer of (await chain.ommers(hash)) ?? []) included.add(bytesToHex(ommer.hash()));
    if (header.number === 0n) break;
    hash = header.parentHash;
  }
  const self = bytesToHex(block.hash());
  ancestors.set(self, block.header);
  included.add(self);
  const parentKey = bytesToHex(block.header.parentHash);
  for (const ommer of block.ommers) {
    const key = bytesToHex(ommer.hash());
    if (included.has(key)) throw new BlockError('DUPLICATE_OMMER', `ommer ${key} is already included`, 'ommersHash');
    included.add(key);
    if (ancestors.has(key)) throw new BlockError('OMMER_IS_ANCESTOR', `ommer ${key} is an ancestor of the block`, 'ommersHash');
    const ommerParent = bytesToHex(ommer.parentHash);
    const parent = ancestors.get(ommerParent);
    if (parent === undefined || ommerParent === parentKey) {
      throw new BlockError('OMMER_PARENT_NOT_ANCESTOR', `the parent of ommer ${key} is not an ancestor of the block short of its parent`, 'ommersHash');
    }
    const rules = rulesOf(ommer);
    try {
      await engine.validateHeader(ommer, parent, rules);
      await engine.verifySeal(ommer, rules);
    } catch (error) {
      if (!(error instanceof BlockError)) throw error;
      throw new BlockError('INVALID_OMMER', `ommer ${key} is invalid: ${error.code}: ${error.message}`, error.field, { cause: error });
    }
  }
}
