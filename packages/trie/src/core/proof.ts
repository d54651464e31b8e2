import { bytesToHex, equalBytes, type Hash256 } from '@cairn/common';
import { EMPTY_TRIE_ROOT } from '../empty-root';
import { InvalidProofError, TrieNodeError } from '../errors';
import { bytesToNibbles, matchingLength } from './nibbles';
import { BRANCH, EXTENSION, HASH, LEAF, type LoadedNode, type TrieNode } from './node';
import { decodeNode } from './node-decoding';
import type { NodeEncoder } from './node-encoding';
import type { NodeResolver } from './resolver';

/**
 * The nodes on the path to `key`, root first, as RLP (the shape of `eth_getProof`, EIP-1186):
 * only nodes referred to by hash are listed, since embedded ones travel inside their parent.
 * The path ends at the key's leaf or where the key leaves the trie (a proof of absence). The
 * root must have been computed (every node on the path is clean).
 */
export async function createProof(resolver: NodeResolver, encoder: NodeEncoder, root: TrieNode | undefined, key: Uint8Array): Promise<Uint8Array[]> {
  const proof: Uint8Array[] = [];
  const nibbles = bytesToNibbles(key);
  let node = root;
  let pos = 0;
  let byHash = true;
  while (node !== undefined) {
    if (node.kind === HASH) node = resolver.resolve(node) ?? (await resolver.load(node.hash));
    // The encoding is kept on the node: proofs of nearby keys share most of their path.
    if (byHash) proof.push((node.encoded = encoder.encode(node)));
    let next: TrieNode | undefined;
    if (node.kind === LEAF) break;
    if (node.kind === EXTENSION) {
      if (matchingLength(node.path, nibbles, pos) !== node.path.length) break;
      pos += node.path.length;
      next = node.child;
    } else {
      if (pos === nibbles.length) break;
      next = node.children[nibbles[pos++]];
    }
    // A child is listed on its own when its parent refers to it by hash.
    byHash = next !== undefined && (next.kind === HASH || next.hash !== undefined);
    node = next;
  }
  return proof;
}

/**
 * Checks `proof` for `key` against `root` and returns the proven value, or undefined when the
 * proof shows the key is absent. A proof that is incomplete, malformed or does not lead from the
 * root throws `InvalidProofError`. Nodes not on the key's path are ignored.
 */
export function verifyProof(root: Uint8Array, key: Uint8Array, proof: readonly Uint8Array[], hash: Hash256): Uint8Array | undefined {
  if (!Array.isArray(proof) || proof.some((node) => !(node instanceof Uint8Array))) throw new InvalidProofError('a proof must be a list of byte strings');
  const byHash = new Map<string, Uint8Array>();
  for (const node of proof) byHash.set(bytesToHex(hash(node)), node);
  const fetch = (ref: Uint8Array): LoadedNode => {
    const encoded = byHash.get(bytesToHex(ref));
    if (encoded === undefined) throw new InvalidProofError(`the proof lacks node ${bytesToHex(ref)} on the path`);
    try {
      return decodeNode(encoded, ref);
    } catch (error) {
      if (error instanceof TrieNodeError) throw new InvalidProofError(`the proof holds a malformed node: ${error.message}`);
      throw error;
    }
  };
  if (equalBytes(root, EMPTY_TRIE_ROOT)) return undefined;
  const nibbles = bytesToNibbles(key);
  let node: LoadedNode = fetch(root);
  let pos = 0;
  for (;;) {
    let next: TrieNode | undefined;
    if (node.kind === LEAF) {
      const m = matchingLength(node.path, nibbles, pos);
      return m === node.path.length && m === nibbles.length - pos ? node.value : undefined;
    }
    if (node.kind === EXTENSION) {
      if (matchingLength(node.path, nibbles, pos) !== node.path.length) return undefined;
      pos += node.path.length;
      next = node.child;
    } else if (node.kind === BRANCH) {
      if (pos === nibbles.length) return node.value;
      next = node.children[nibbles[pos++]];
    }
    if (next === undefined) return undefined;
    node = next.kind === HASH ? fetch(next.hash) : next;
  }
}
