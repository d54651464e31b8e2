import type { BlockHeader } from '../header/header';

/** BLOCKHASH answers for at most this many blocks back. */
const BLOCKHASH_WINDOW = 256n;
const ZERO_HASH = new Uint8Array(32);

/**
 * BLOCKHASH for a block being executed: the hash of its ancestor at a number, found by walking
 * parent hashes back from its parent (the block may be on a side chain, so the canonical index
 * will not do). Headers walked once are kept for the rest of the block.
 */
export function ancestorHashes(parent: BlockHeader, header: (hash: Uint8Array) => Promise<BlockHeader | undefined>): (number: bigint) => Promise<Uint8Array> {
  const walked: BlockHeader[] = [parent];
  return async (number) => {
    const newest = parent.number;
    if (number > newest || number < 0n || newest + 1n - number > BLOCKHASH_WINDOW) return ZERO_HASH;
    while (walked[walked.length - 1].number > number) {
      const next = await header(walked[walked.length - 1].parentHash);
      if (next === undefined) return ZERO_HASH;
      walked.push(next);
    }
    return walked[Number(newest - number)].hash();
  };
}
