import type { Bn254Backend } from './backends';
import { type Precompile, rightPad } from './precompile';

/**
 * 0x07 (EIP-196, Byzantium): an alt_bn128 G1 point times a 256-bit scalar, input zero-padded to
 * 96 bytes. An invalid point fails the call. 40000 gas, 6000 from Istanbul (EIP-1108).
 */
export function createBn254Mul(backend: Bn254Backend): Precompile {
  return {
    address: 0x07,
    name: 'BN254_MUL',
    gas: (_input, rules) => (rules.has(1108) ? 6000n : 40000n),
    run: (input) => backend.mul(rightPad(input, 96)),
  };
}
