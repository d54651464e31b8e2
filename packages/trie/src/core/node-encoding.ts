import type { Hash256 } from '@cairn/common';
import { hexPrefixLength, writeHexPrefix } from './nibbles';
import { BRANCH, type BranchNode, EXTENSION, HASH, LEAF, type LoadedNode, type TrieNode } from './node';

/**
 * RLP of trie nodes, written by hand: the shapes are fixed (a 2-item or 17-item list of byte
 * strings and embedded nodes), so the size is computed first and the bytes written once, without
 * the intermediate arrays a generic encoder builds.
 */

const EMPTY_STRING = 0x80;

function lengthOfLength(length: number): number {
  let n = 0;
  for (; length > 0; length = Math.floor(length / 256)) n++;
  return n;
}

function stringSize(bytes: Uint8Array): number {
  const n = bytes.length;
  if (n === 1 && bytes[0] < 0x80) return 1;
  return n < 56 ? 1 + n : 1 + lengthOfLength(n) + n;
}

function listSize(payload: number): number {
  return payload < 56 ? 1 + payload : 1 + lengthOfLength(payload) + payload;
}

function writeLength(out: Uint8Array, offset: number, length: number, shortBase: number): number {
  if (length < 56) {
    out[offset] = shortBase + length;
    return offset + 1;
  }
  const lol = lengthOfLength(length);
  out[offset] = shortBase + 55 + lol;
  for (let i = lol; i >= 1; i--, length = Math.floor(length / 256)) out[offset + i] = length & 0xff;
  return offset + 1 + lol;
}

function writeString(out: Uint8Array, offset: number, bytes: Uint8Array): number {
  if (bytes.length === 1 && bytes[0] < 0x80) {
    out[offset] = bytes[0];
    return offset + 1;
  }
  offset = writeLength(out, offset, bytes.length, EMPTY_STRING);
  out.set(bytes, offset);
  return offset + bytes.length;
}

/** How a parent refers to a clean child: its hash, or its own encoding when under 32 bytes. */
function referenceOf(child: TrieNode): Uint8Array {
  return child.kind === HASH ? child.hash : (child.hash ?? child.encoded!);
}

/** A hash is written as a 32-byte string; an embedded node as itself. */
function referenceSize(ref: Uint8Array): number {
  return ref.length === 32 ? 33 : ref.length;
}

function writeReference(out: Uint8Array, offset: number, ref: Uint8Array): number {
  if (ref.length === 32) out[offset++] = EMPTY_STRING + 32;
  out.set(ref, offset);
  return offset + ref.length;
}

function pathSize(pathLength: number): number {
  const size = hexPrefixLength(pathLength);
  // A one-byte hex prefix is 0x00..0x3f, below 0x80, so it is its own encoding.
  return size === 1 ? 1 : 1 + size;
}

function writePath(out: Uint8Array, offset: number, path: Uint8Array, leaf: boolean): number {
  const size = hexPrefixLength(path.length);
  if (size > 1) out[offset++] = EMPTY_STRING + size;
  writeHexPrefix(path, leaf, out, offset);
  return offset + size;
}

function payloadSize(node: LoadedNode): number {
  switch (node.kind) {
    case LEAF:
      return pathSize(node.path.length) + stringSize(node.value);
    case EXTENSION:
      return pathSize(node.path.length) + referenceSize(referenceOf(node.child));
    case BRANCH: {
      let size = node.value === undefined ? 1 : stringSize(node.value);
      for (let i = 0; i < 16; i++) {
        const child = node.children[i];
        size += child === undefined ? 1 : referenceSize(referenceOf(child));
      }
      return size;
    }
  }
}

function writeBranch(out: Uint8Array, offset: number, node: BranchNode): number {
  for (let i = 0; i < 16; i++) {
    const child = node.children[i];
    if (child === undefined) out[offset++] = EMPTY_STRING;
    else offset = writeReference(out, offset, referenceOf(child));
  }
  if (node.value === undefined) out[offset++] = EMPTY_STRING;
  else offset = writeString(out, offset, node.value);
  return offset;
}

/** Writes the RLP of `node` (whose children are clean) into `out` from 0; returns its length. */
function writeNode(node: LoadedNode, payload: number, out: Uint8Array): number {
  const offset = writeLength(out, 0, payload, 0xc0);
  switch (node.kind) {
    case LEAF:
      return writeString(out, writePath(out, offset, node.path, true), node.value);
    case EXTENSION:
      return writeReference(out, writePath(out, offset, node.path, false), referenceOf(node.child));
    case BRANCH:
      return writeBranch(out, offset, node);
  }
}

/**
 * Encodes and hashes trie nodes. Dirty nodes are encoded into one reusable buffer and only their
 * hash is kept, which spares an allocation per node when a large trie's root is computed; nodes
 * under 32 bytes keep their encoding, since their parent embeds it.
 */
export class NodeEncoder {
  #buffer = new Uint8Array(1024);

  constructor(private readonly hash: Hash256) {}

  /**
   * The reference of `node` (its hash, or its encoding when under 32 bytes), hashing every dirty
   * node below it first, bottom-up, each once. Clean nodes are not visited.
   */
  reference(node: TrieNode): Uint8Array {
    if (node.kind === HASH) return node.hash;
    if (node.hash !== undefined) return node.hash;
    if (node.encoded !== undefined) return node.encoded;
    if (node.kind === EXTENSION) this.reference(node.child);
    else if (node.kind === BRANCH) for (let i = 0; i < 16; i++) if (node.children[i] !== undefined) this.reference(node.children[i]!);
    const payload = payloadSize(node);
    const size = listSize(payload);
    if (size > this.#buffer.length) this.#buffer = new Uint8Array(Math.max(size, 2 * this.#buffer.length));
    writeNode(node, payload, this.#buffer);
    if (size < 32) return (node.encoded = this.#buffer.slice(0, size));
    return (node.hash = this.hash(this.#buffer.subarray(0, size)));
  }

  /** The RLP of a clean node, in a buffer of its own. */
  encode(node: LoadedNode): Uint8Array {
    if (node.encoded !== undefined) return node.encoded;
    const payload = payloadSize(node);
    const out = new Uint8Array(listSize(payload));
    writeNode(node, payload, out);
    return out;
  }
}
