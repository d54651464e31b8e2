import { bytesToUint, rlpDecode, rlpEncode } from '@cairn/common';
import { PruningError } from '../errors';

const text = (s: string) => new TextEncoder().encode(s);

/** Keys in the metadata segment. */
export const MODE_KEY = text('state.pruning.mode');
export const PROGRESS_KEY = text('state.pruning.progress');
export const HEAD_KEY = text('state.pruning.head');

/** How far pruning has got; written in the same batch as the work it describes. */
export interface PruningProgress {
  /** Every journal entry up to this sequence number has its insertions counted. */
  readonly ingestedSeq: bigint;
  /** The last height whose canonical block's removals were applied, and that block's hash. */
  readonly pruned: { readonly number: bigint; readonly hash: Uint8Array } | undefined;
}

export interface HeadRef {
  readonly number: bigint;
  readonly hash: Uint8Array;
}

export function encodeProgress(progress: PruningProgress): Uint8Array {
  return rlpEncode([progress.ingestedSeq, progress.pruned ? [progress.pruned.number, progress.pruned.hash] : []]);
}

export function decodeProgress(bytes: Uint8Array): PruningProgress {
  const fields = rlpDecode(bytes);
  if (!Array.isArray(fields) || fields.length !== 2 || !(fields[0] instanceof Uint8Array) || !Array.isArray(fields[1])) {
    throw new PruningError('the pruning progress record is malformed');
  }
  const pruned = fields[1] as Uint8Array[];
  return {
    ingestedSeq: bytesToUint(fields[0], 8, 'sequence number'),
    pruned: pruned.length === 2 ? { number: bytesToUint(pruned[0], 8, 'block number'), hash: pruned[1] } : undefined,
  };
}

export function encodeHead(head: HeadRef): Uint8Array {
  return rlpEncode([head.number, head.hash]);
}

export function decodeHead(bytes: Uint8Array): HeadRef {
  const fields = rlpDecode(bytes);
  if (!Array.isArray(fields) || fields.length !== 2 || !(fields[0] instanceof Uint8Array) || !(fields[1] instanceof Uint8Array)) {
    throw new PruningError('the pruning head record is malformed');
  }
  return { number: bytesToUint(fields[0], 8, 'block number'), hash: fields[1] };
}
