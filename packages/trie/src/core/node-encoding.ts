import { hexPrefixLength, writeHexPrefix } from './nibbles';
import { BRANCH, type BranchNode, EXTENSION, HASH, LEAF, type LoadedNode, type TrieNode } from './node';

/**
 * RLP of trie nodes, written by hand: the shapes are fixed (a 2-item or 17-item list of byte
 * strings and embedded nodes), so lengths are computed first and the bytes written once into an
 * exactly sized buffer, without the intermediate arrays a generic encoder builds.
 */

const EMPTY_STRING = 0x80;

function lengthOfLength(length: number): number {
  let n = 0;
  while (length > 0) {
    n++;
    length = Math.floor(length / 256);
  }
  return n;
}

/** Encoded size of a byte string item. */
function stringItemSize(bytes: Uint8Array): number {
  const n = bytes.length;
  if (n === 1 && bytes[0] < 0x80) return 1;
  if (n < 56) return 1 + n;
  return 1 + lengthOfLength(n) + n;
}

function writeLength(out: Uint8Array, offset: number, length: number, shortBase: number): number {
  if (length < 56) {
    out[offset] = shortBase + length;
    return offset + 1;
  }
  const lol = lengthOfLength(length);
  out[offset] = shortBase + 55 + lol;
  for (let i = lol; i >= 1; i--) {
    out[offset + i] = length & 0xff;
    length = Math.floor(length / 256);
  }
  return offset + 1 + lol;
}

function writeString(out: Uint8Array, offset: number, bytes: Uint8Array): number {
  if (bytes.length === 1 && bytes[0] < 0x80) {
    out[offset] = bytes[0];
    return offset + 1;
  }
  offset = writeLength(out, offset, bytes.length, 0x80);
  out.set(bytes, offset);
  return offset + bytes.length;
}

/** Encoded size of a child reference: a hash as a 32-byte string, an inlined node as itself. */
function referenceSize(ref: Uint8Array): number {
  return ref.length === 32 ? 33 : ref.length;
}

function writeReference(out: Uint8Array, offset: number, ref: Uint8Array): number {
  if (ref.length === 32) {
    out[offset++] = EMPTY_STRING + 32;
  }
  out.set(ref, offset);
  return offset + ref.length;
}

function listBuffer(payload: number): { out: Uint8Array; offset: number } {
  const header = payload < 56 ? 1 : 1 + lengthOfLength(payload);
  const out = new Uint8Array(header + payload);
  return { out, offset: writeLength(out, 0, payload, 0xc0) };
}

function pathItemSize(pathLength: number): number {
  const size = hexPrefixLength(pathLength);
  // A one-byte hex prefix is 0x00..0x3f, always below 0x80, so it is its own encoding.
  return size === 1 ? 1 : 1 + size;
}

function writePath(out: Uint8Array, offset: number, path: Uint8Array, leaf: boolean): number {
  const size = hexPrefixLength(path.length);
  if (size > 1) out[offset++] = EMPTY_STRING + size;
  writeHexPrefix(path, leaf, out, offset);
  return offset + size;
}

export function encodeLeaf(path: Uint8Array, value: Uint8Array): Uint8Array {
  const { out, offset } = listBuffer(pathItemSize(path.length) + stringItemSize(value));
  writeString(out, writePath(out, offset, path, true), value);
  return out;
}

export function encodeExtension(path: Uint8Array, childRef: Uint8Array): Uint8Array {
  const { out, offset } = listBuffer(pathItemSize(path.length) + referenceSize(childRef));
  writeReference(out, writePath(out, offset, path, false), childRef);
  return out;
}

/** Encodes a branch whose children's references are already known (see `referenceOf`). */
function encodeBranch(branch: BranchNode, refs: (Uint8Array | undefined)[]): Uint8Array {
  let payload = branch.value === undefined ? 1 : stringItemSize(branch.value);
  for (let i = 0; i < 16; i++) payload += refs[i] === undefined ? 1 : referenceSize(refs[i]!);
  let { out, offset } = listBuffer(payload);
  for (let i = 0; i < 16; i++) {
    const ref = refs[i];
    if (ref === undefined) out[offset++] = EMPTY_STRING;
    else offset = writeReference(out, offset, ref);
  }
  if (branch.value === undefined) out[offset] = EMPTY_STRING;
  else writeString(out, offset, branch.value);
  return out;
}

/**
 * The reference of `node`, encoding and hashing every dirty node below it first (bottom-up, so
 * each dirty node is hashed exactly once however many puts changed it). Clean nodes keep their
 * cached encoding and are not visited.
 */
export function computeReference(node: TrieNode, hash: (data: Uint8Array) => Uint8Array): Uint8Array {
  if (node.kind === HASH) return node.hash;
  if (node.encoded !== undefined) return node.hash ?? node.encoded;
  const encoded = encodeLoaded(node, hash);
  node.encoded = encoded;
  if (encoded.length >= 32) {
    node.hash = hash(encoded);
    return node.hash;
  }
  return encoded;
}

function encodeLoaded(node: LoadedNode, hash: (data: Uint8Array) => Uint8Array): Uint8Array {
  switch (node.kind) {
    case LEAF:
      return encodeLeaf(node.path, node.value);
    case EXTENSION:
      return encodeExtension(node.path, computeReference(node.child, hash));
    case BRANCH: {
      const refs: (Uint8Array | undefined)[] = new Array(16);
      for (let i = 0; i < 16; i++) {
        const child = node.children[i];
        refs[i] = child === undefined ? undefined : computeReference(child, hash);
      }
      return encodeBranch(node, refs);
    }
  }
}
