import { bytesToHex, equalBytes, keccak256 } from '@cairn/common';
import type { NodeRecord } from './packets';

/** Entries per bucket (Kademlia's k) and the size of each bucket's replacement list. */
export const BUCKET_SIZE = 16;
export const REPLACEMENTS_SIZE = 10;

/** A node in the table, with the hash distances are measured on and when it last answered. */
export interface TableEntry extends NodeRecord {
  readonly hash: Uint8Array;
  lastSeen: number;
}

/** Logarithmic distance (1-256, 0 for the same hash) between two keccak-256 node hashes. */
export function logDistance(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < 32; i++) {
    const x = a[i] ^ b[i];
    if (x !== 0) return (32 - i) * 8 - Math.clz32(x) + 24;
  }
  return 0;
}

/** Orders by XOR distance to `target` (negative when `a` is closer). */
function compareDistance(target: Uint8Array, a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < 32; i++) {
    const da = a[i] ^ target[i];
    const db = b[i] ^ target[i];
    if (da !== db) return da - db;
  }
  return 0;
}

/** `nodes` ordered by XOR distance of their hashes to the hash of `targetId`, closest first. */
export function sortByDistance<T extends NodeRecord>(targetId: Uint8Array, nodes: readonly T[]): T[] {
  const target = keccak256(targetId);
  return nodes
    .map((node) => ({ node, hash: keccak256(node.id) }))
    .sort((a, b) => compareDistance(target, a.hash, b.hash))
    .map((e) => e.node);
}

interface Bucket {
  /** Most recently seen first. */
  entries: TableEntry[];
  replacements: TableEntry[];
}

/**
 * The Kademlia routing table of discovery v4: 256 buckets by log distance from this node's
 * hash, each holding up to 16 live nodes (most recently seen first) and a few replacements that
 * step in when a node fails its liveness check.
 */
export class KademliaTable {
  readonly localHash: Uint8Array;
  private readonly buckets: Bucket[] = Array.from({ length: 257 }, () => ({ entries: [], replacements: [] }));

  constructor(localId: Uint8Array) {
    this.localHash = keccak256(localId);
  }

  get size(): number {
    return this.buckets.reduce((n, b) => n + b.entries.length, 0);
  }

  /**
   * Adds or refreshes a node that proved alive. When its bucket is full it goes to the
   * replacements, and the bucket's least recently seen node is returned for a liveness check.
   */
  add(node: NodeRecord, now = Date.now()): { added: boolean; checkLiveness?: TableEntry } {
    const hash = keccak256(node.id);
    const distance = logDistance(this.localHash, hash);
    if (distance === 0) return { added: false };
    const bucket = this.buckets[distance];
    const index = bucket.entries.findIndex((e) => equalBytes(e.id, node.id));
    const entry: TableEntry = { ...node, hash, lastSeen: now };
    if (index >= 0) {
      bucket.entries.splice(index, 1);
      bucket.entries.unshift(entry);
      return { added: false };
    }
    if (bucket.entries.length < BUCKET_SIZE) {
      bucket.entries.unshift(entry);
      return { added: true };
    }
    bucket.replacements = [entry, ...bucket.replacements.filter((e) => !equalBytes(e.id, node.id))].slice(0, REPLACEMENTS_SIZE);
    return { added: false, checkLiveness: bucket.entries.at(-1) };
  }

  /** Drops a node that failed its liveness check, promoting the newest replacement. */
  remove(id: Uint8Array): TableEntry | undefined {
    const bucket = this.buckets[logDistance(this.localHash, keccak256(id))];
    const index = bucket.entries.findIndex((e) => equalBytes(e.id, id));
    if (index < 0) return undefined;
    bucket.entries.splice(index, 1);
    const promoted = bucket.replacements.shift();
    if (promoted) bucket.entries.push(promoted);
    return promoted;
  }

  get(id: Uint8Array): TableEntry | undefined {
    return this.buckets[logDistance(this.localHash, keccak256(id))].entries.find((e) => equalBytes(e.id, id));
  }

  /** The `count` known nodes closest to `targetId` (a 64-byte id, hashed like node ids). */
  closest(targetId: Uint8Array, count = BUCKET_SIZE): TableEntry[] {
    const target = keccak256(targetId);
    return this.all()
      .sort((a, b) => compareDistance(target, a.hash, b.hash))
      .slice(0, count);
  }

  all(): TableEntry[] {
    return this.buckets.flatMap((b) => b.entries);
  }

  /** The least recently seen node of a random non-empty bucket: the next to revalidate. */
  revalidationCandidate(random: () => number = Math.random): TableEntry | undefined {
    const filled = this.buckets.filter((b) => b.entries.length > 0);
    if (filled.length === 0) return undefined;
    return filled[Math.floor(random() * filled.length)].entries.at(-1);
  }

  toString(): string {
    return `table of ${this.size}: ${this.all().map((e) => bytesToHex(e.id).slice(2, 10)).join(', ')}`;
  }
}
