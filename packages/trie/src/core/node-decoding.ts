import { TrieNodeError } from '../errors';
import { readHexPrefix } from './nibbles';
import { BranchNode, ExtensionNode, HashNode, LeafNode, type LoadedNode, type TrieNode } from './node';

/**
 * Strict decoding of trie node RLP, by hand for the same reason as the encoder: the shapes are
 * fixed. Anything that is not the canonical encoding of a leaf, extension or branch (wrong item
 * count, non-canonical length, an embedded node of 32 bytes or more, trailing bytes) is refused
 * with a `TrieNodeError`. Decoded values and paths are views of the input, not copies.
 */

interface Item {
  readonly list: boolean;
  /** Where the item's header starts. */
  readonly start: number;
  /** Where its payload starts and ends. */
  readonly payload: number;
  readonly end: number;
}

function fail(reason: string): never {
  throw new TrieNodeError(`invalid trie node: ${reason}`);
}

function readItem(buf: Uint8Array, pos: number, limit: number): Item {
  if (pos >= limit) fail('truncated RLP');
  const b = buf[pos];
  if (b < 0x80) return { list: false, start: pos, payload: pos, end: pos + 1 };
  const list = b >= 0xc0;
  const base = list ? 0xc0 : 0x80;
  let length: number;
  let payload: number;
  if (b - base < 56) {
    length = b - base;
    payload = pos + 1;
    if (!list && length === 1 && (payload >= limit || buf[payload] < 0x80)) fail('non-canonical single byte');
  } else {
    const lol = b - base - 55;
    if (pos + 1 + lol > limit) fail('truncated RLP length');
    if (buf[pos + 1] === 0) fail('RLP length with a leading zero');
    length = 0;
    for (let i = 1; i <= lol; i++) length = length * 256 + buf[pos + i];
    if (length < 56) fail('non-canonical long RLP length');
    payload = pos + 1 + lol;
  }
  const end = payload + length;
  if (end > limit) fail('truncated RLP payload');
  return { list, start: pos, payload, end };
}

function readChildReference(buf: Uint8Array, item: Item): TrieNode | undefined {
  if (!item.list) {
    const size = item.end - item.payload;
    if (size === 0) return undefined;
    if (size === 32) return new HashNode(buf.subarray(item.payload, item.end));
    fail(`a child reference of ${size} bytes`);
  }
  if (item.end - item.start >= 32) fail('an embedded node of 32 bytes or more');
  return decodeAt(buf, item);
}

function decodeAt(buf: Uint8Array, top: Item): LoadedNode {
  if (!top.list) fail('not a list');
  const items: Item[] = [];
  for (let pos = top.payload; pos < top.end; ) {
    if (items.length === 17) fail('more than 17 items');
    const item = readItem(buf, pos, top.end);
    items.push(item);
    pos = item.end;
  }
  let node: LoadedNode;
  if (items.length === 2) {
    if (items[0].list) fail('a path that is a list');
    const hp = readHexPrefix(buf.subarray(items[0].payload, items[0].end));
    if (!hp) fail('bad hex-prefix flag');
    if (hp.leaf) {
      if (items[1].list) fail('a leaf value that is a list');
      node = new LeafNode(hp.path, buf.subarray(items[1].payload, items[1].end));
    } else {
      if (hp.path.length === 0) fail('an extension with an empty path');
      const child = readChildReference(buf, items[1]);
      if (child === undefined) fail('an extension without a child');
      node = new ExtensionNode(hp.path, child);
    }
  } else if (items.length === 17) {
    const children: (TrieNode | undefined)[] = new Array(16);
    for (let i = 0; i < 16; i++) children[i] = readChildReference(buf, items[i]);
    if (items[16].list) fail('a branch value that is a list');
    const value = items[16].end > items[16].payload ? buf.subarray(items[16].payload, items[16].end) : undefined;
    node = new BranchNode(children, value);
  } else {
    fail(`a list of ${items.length} items`);
  }
  node.encoded = buf.subarray(top.start, top.end);
  node.stored = true;
  return node;
}

/**
 * The node encoded by `encoded` (whose keccak is `hash`), marked as stored (immutable). Embedded
 * children are decoded too; referenced ones become `HashNode`s. As everywhere, `node.hash` is
 * kept only for encodings of 32 bytes or more: a smaller root is found by its hash but would be
 * inlined wherever it appeared as a child.
 */
export function decodeNode(encoded: Uint8Array, hash: Uint8Array): LoadedNode {
  const top = readItem(encoded, 0, encoded.length);
  if (top.end !== encoded.length) fail('trailing bytes');
  const node = decodeAt(encoded, top);
  if (encoded.length >= 32) node.hash = hash;
  return node;
}
