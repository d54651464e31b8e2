import { ripemd160 as nobleRipemd160 } from '@noble/hashes/legacy.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

/** SHA-256 (precompile 0x02, KZG versioned hashes). */
export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

/** RIPEMD-160 (precompile 0x03). */
export function ripemd160(data: Uint8Array): Uint8Array {
  return nobleRipemd160(data);
}
