import { keccak_256 } from '@noble/hashes/sha3.js';
import { createKeccak } from 'hash-wasm';

/** A 32-byte hash function. Hot code (trie, EVM) takes one as an option so the backend is pluggable. */
export type Hash256 = (data: Uint8Array) => Uint8Array;

/** Keccak-256 in pure JavaScript (`@noble/hashes`): always available, used to cross-check. */
export const keccak256Js: Hash256 = (data) => keccak_256(data);

/**
 * Keccak-256 on `hash-wasm`'s WebAssembly build: measured here at 0.55 µs for 64 bytes against
 * 3.9 µs for `@noble/hashes`, and 2.8 µs against 26 µs for 1 KiB. The hasher is created once;
 * JavaScript is single-threaded and `digest` is synchronous, so one instance serves every call.
 * Where WebAssembly is unavailable the JavaScript backend is used instead.
 */
async function createWasmKeccak256(): Promise<Hash256> {
  try {
    const hasher = await createKeccak(256);
    return (data) => {
      hasher.init();
      hasher.update(data);
      return hasher.digest('binary');
    };
  } catch {
    return keccak256Js;
  }
}

/** Keccak-256 (the original padding Ethereum uses, not NIST SHA3-256), on the fastest backend. */
export const keccak256: Hash256 = await createWasmKeccak256();

/** Keccak-256 of the empty string: the code hash of an account without code. */
export const KECCAK256_EMPTY = keccak256(new Uint8Array(0));
