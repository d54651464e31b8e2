import { assertLength, concatBytes, ecdhSharedX, equalBytes, privateKeyToPublicKey, randomPrivateKey } from '@cairn/common';
import { ctr } from '@noble/ciphers/aes.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { HandshakeError } from '../errors';

/** Bytes ECIES adds to a message: the 65-byte ephemeral key, the 16-byte IV and the 32-byte tag. */
export const ECIES_OVERHEAD = 65 + 16 + 32;

/**
 * NIST SP 800-56 concatenation KDF over SHA-256 with an empty shared-info, as RLPx uses it: 32
 * bytes of output are always enough (16 for AES-128, 16 hashed into the MAC key), so one round.
 */
function deriveKeys(sharedX: Uint8Array): { encryptionKey: Uint8Array; macKey: Uint8Array } {
  const block = sha256(concatBytes(new Uint8Array([0, 0, 0, 1]), sharedX));
  return { encryptionKey: block.subarray(0, 16), macKey: sha256(block.subarray(16, 32)) };
}

/**
 * Encrypts `message` to the 64-byte public key `remotePublicKey`. `sharedMacData` is authenticated
 * but not sent: EIP-8 passes the two-byte size prefix there so the prefix cannot be altered.
 * `ephemeralKey` and `iv` exist for deterministic tests; leave them out otherwise.
 */
export function eciesEncrypt(
  remotePublicKey: Uint8Array,
  message: Uint8Array,
  sharedMacData: Uint8Array = new Uint8Array(0),
  ephemeralKey: Uint8Array = randomPrivateKey(),
  iv: Uint8Array = randomBytes(16),
): Uint8Array {
  const { encryptionKey, macKey } = deriveKeys(ecdhSharedX(ephemeralKey, remotePublicKey));
  const ciphertext = ctr(encryptionKey, iv).encrypt(message);
  const tag = hmac(sha256, macKey, concatBytes(iv, ciphertext, sharedMacData));
  return concatBytes(new Uint8Array([4]), privateKeyToPublicKey(ephemeralKey), iv, ciphertext, tag);
}

/** Decrypts an ECIES message sent to `privateKey`; a wrong tag or a bad point is a `HandshakeError`. */
export function eciesDecrypt(privateKey: Uint8Array, data: Uint8Array, sharedMacData: Uint8Array = new Uint8Array(0)): Uint8Array {
  if (data.length < ECIES_OVERHEAD) throw new HandshakeError(`ECIES message of ${data.length} bytes is shorter than its overhead`);
  if (data[0] !== 4) throw new HandshakeError('ECIES ephemeral key is not an uncompressed point');
  const ephemeralPublic = data.subarray(1, 65);
  const iv = data.subarray(65, 81);
  const ciphertext = data.subarray(81, data.length - 32);
  const tag = data.subarray(data.length - 32);
  let sharedX: Uint8Array;
  try {
    sharedX = ecdhSharedX(privateKey, ephemeralPublic);
  } catch (error) {
    throw new HandshakeError('ECIES ephemeral key is not on the curve', { cause: error });
  }
  const { encryptionKey, macKey } = deriveKeys(sharedX);
  const expected = hmac(sha256, macKey, concatBytes(iv, ciphertext, sharedMacData));
  if (!equalBytes(expected, tag)) throw new HandshakeError('ECIES message authentication failed');
  return ctr(encryptionKey, iv).decrypt(ciphertext);
}

/** Requires a 64-byte public key, as node ids are. */
export function assertNodeId(id: Uint8Array, what = 'node id'): Uint8Array {
  return assertLength(id, 64, what);
}
