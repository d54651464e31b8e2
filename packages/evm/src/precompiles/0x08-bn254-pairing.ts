import type { Bn254Backend } from './backends';
import type { Precompile } from './precompile';

/** One (G1, G2) pair: 64 + 128 bytes. */
const PAIR_LENGTH = 192;

/**
 * 0x08 (EIP-197, Byzantium): whether the product of the pairings of k (G1, G2) pairs is one, as a
 * 32-byte 0 or 1; no input at all counts as true. Input whose length is not a multiple of 192
 * fails, as does any invalid point. 100000 + 80000·k gas, 45000 + 34000·k from Istanbul (EIP-1108).
 */
export function createBn254Pairing(backend: Bn254Backend): Precompile {
  return {
    address: 0x08,
    name: 'BN254_PAIRING',
    gas(input, rules) {
      const pairs = BigInt(Math.floor(input.length / PAIR_LENGTH));
      return rules.has(1108) ? 45000n + 34000n * pairs : 100000n + 80000n * pairs;
    },
    run(input) {
      if (input.length % PAIR_LENGTH !== 0) return undefined;
      const result = backend.pairingCheck(input);
      if (result === undefined) return undefined;
      const output = new Uint8Array(32);
      output[31] = result ? 1 : 0;
      return output;
    },
  };
}
