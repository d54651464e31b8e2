import { bigintToFixedBytes, concatBytes, equalBytes, sha256 } from '@cairn/common';
import type { KzgBackend } from './backends';
import type { Precompile } from './precompile';

/** versioned hash (32) ‖ z (32) ‖ y (32) ‖ commitment (48) ‖ proof (48). */
const INPUT_LENGTH = 192;
const POINT_EVALUATION_GAS = 50000n;

/** EIP-4844's FIELD_ELEMENTS_PER_BLOB. */
export const FIELD_ELEMENTS_PER_BLOB = 4096n;
/** The order of the BLS12-381 scalar field, the modulus of blob field elements. */
export const BLS_MODULUS = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n;
/** The version byte of a KZG versioned hash. */
export const VERSIONED_HASH_VERSION_KZG = 0x01;

/** The versioned hash of a 48-byte KZG commitment: 0x01 ‖ sha256(commitment)[1:]. */
export function kzgToVersionedHash(commitment: Uint8Array): Uint8Array {
  const hash = sha256(commitment);
  hash[0] = VERSIONED_HASH_VERSION_KZG;
  return hash;
}

/** Every successful evaluation returns the same two words. */
const SUCCESS_OUTPUT = concatBytes(bigintToFixedBytes(FIELD_ELEMENTS_PER_BLOB, 32), bigintToFixedBytes(BLS_MODULUS, 32));

/**
 * 0x0a (EIP-4844, Cancun): checks that the commitment matches the versioned hash and that the
 * proof shows p(z) = y for the committed polynomial. Exactly 192 bytes of input, else the call
 * fails, as does any failed check (z or y not below the BLS modulus included). 50000 gas.
 */
export function createPointEvaluation(backend: KzgBackend): Precompile {
  return {
    address: 0x0a,
    name: 'KZG_POINT_EVALUATION',
    gas: () => POINT_EVALUATION_GAS,
    run(input) {
      if (input.length !== INPUT_LENGTH) return undefined;
      const commitment = input.subarray(96, 144);
      if (!equalBytes(kzgToVersionedHash(commitment), input.subarray(0, 32))) return undefined;
      const valid = backend.verifyKzgProof(commitment, input.subarray(32, 64), input.subarray(64, 96), input.subarray(144, 192));
      return valid ? SUCCESS_OUTPUT.slice() : undefined;
    },
  };
}
