import { type Hash256, keccak256 } from '@cairn/common';
import { verifyProof as verify } from './core/proof';

/**
 * The value `proof` proves for `key` under `root`, or undefined when it proves the key absent;
 * throws `InvalidProofError` for a proof that proves neither. For a secure trie, pass the hashed
 * key. `hash` must be the hash the trie was built with (default keccak256).
 */
export function verifyProof(root: Uint8Array, key: Uint8Array, proof: readonly Uint8Array[], hash: Hash256 = keccak256): Uint8Array | undefined {
  return verify(root, key, proof, hash);
}
