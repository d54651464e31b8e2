import type { Bn254Backend } from './backends';
import { type Precompile, rightPad } from './precompile';

/**
 * 0x06 (EIP-196, Byzantium): the sum of two alt_bn128 G1 points, input zero-padded to 128 bytes.
 * An invalid point fails the call. 500 gas, 150 from Istanbul (EIP-1108).
 */
export function createBn254Add(backend: Bn254Backend): Precompile {
  return {
    address: 0x06,
    name: 'BN254_ADD',
    gas: (_input, rules) => (rules.has(1108) ? 150n : 500n),
    run: (input) => backend.add(rightPad(input, 128)),
  };
}
