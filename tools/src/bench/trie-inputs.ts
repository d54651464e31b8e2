import { bigintToFixedBytes, concatBytes, keccak256 } from '@cairn/common';

/** The deterministic keys and values of ../shared/bench/workloads/TRIE-SPEC.md. */
export interface TrieInputs {
  readonly keys: Uint8Array[];
  readonly values: Uint8Array[];
}

/** key_i = keccak(uint256_be(i)); value_i = the first 32 + (keccak(key_i)[0] mod 69) bytes of a keccak stream. */
export function trieInputs(n: number): TrieInputs {
  const keys: Uint8Array[] = [];
  const values: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const key = keccak256(bigintToFixedBytes(BigInt(i), 32));
    const length = 32 + (keccak256(key)[0] % 69);
    const stream = concatBytes(...[0, 1, 2, 3].map((b) => keccak256(concatBytes(key, Uint8Array.of(b)))));
    keys.push(key);
    values.push(stream.slice(0, length));
  }
  return { keys, values };
}
