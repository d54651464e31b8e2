import { secp256k1 } from '@noble/curves/secp256k1.js';
import { assertLength, bigintToFixedBytes } from '../bytes/bytes';
import { SignatureError } from '../errors';

/** Order of the secp256k1 group. */
export const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
/** Signatures with `s` above this are malleable twins, refused since Homestead (EIP-2). */
export const SECP256K1_HALF_N = SECP256K1_N >> 1n;

/** An ECDSA signature in Ethereum's form: `yParity` is the recovery bit (0 or 1). */
export interface EcdsaSignature {
  readonly r: bigint;
  readonly s: bigint;
  readonly yParity: number;
}

/** A random valid private key. */
export function randomPrivateKey(): Uint8Array {
  return secp256k1.utils.randomSecretKey();
}

/** The 64-byte uncompressed public key (x ‖ y, without the 0x04 prefix) of a 32-byte private key. */
export function privateKeyToPublicKey(privateKey: Uint8Array): Uint8Array {
  assertLength(privateKey, 32, 'private key');
  try {
    return secp256k1.getPublicKey(privateKey, false).subarray(1);
  } catch (error) {
    throw new SignatureError(`invalid private key: ${(error as Error).message}`);
  }
}

/**
 * Signs a 32-byte digest with RFC 6979 deterministic nonces; `s` is always in the lower half of
 * the order, as Ethereum requires.
 */
export function signHash(hash: Uint8Array, privateKey: Uint8Array): EcdsaSignature {
  assertLength(hash, 32, 'message hash');
  assertLength(privateKey, 32, 'private key');
  const bytes = secp256k1.sign(hash, privateKey, { prehash: false, lowS: true, format: 'recovered' });
  const signature = secp256k1.Signature.fromBytes(bytes, 'recovered');
  return { r: signature.r, s: signature.s, yParity: signature.recovery! };
}

/** Requires `r` and `s` in [1, n-1] and `yParity` 0 or 1; with `lowS`, `s` at most n/2. */
export function assertSignatureRanges(signature: EcdsaSignature, lowS: boolean): void {
  const { r, s, yParity } = signature;
  if (r <= 0n || r >= SECP256K1_N) throw new SignatureError('signature r is out of range');
  if (s <= 0n || s >= SECP256K1_N) throw new SignatureError('signature s is out of range');
  if (lowS && s > SECP256K1_HALF_N) throw new SignatureError('signature s is in the upper half of the curve order');
  if (yParity !== 0 && yParity !== 1) throw new SignatureError(`signature recovery id must be 0 or 1, got ${yParity}`);
}

/**
 * The 64-byte public key that signed `hash`. High-s signatures are accepted here (the ecrecover
 * precompile takes them); transaction validation applies the low-s rule itself.
 */
export function recoverPublicKey(hash: Uint8Array, signature: EcdsaSignature): Uint8Array {
  assertLength(hash, 32, 'message hash');
  assertSignatureRanges(signature, false);
  try {
    const sig = new secp256k1.Signature(signature.r, signature.s, signature.yParity);
    return sig.recoverPublicKey(hash).toBytes(false).subarray(1);
  } catch (error) {
    throw new SignatureError(`cannot recover the signer: ${(error as Error).message}`);
  }
}

/** Whether `signature` over `hash` was made by the key behind the 64-byte `publicKey`. */
export function verifySignature(hash: Uint8Array, signature: EcdsaSignature, publicKey: Uint8Array): boolean {
  assertLength(publicKey, 64, 'public key');
  const compact = new Uint8Array(64);
  compact.set(bigintToFixedBytes(signature.r, 32), 0);
  compact.set(bigintToFixedBytes(signature.s, 32), 32);
  const prefixed = new Uint8Array(65);
  prefixed[0] = 4;
  prefixed.set(publicKey, 1);
  try {
    return secp256k1.verify(compact, hash, prefixed, { prehash: false, lowS: false });
  } catch {
    return false;
  }
}

/** ECDH shared secret (the x coordinate), as RLPx and ECIES use. */
export function ecdhSharedX(privateKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  assertLength(publicKey, 64, 'public key');
  const prefixed = new Uint8Array(65);
  prefixed[0] = 4;
  prefixed.set(publicKey, 1);
  try {
    return secp256k1.getSharedSecret(privateKey, prefixed, true).subarray(1);
  } catch (error) {
    throw new SignatureError(`invalid ECDH input: ${(error as Error).message}`);
  }
}
