import { bytesToBigInt, EMPTY_BYTES, keccak256 } from '@cairn/common';
import type { Secp256k1Backend } from './backends';
import { type Precompile, rightPad } from './precompile';

const ECRECOVER_GAS = 3000n;

/**
 * 0x01: the address that signed a hash. Input (zero-padded to 128 bytes): hash, v, r, s as 32-byte
 * words. `v` must be exactly 27 or 28 and `r`, `s` in [1, n-1]; high `s` is accepted (the low-s
 * rule of EIP-2 is for transactions only). Any bad signature gives an empty output, which is a
 * successful call, never a failure.
 */
export function createEcrecover(backend: Secp256k1Backend): Precompile {
  return {
    address: 0x01,
    name: 'ECREC',
    gas: () => ECRECOVER_GAS,
    run(input) {
      const data = rightPad(input, 128);
      const v = bytesToBigInt(data.subarray(32, 64));
      if (v !== 27n && v !== 28n) return EMPTY_BYTES;
      const signature = {
        r: bytesToBigInt(data.subarray(64, 96)),
        s: bytesToBigInt(data.subarray(96, 128)),
        yParity: Number(v - 27n),
      };
      let publicKey: Uint8Array;
      try {
        publicKey = backend.recoverPublicKey(data.subarray(0, 32), signature);
      } catch {
        // Out-of-range r or s, or no curve point for r: the defined result is no address.
        return EMPTY_BYTES;
      }
      const output = new Uint8Array(32);
      output.set(keccak256(publicKey).subarray(12), 12);
      return output;
    },
  };
}
