import type { EcdsaSignature } from '@cairn/common';

/**
 * The cryptography the precompiles delegate, behind interfaces small enough that a bundle can
 * swap one implementation (pure JS, WebAssembly, a native addon) for another. Every method takes
 * exactly-sized input: the precompile modules do the padding, length checks and pricing.
 */

/** secp256k1 public-key recovery (ecrecover). */
export interface Secp256k1Backend {
  /** The 64-byte public key (x ‖ y) that signed `hash`; throws when there is none. */
  recoverPublicKey(hash: Uint8Array, signature: EcdsaSignature): Uint8Array;
}

/**
 * alt_bn128 (bn254) arithmetic in the EIP-196/197 encoding: big-endian 32-byte coordinates, the
 * point at infinity as all zeros, G2 coordinates as (imaginary, real) pairs.
 */
export interface Bn254Backend {
  /** Sum of the two G1 points in 128 bytes, as 64 bytes; `undefined` when a point is invalid. */
  add(input: Uint8Array): Uint8Array | undefined;
  /** The G1 point in the first 64 of 96 bytes times the 32-byte scalar; `undefined` when invalid. */
  mul(input: Uint8Array): Uint8Array | undefined;
  /**
   * Whether the product of the pairings of the (G1, G2) pairs in `input` (a multiple of 192
   * bytes) is one; `undefined` when a point is invalid (off the curve, a coordinate not below the
   * field modulus, or a G2 point outside the prime-order subgroup).
   */
  pairingCheck(input: Uint8Array): boolean | undefined;
}

/**
 * KZG commitments over BLS12-381 with Ethereum's trusted setup (EIP-4844). Verification methods
 * return false for malformed input; the methods that compute throw a `ValueError`.
 */
export interface KzgBackend {
  /** Whether `proof` shows that the polynomial behind `commitment` takes value `y` at `z`. */
  verifyKzgProof(commitment: Uint8Array, z: Uint8Array, y: Uint8Array, proof: Uint8Array): boolean;
  /** The 48-byte commitment to a 131072-byte blob. */
  blobToKzgCommitment(blob: Uint8Array): Uint8Array;
  /** The 48-byte proof that `commitment` commits to `blob`, as blob transactions carry it. */
  computeBlobKzgProof(blob: Uint8Array, commitment: Uint8Array): Uint8Array;
  /** Whether a blob sidecar entry (blob, commitment, proof) is consistent. */
  verifyBlobKzgProof(blob: Uint8Array, commitment: Uint8Array, proof: Uint8Array): boolean;
}

/** The BLAKE2b compression function F with a caller-chosen round count (EIP-152). */
export interface Blake2fBackend {
  /**
   * F over the state `h` (64 bytes), the message block `m` (128) and the offset counter `t` (16),
   * each a run of little-endian 64-bit words, with the last-block flag `final`, for `rounds`
   * rounds (a u32; up to 2^32 - 1). Returns the new state, 64 bytes; the inputs are not changed.
   * Throws a `ValueError` for other sizes or a round count that is not a u32.
   */
  compress(rounds: number, h: Uint8Array, m: Uint8Array, t: Uint8Array, final: boolean): Uint8Array;
}

/** Every backend the precompile set needs. */
export interface PrecompileBackends {
  readonly secp256k1: Secp256k1Backend;
  readonly bn254: Bn254Backend;
  readonly kzg: KzgBackend;
  readonly blake2f: Blake2fBackend;
}
