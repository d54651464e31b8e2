import { bigintToFixedBytes, bytesToBigInt, bytesToUint, rlpDecode, rlpEncode } from '@cairn/common';
import { PruningError } from '../errors';

/** What the pruner needs to know about one commit without reading its lists. */
export interface BlockRecord {
  /** Commit sequence number: the journal key, increasing across restarts. */
  readonly seq: bigint;
  readonly number: bigint;
  readonly hash: Uint8Array;
  readonly parentHash: Uint8Array;
  readonly root: Uint8Array;
}

/**
 * One commit's entry in the pruning journal. Each list is 32-byte hashes laid end to end, one
 * per place: a node inserted at two places is listed twice.
 */
export interface JournalEntry extends BlockRecord {
  readonly insertedNodes: Uint8Array;
  readonly removedNodes: Uint8Array;
  /** Storage tries dropped whole: every node below each root gave up its place. */
  readonly removedStorageRoots: Uint8Array;
  readonly insertedCode: Uint8Array;
  readonly removedCode: Uint8Array;
}

/** The journal key of a sequence number: 8 bytes big-endian, so keys sort by sequence. */
export function seqKey(seq: bigint): Uint8Array {
  return bigintToFixedBytes(seq, 8);
}

export function seqOfKey(key: Uint8Array): bigint {
  return bytesToBigInt(key);
}

/** Hashes laid end to end. */
export function joinHashes(hashes: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(hashes.length * 32);
  for (const [i, hash] of hashes.entries()) out.set(hash, i * 32);
  return out;
}

/** The 32-byte hashes of a joined list (views, not copies). */
export function splitHashes(joined: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < joined.length; i += 32) out.push(joined.subarray(i, i + 32));
  return out;
}

export function encodeEntry(entry: JournalEntry): Uint8Array {
  return rlpEncode([
    entry.number,
    entry.hash,
    entry.parentHash,
    entry.root,
    entry.insertedNodes,
    entry.removedNodes,
    entry.removedStorageRoots,
    entry.insertedCode,
    entry.removedCode,
  ]);
}

export function decodeEntry(seq: bigint, bytes: Uint8Array): JournalEntry {
  const fields = rlpDecode(bytes);
  if (!Array.isArray(fields) || fields.length !== 9 || fields.some((f) => !(f instanceof Uint8Array))) {
    throw new PruningError(`pruning journal entry ${seq} is malformed`);
  }
  const [number, hash, parentHash, root, insertedNodes, removedNodes, removedStorageRoots, insertedCode, removedCode] = fields as Uint8Array[];
  for (const list of [insertedNodes, removedNodes, removedStorageRoots, insertedCode, removedCode]) {
    if (list.length % 32 !== 0) throw new PruningError(`pruning journal entry ${seq} has a hash list of ${list.length} bytes`);
  }
  return { seq, number: bytesToUint(number, 8, 'block number'), hash, parentHash, root, insertedNodes, removedNodes, removedStorageRoots, insertedCode, removedCode };
}
